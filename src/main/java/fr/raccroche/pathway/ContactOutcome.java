package fr.raccroche.pathway;

/** Outcome of one contact attempt. */
public enum ContactOutcome {
  REACHED("Jeune joint"),
  NOT_REACHED("Jeune non joint"),
  REFUSED("Refus de l'accompagnement"),
  ALREADY_IN_SOLUTION("Déjà en solution");

  private final String label;

  ContactOutcome(String label) {
    this.label = label;
  }

  /** French label shown to users. */
  public String label() {
    return label;
  }
}
