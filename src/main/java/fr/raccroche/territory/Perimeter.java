package fr.raccroche.territory;

import java.util.List;

/**
 * A coordination perimeter (périmètre de coordination / bassin): every case belongs to exactly one.
 * Also the definition given to {@link TerritoryService#definePerimeter(Perimeter)}.
 */
public record Perimeter(
    String code,
    String name,
    String departement,
    List<Commune> communes,
    List<String> postalCodes,
    List<CoordinatorDesignation> coordinators) {

  public Perimeter {
    communes = communes == null ? List.of() : List.copyOf(communes);
    postalCodes = postalCodes == null ? List.of() : List.copyOf(postalCodes);
    coordinators = coordinators == null ? List.of() : List.copyOf(coordinators);
  }

  /** Name of the Camunda group of this perimeter's coordinators. */
  public String coordinatorGroup() {
    return TerritoryCodes.coordinatorGroup(code);
  }
}
