package fr.raccroche.coordination;

/** Kinds of offer, with their data·inclusion {@code types} code. */
public enum OfferType {
  ACCOMPANIMENT("Accompagnement", "accompagnement"),
  TRAINING("Formation", "formation"),
  INFORMATION("Information", "information"),
  WORKSHOP("Atelier", "atelier"),
  FINANCIAL_AID("Aide financière", "aide-financiere"),
  MATERIAL_AID("Aide matérielle", "aide-materielle");

  private final String label;
  private final String dataInclusionCode;

  OfferType(String label, String dataInclusionCode) {
    this.label = label;
    this.dataInclusionCode = dataInclusionCode;
  }

  /** French label shown to users. */
  public String label() {
    return label;
  }

  /** Code of the data·inclusion "types de services" referential. */
  public String dataInclusionCode() {
    return dataInclusionCode;
  }
}
