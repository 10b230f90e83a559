package fr.raccroche.coordination;

import fr.raccroche.pathway.Need;
import fr.raccroche.shared.PostalAddress;
import java.time.LocalDate;
import java.util.List;

/**
 * An offer of the local catalogue (offre de formation, d'information ou d'accompagnement) as read
 * by the API and the pages. Empty {@code perimeterCodes}: the whole département. {@code published}:
 * its editor published it, so it is a data·inclusion service readable without login ({@code
 * publishedOn} the day it was last published); {@code address}: where it receives young people.
 */
public record Offer(
    long id,
    String partnerCode,
    String partnerName,
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
    LocalDate lastUpdatedOn,
    boolean stale,
    boolean published,
    LocalDate publishedOn,
    OfferFees fees,
    String feesDetails,
    List<ReceptionMode> receptionModes,
    String openingHours,
    PostalAddress address) {

  public Offer {
    receptionModes = receptionModes == null ? List.of() : List.copyOf(receptionModes);
  }

  /** True when the offer serves the perimeter (an offer listing no perimeter serves them all). */
  public boolean serves(String perimeterCode) {
    return perimeterCodes.isEmpty() || perimeterCodes.contains(perimeterCode);
  }

  /** True when a young person of this age may take it (unknown age: yes). */
  public boolean openTo(Integer age) {
    return age == null || ((minAge == null || age >= minAge) && (maxAge == null || age <= maxAge));
  }

  /** True when places are left (no figure given: not limited). */
  public boolean hasPlaces() {
    return placesAvailable == null || placesAvailable > 0;
  }

  /** True when the offer has not ended on that day. */
  public boolean currentOn(LocalDate day) {
    return endDate == null || !endDate.isBefore(day);
  }
}
