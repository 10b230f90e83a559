package fr.raccroche.coordination;

/** Where an experiment project stands (docs/specification.md §5 Coordination). */
public enum ProjectStatus {
  SUBMITTED("Déposé"),
  SELECTED("Retenu"),
  REJECTED("Non retenu"),
  RUNNING("En cours"),
  EVALUATED("Évalué");

  private final String label;

  ProjectStatus(String label) {
    this.label = label;
  }

  /** French label shown to users. */
  public String label() {
    return label;
  }
}
