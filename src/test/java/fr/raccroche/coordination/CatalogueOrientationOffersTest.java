package fr.raccroche.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import fr.raccroche.pathway.Need;
import fr.raccroche.pathway.OrientationOffers;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Best first: primary need, then more other needs met, then more places; no need met, no offer. */
class CatalogueOrientationOffersTest {
  static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

  static Offer offer(long id, String name, List<Need> needs, Integer places, LocalDate end) {
    return new Offer(
        id,
        "ML-LYON",
        "Mission locale de Lyon",
        name,
        null,
        List.of(),
        needs,
        null,
        null,
        null,
        null,
        List.of("LYON"),
        List.of(),
        places,
        null,
        end,
        null,
        null,
        null,
        null,
        null,
        TODAY,
        false,
        false,
        null,
        null,
        null,
        List.of(),
        null,
        null);
  }

  @Test
  void ranksTheMatchingOffersBestFirst() {
    OfferService service = mock(OfferService.class);
    when(service.find(any()))
        .thenReturn(
            List.of(
                offer(1, "Logement seul", List.of(Need.HOUSING), 10, null),
                offer(2, "Apprentissage 2 places", List.of(Need.APPRENTICESHIP), 2, null),
                offer(3, "Apprentissage 9 places", List.of(Need.APPRENTICESHIP), 9, null),
                offer(
                    4,
                    "Apprentissage et logement",
                    List.of(Need.APPRENTICESHIP, Need.HOUSING),
                    1,
                    null),
                offer(5, "Santé", List.of(Need.HEALTH), 4, null),
                offer(
                    6,
                    "Apprentissage terminé",
                    List.of(Need.APPRENTICESHIP),
                    4,
                    TODAY.minusDays(1))));
    CatalogueOrientationOffers catalogue =
        new CatalogueOrientationOffers(
            service,
            Optional.of(
                Clock.fixed(
                    TODAY.atStartOfDay(ZoneId.systemDefault()).toInstant(),
                    ZoneId.systemDefault())));

    List<OrientationOffers.Suggestion> suggestions =
        catalogue.suggest("LYON", Need.APPRENTICESHIP, List.of(Need.HOUSING), 17);

    assertThat(suggestions)
        .extracting(OrientationOffers.Suggestion::offerId)
        .containsExactly(4L, 3L, 2L, 1L);
    assertThat(suggestions.get(0).label())
        .isEqualTo(
            "Apprentissage et logement — Mission locale de Lyon (1 place, besoin principal)");
    assertThat(suggestions.get(3).label()).endsWith("(10 places, autre besoin)");
  }
}
