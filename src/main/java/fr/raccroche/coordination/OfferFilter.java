package fr.raccroche.coordination;

import fr.raccroche.pathway.Need;

/** Filters of the catalogue; null means any. */
public record OfferFilter(
    String perimeterCode,
    Need need,
    Integer age,
    Boolean placesAvailable,
    String partnerCode,
    OfferType type,
    Boolean published) {
  public OfferFilter(
      String perimeterCode, Need need, Integer age, Boolean placesAvailable, String partnerCode) {
    this(perimeterCode, need, age, placesAvailable, partnerCode, null, null);
  }

  public static OfferFilter none() {
    return new OfferFilter(null, null, null, null, null);
  }
}
