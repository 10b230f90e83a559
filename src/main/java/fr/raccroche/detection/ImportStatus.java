package fr.raccroche.detection;

/** Where an import stands. */
public enum ImportStatus {
  RUNNING("En cours"),
  COMPLETED("Terminé"),
  FAILED("Échoué");

  private final String label;

  ImportStatus(String label) {
    this.label = label;
  }

  /** French label shown to users. */
  public String label() {
    return label;
  }
}
