package fr.raccroche.coordination;

/** Whether a young person pays for an offer, with its data·inclusion {@code frais} code. */
public enum OfferFees {
  FREE("Gratuit", "gratuit"),
  PAID("Payant", "payant");

  private final String label;
  private final String dataInclusionCode;

  OfferFees(String label, String dataInclusionCode) {
    this.label = label;
    this.dataInclusionCode = dataInclusionCode;
  }

  /** French label shown to users. */
  public String label() {
    return label;
  }

  /** Code of the data·inclusion "frais" referential. */
  public String dataInclusionCode() {
    return dataInclusionCode;
  }
}
