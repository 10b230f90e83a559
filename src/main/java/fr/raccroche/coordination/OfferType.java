package fr.raccroche.coordination;

import java.util.List;

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

  /**
   * The one data·inclusion {@code type} of an offer of several kinds: the most specific of them, in
   * this order: training, workshop, financial aid, material aid, accompaniment, information (what
   * the young person gets rather than how they are told about it). Null for none.
   */
  public static OfferType main(List<OfferType> types) {
    if (types == null) {
      return null;
    }
    for (OfferType t : PRECEDENCE) {
      if (types.contains(t)) {
        return t;
      }
    }
    return null;
  }

  private static final List<OfferType> PRECEDENCE =
      List.of(TRAINING, WORKSHOP, FINANCIAL_AID, MATERIAL_AID, ACCOMPANIMENT, INFORMATION);

  /** Code of the data·inclusion "types de services" referential. */
  public String dataInclusionCode() {
    return dataInclusionCode;
  }
}
