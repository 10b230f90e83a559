package fr.raccroche.coordination;

import fr.raccroche.pathway.Need;
import java.time.LocalDate;
import java.util.List;

/** What the API and the pages send to create or update an offer. */
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
    String mobilisationLink) {}
