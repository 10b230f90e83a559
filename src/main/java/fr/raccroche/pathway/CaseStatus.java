package fr.raccroche.pathway;

/** Status of a case, for lists and reports (docs/specification.md §3 Pathway). */
public enum CaseStatus {
  TO_CONTACT("À contacter"),
  UNREACHABLE("Injoignable"),
  IN_DIAGNOSIS("En diagnostic"),
  ORIENTED("Orienté"),
  TAKEN_IN_CHARGE("Pris en charge"),
  IN_SOLUTION("En solution"),
  CLOSED("Clos");

  private final String label;

  CaseStatus(String label) {
    this.label = label;
  }

  /** French label shown to users. */
  public String label() {
    return label;
  }
}
