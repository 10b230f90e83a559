package fr.raccroche.territory;

import fr.raccroche.shared.PostalAddress;
import java.time.LocalDate;
import java.util.List;

/**
 * A partner structure (Mission locale, CIO, CFA, …) that takes young people in charge. A
 * département-wide partner (MLDS, PJJ) serves every perimeter and lists none.
 *
 * <p>The contact e-mail and telephone are the structure's own (a switchboard, a shared mailbox):
 * they are published in the data·inclusion export. The SIRET, premises, website and opening hours
 * describe the structure there too. {@code publishStaffContacts}: the structure agreed that the
 * named contacts of its offers (a caseworker's name, e-mail, telephone) be published with them;
 * without it the export gives the structure's own contact instead. {@code updatedOn}: the day its
 * definition last changed (read only).
 */
public record Partner(
    String code,
    String name,
    PartnerType type,
    boolean departementWide,
    List<String> perimeterCodes,
    String contactEmail,
    String contactPhone,
    String siret,
    PostalAddress address,
    String website,
    String openingHours,
    boolean publishStaffContacts,
    LocalDate updatedOn,
    String departement) {

  public Partner {
    perimeterCodes = perimeterCodes == null ? List.of() : List.copyOf(perimeterCodes);
  }

  /**
   * A partner whose département is that of its perimeters (or, serving the whole département, the
   * deployment's default one): {@link TerritoryService#definePartner} works it out.
   */
  public Partner(
      String code,
      String name,
      PartnerType type,
      boolean departementWide,
      List<String> perimeterCodes,
      String contactEmail,
      String contactPhone,
      String siret,
      PostalAddress address,
      String website,
      String openingHours,
      boolean publishStaffContacts,
      LocalDate updatedOn) {
    this(
        code,
        name,
        type,
        departementWide,
        perimeterCodes,
        contactEmail,
        contactPhone,
        siret,
        address,
        website,
        openingHours,
        publishStaffContacts,
        updatedOn,
        null);
  }

  /** A partner described by its code, name, type, area and contact only. */
  public Partner(
      String code,
      String name,
      PartnerType type,
      boolean departementWide,
      List<String> perimeterCodes,
      String contactEmail,
      String contactPhone) {
    this(
        code,
        name,
        type,
        departementWide,
        perimeterCodes,
        contactEmail,
        contactPhone,
        null,
        null,
        null,
        null,
        false,
        null,
        null);
  }

  /** Name of the Camunda group of this partner's caseworkers. */
  public String caseworkerGroup() {
    return TerritoryCodes.partnerGroup(code);
  }
}
