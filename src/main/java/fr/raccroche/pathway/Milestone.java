package fr.raccroche.pathway;

/** Reporting milestones of a case, written as the process passes them. */
public enum Milestone {
  DETECTED("Repéré"),
  FIRST_CONTACT("Premier contact"),
  ORIENTED("Orienté vers un référent"),
  TAKEN_IN_CHARGE("Pris en charge"),
  IN_SOLUTION("En solution"),
  ONE_YEAR_CHECK("Vérification à un an"),
  TRANSFERRED("Transféré"),
  CLOSED("Clos");

  private final String label;

  Milestone(String label) {
    this.label = label;
  }

  /** French label shown to users. */
  public String label() {
    return label;
  }
}
