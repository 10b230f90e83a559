package fr.raccroche.coordination;

/** Where a territorial diagnosis stands. */
public enum DiagnosisStatus {
  NOT_OPENED("Non ouvert"),
  OPEN("À rédiger"),
  SUBMITTED("À valider"),
  TO_REVISE("À reprendre"),
  VALIDATED("Validé");

  private final String label;

  DiagnosisStatus(String label) {
    this.label = label;
  }

  /** French label shown to users. */
  public String label() {
    return label;
  }
}
