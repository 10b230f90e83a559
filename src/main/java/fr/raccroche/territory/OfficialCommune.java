package fr.raccroche.territory;

import java.util.List;

/**
 * A code of the official list of communes (COG), as the territory module loads it (see {@link
 * OfficialCommunes}).
 *
 * @param code INSEE code (5 characters, {@code 69123}, {@code 2A004})
 * @param name official name
 * @param departement code of its département ({@code 69}, {@code 2A}, {@code 974})
 * @param kind what the code stands for
 * @param parentCode for an arrondissement, a delegated commune or a former code: the current
 *     commune it belongs to; null for a current commune
 * @param postalCodes its postal codes (those of its parent for a delegated commune or former code)
 * @param epciCode SIREN of its EPCI (intercommunality), or null
 */
public record OfficialCommune(
    String code,
    String name,
    String departement,
    Kind kind,
    String parentCode,
    List<String> postalCodes,
    String epciCode) {

  public OfficialCommune {
    postalCodes = postalCodes == null ? List.of() : List.copyOf(postalCodes);
  }

  /** What a code of the list stands for. */
  public enum Kind {
    /** A commune as it is today. */
    CURRENT,
    /** A municipal arrondissement of Paris, Lyon or Marseille. */
    ARRONDISSEMENT,
    /** A delegated or associated commune inside a current one. */
    DELEGATED,
    /** The former code of a commune merged into a current one. */
    FORMER
  }
}
