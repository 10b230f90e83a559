package fr.raccroche.coordination;

import fr.raccroche.pathway.Need;
import fr.raccroche.shared.PostalAddress;
import java.time.LocalDate;
import java.util.List;

/**
 * What the API and the pages send to create or update an offer (an update replaces every field).
 * {@code published}: true publishes the offer as a data·inclusion service, false withdraws it, null
 * keeps it as it was (unpublished for a new offer).
 */
public record OfferRequest(
    String partnerCode,
    String name,
    String description,
    List<OfferType> types,
    List<Need> needs,
    Integer minAge,
    Integer maxAge,
    String publicDescription,
    String accessConditions,
    List<String> perimeterCodes,
    List<String> communeCodes,
    Integer placesAvailable,
    LocalDate startDate,
    LocalDate endDate,
    String contactName,
    String contactEmail,
    String contactPhone,
    String howToMobilise,
    String mobilisationLink,
    Boolean published,
    OfferFees fees,
    String feesDetails,
    List<ReceptionMode> receptionModes,
    String openingHours,
    PostalAddress address) {

  /** An offer described without the data·inclusion details (unpublished, no fees, no address). */
  public OfferRequest(
      String partnerCode,
      String name,
      String description,
      List<OfferType> types,
      List<Need> needs,
      Integer minAge,
      Integer maxAge,
      String publicDescription,
      String accessConditions,
      List<String> perimeterCodes,
      List<String> communeCodes,
      Integer placesAvailable,
      LocalDate startDate,
      LocalDate endDate,
      String contactName,
      String contactEmail,
      String contactPhone,
      String howToMobilise,
      String mobilisationLink) {
    this(
        partnerCode,
        name,
        description,
        types,
        needs,
        minAge,
        maxAge,
        publicDescription,
        accessConditions,
        perimeterCodes,
        communeCodes,
        placesAvailable,
        startDate,
        endDate,
        contactName,
        contactEmail,
        contactPhone,
        howToMobilise,
        mobilisationLink,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /** The same request with another partner. */
  OfferRequest withPartner(String code) {
    return new OfferRequest(
        code,
        name,
        description,
        types,
        needs,
        minAge,
        maxAge,
        publicDescription,
        accessConditions,
        perimeterCodes,
        communeCodes,
        placesAvailable,
        startDate,
        endDate,
        contactName,
        contactEmail,
        contactPhone,
        howToMobilise,
        mobilisationLink,
        published,
        fees,
        feesDetails,
        receptionModes,
        openingHours,
        address);
  }
}
