package fr.raccroche.coordination;

import fr.raccroche.pathway.Need;
import fr.raccroche.pathway.OrientationOffers;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The pathway's orientation form asks the catalogue which offers match a young person: current
 * offers serving the perimeter, open to the age, with places left, addressing one of the needs.
 * Best first: the primary need, then the number of other needs met, then the places left.
 */
@Component
class CatalogueOrientationOffers implements OrientationOffers {
  private final OfferService offers;
  private final Clock clock;

  CatalogueOrientationOffers(OfferService offers, Optional<Clock> clock) {
    this.offers = offers;
    this.clock = clock.orElse(Clock.systemDefaultZone());
  }

  /** An offer with what it has for the young person. */
  record Match(Offer offer, boolean primary, int others) {}

  @Override
  public List<Suggestion> suggest(
      String perimeterCode, Need primaryNeed, List<Need> otherNeeds, Integer age) {
    return matches(perimeterCode, primaryNeed, otherNeeds, age).stream()
        .map(m -> new Suggestion(m.offer().id(), label(m), m.offer().partnerCode()))
        .toList();
  }

  @Override
  public Optional<String> name(long offerId) {
    return offers.find(offerId).map(o -> o.name() + " — " + o.partnerName());
  }

  List<Match> matches(String perimeterCode, Need primaryNeed, List<Need> otherNeeds, Integer age) {
    LocalDate today = LocalDate.now(clock);
    List<Need> others = otherNeeds == null ? List.of() : otherNeeds;
    return offers.find(new OfferFilter(perimeterCode, null, age, true, null)).stream()
        .filter(o -> o.currentOn(today))
        .map(
            o ->
                new Match(
                    o,
                    primaryNeed != null && o.needs().contains(primaryNeed),
                    (int)
                        others.stream()
                            .filter(n -> n != primaryNeed && o.needs().contains(n))
                            .count()))
        .filter(m -> m.primary() || m.others() > 0)
        .sorted(
            Comparator.comparing((Match m) -> !m.primary())
                .thenComparing(Match::others, Comparator.reverseOrder())
                .thenComparing(
                    (Match m) ->
                        m.offer().placesAvailable() == null
                            ? Integer.MAX_VALUE
                            : m.offer().placesAvailable(),
                    Comparator.reverseOrder())
                .thenComparing(m -> m.offer().name()))
        .toList();
  }

  private static String label(Match m) {
    Offer o = m.offer();
    String places =
        o.placesAvailable() == null
            ? "places non limitées"
            : o.placesAvailable() + (o.placesAvailable() == 1 ? " place" : " places");
    String fit = m.primary() ? "besoin principal" : "autre besoin";
    return o.name() + " — " + o.partnerName() + " (" + places + ", " + fit + ")";
  }
}
