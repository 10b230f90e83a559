package fr.raccroche.pathway;

/** Source systems of the leaver lists (docs/specification.md §2 Detection). */
public enum LeaverSource {
  EN("Éducation nationale"),
  AGRICULTURE("Enseignement agricole"),
  CFA("CFA"),
  JUSTICE("Justice (PJJ)"),
  MISSION_LOCALE("Mission locale"),
  LOCAL_AUTHORITY("Collectivité"),
  OTHER("Autre source");

  private final String label;

  LeaverSource(String label) {
    this.label = label;
  }

  /** French label shown to users. */
  public String label() {
    return label;
  }
}
