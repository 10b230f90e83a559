package fr.raccroche.pathway;

/** How a case came in. */
public enum CaseOrigin {
  IMPORT("Liste de repérage"),
  SELF_REFERRAL("Signalement");

  private final String label;

  CaseOrigin(String label) {
    this.label = label;
  }

  /** French label shown to users. */
  public String label() {
    return label;
  }
}
