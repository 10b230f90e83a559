package fr.raccroche.pathway;

/** Situation recorded at a follow-up. */
public enum FollowUpSituation {
  IN_PROGRESS("En cours d'accompagnement"),
  IN_SOLUTION("En solution"),
  DROPPED_OUT("Sortie du dispositif");

  private final String label;

  FollowUpSituation(String label) {
    this.label = label;
  }

  /** French label shown to users. */
  public String label() {
    return label;
  }
}
