package fr.raccroche.territory;

/**
 * Types of partner structures (docs/specification.md §1 Territory), with the label shown to users.
 */
public enum PartnerType {
  MISSION_LOCALE("Mission locale"),
  CIO("Centre d'information et d'orientation"),
  MLDS("Mission de lutte contre le décrochage scolaire"),
  PAIO("Permanence d'accueil, d'information et d'orientation"),
  CFA("Centre de formation d'apprentis"),
  AGRICULTURE_INSERTION("Enseignement agricole – insertion"),
  PJJ("Protection judiciaire de la jeunesse"),
  FRANCE_TRAVAIL("France Travail"),
  LOCAL_AUTHORITY("Collectivité territoriale"),
  YOUTH_INFORMATION("Information jeunesse"),
  E2C("École de la deuxième chance"),
  EPIDE("EPIDE"),
  OTHER("Autre structure");

  private final String label;

  PartnerType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
