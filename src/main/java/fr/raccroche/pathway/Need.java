package fr.raccroche.pathway;

/** Needs found by the needs analysis. */
public enum Need {
  TRAINING("Formation"),
  APPRENTICESHIP("Apprentissage"),
  EMPLOYMENT("Emploi"),
  GUIDANCE("Orientation, information"),
  HEALTH("Santé"),
  HOUSING("Logement"),
  MOBILITY("Mobilité"),
  SOCIAL_FAMILY("Situation sociale et familiale"),
  LEGAL_JUSTICE("Justice"),
  RESOURCES("Ressources");

  private final String label;

  Need(String label) {
    this.label = label;
  }

  /** French label shown to users. */
  public String label() {
    return label;
  }
}
