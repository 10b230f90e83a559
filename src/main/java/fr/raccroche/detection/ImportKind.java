package fr.raccroche.detection;

/**
 * What an imported list says about the young people it names (docs/specification.md §2 Detection,
 * Import).
 */
public enum ImportKind {
  /** Young people who left without a diploma: the lists that open cases. */
  LEAVERS("Sortants sans diplôme"),
  /** Young people already followed by a network partner. */
  FOLLOWED("Jeunes déjà suivis"),
  /** Young people currently enrolled (school, agricultural school, apprenticeship). */
  ENROLLED("Jeunes inscrits en formation");

  private final String label;

  ImportKind(String label) {
    this.label = label;
  }

  /** French label shown to users. */
  public String label() {
    return label;
  }
}
