package fr.raccroche.coordination;

/** Where an experiment project stands (product.md §5). */
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
