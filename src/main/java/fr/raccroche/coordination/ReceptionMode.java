package fr.raccroche.coordination;

/** How an offer receives young people, with its data·inclusion {@code modes_accueil} code. */
public enum ReceptionMode {
  IN_PERSON("Sur place", "en-presentiel"),
  REMOTE("À distance", "a-distance");

  private final String label;
  private final String dataInclusionCode;

  ReceptionMode(String label, String dataInclusionCode) {
    this.label = label;
    this.dataInclusionCode = dataInclusionCode;
  }

  /** French label shown to users. */
  public String label() {
    return label;
  }

  /** Code of the data·inclusion "modes d'accueil" referential. */
  public String dataInclusionCode() {
    return dataInclusionCode;
  }
}
