package fr.raccroche.territory;

/** Types of establishments that report leavers, with the label shown to users. */
public enum EstablishmentType {
  COLLEGE("Collège"),
  LYCEE("Lycée général et technologique"),
  LYCEE_PROFESSIONNEL("Lycée professionnel"),
  LYCEE_AGRICOLE("Lycée agricole"),
  CFA("Centre de formation d'apprentis"),
  EREA("Établissement régional d'enseignement adapté"),
  MFR("Maison familiale rurale"),
  OTHER("Autre établissement");

  private final String label;

  EstablishmentType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
