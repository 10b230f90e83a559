package fr.raccroche.territory;

import java.util.List;

/**
 * A partner structure (Mission locale, CIO, CFA, …) that takes young people in charge. A
 * département-wide partner (MLDS, PJJ) serves every perimeter and lists none.
 */
public record Partner(
    String code,
    String name,
    PartnerType type,
    boolean departementWide,
    List<String> perimeterCodes,
    String contactEmail,
    String contactPhone) {

  public Partner {
    perimeterCodes = perimeterCodes == null ? List.of() : List.copyOf(perimeterCodes);
  }

  /** Name of the Camunda group of this partner's caseworkers. */
  public String caseworkerGroup() {
    return TerritoryCodes.partnerGroup(code);
  }
}
