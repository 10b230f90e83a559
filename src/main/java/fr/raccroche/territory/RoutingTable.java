package fr.raccroche.territory;

import java.util.Map;
import java.util.Optional;

/**
 * A snapshot of the routing rules (commune → perimeter, postal code → perimeter when unique,
 * establishment → perimeter), for routing many rows without a query each. Same order as {@link
 * TerritoryService#route(String, String, String)}.
 */
public final class RoutingTable {
  private final Map<String, String> byCommune;
  private final Map<String, String> byPostalCode;
  private final Map<String, String> byUai;
  private final String departement;

  RoutingTable(
      String departement,
      Map<String, String> byCommune,
      Map<String, String> byPostalCode,
      Map<String, String> byUai) {
    this.departement = departement;
    this.byCommune = Map.copyOf(byCommune);
    this.byPostalCode = Map.copyOf(byPostalCode);
    this.byUai = Map.copyOf(byUai);
  }

  /** The département whose perimeters this table routes to; null: every département's. */
  public String departement() {
    return departement;
  }

  public Optional<Routing> route(String communeCode, String postalCode, String uai) {
    String perimeter = get(byCommune, TerritoryCodes.normaliseCommuneCode(communeCode));
    if (perimeter != null) {
      return Optional.of(new Routing(perimeter, Routing.RoutedBy.COMMUNE_CODE));
    }
    perimeter = get(byPostalCode, TerritoryCodes.normalisePostalCode(postalCode));
    if (perimeter != null) {
      return Optional.of(new Routing(perimeter, Routing.RoutedBy.POSTAL_CODE));
    }
    perimeter = get(byUai, TerritoryCodes.normaliseUai(uai));
    if (perimeter != null) {
      return Optional.of(new Routing(perimeter, Routing.RoutedBy.UAI));
    }
    return Optional.empty();
  }

  private static String get(Map<String, String> map, String key) {
    return key == null ? null : map.get(key);
  }
}
