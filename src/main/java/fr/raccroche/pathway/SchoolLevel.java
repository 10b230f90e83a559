package fr.raccroche.pathway;

/** Last class level reached (without a diploma). */
public enum SchoolLevel {
  COLLEGE("Collège"),
  CAP_BEP("CAP / BEP (non obtenu)"),
  LYCEE("Lycée (bac non obtenu)"),
  HIGHER("Enseignement supérieur (non diplômé)"),
  UNKNOWN("Inconnu");

  private final String label;

  SchoolLevel(String label) {
    this.label = label;
  }

  /** French label shown to users. */
  public String label() {
    return label;
  }
}
