package fr.raccroche.pathway;

/** How a case came in. */
public enum CaseOrigin {
  IMPORT("Liste de repérage"),
  SELF_REFERRAL("Signalement"),
  /** Opened by a move from another département of the deployment (issue 24). */
  TRANSFER("Transfert d'un autre département");

  private final String label;

  CaseOrigin(String label) {
    this.label = label;
  }

  /** French label shown to users. */
  public String label() {
    return label;
  }
}
