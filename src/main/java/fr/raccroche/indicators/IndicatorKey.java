package fr.raccroche.indicators;

/** The three indicators of docs/specification.md §4 Indicators, for objectives. */
public enum IndicatorKey {
  LEAVERS("I1 — Jeunes sortis sans diplôme repérés"),
  TAKEN_IN_CHARGE("I2 — Jeunes pris en charge par les réseaux"),
  SOLUTION_AFTER_ONE_YEAR("I3 — Jeunes en solution un an après le premier contact");

  private final String label;

  IndicatorKey(String label) {
    this.label = label;
  }

  /** French label shown to users. */
  public String label() {
    return label;
  }
}
