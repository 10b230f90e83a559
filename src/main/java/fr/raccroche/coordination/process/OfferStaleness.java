package fr.raccroche.coordination.process;

import fr.raccroche.coordination.internal.OfferEntity;
import fr.raccroche.coordination.internal.OfferRepository;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Read by {@code OfferUpdateProcess} ({@code ${offerStaleness.…}}): Timer_OfferStale fires the
 * configured delay after the offer's last update, read from the catalogue each time the process
 * waits again, so that an update moves the timer.
 */
@Component("offerStaleness")
public class OfferStaleness {
  private final OfferRepository offers;
  private final CoordinationSettings settings;

  public OfferStaleness(OfferRepository offers, CoordinationSettings settings) {
    this.offers = offers;
    this.settings = settings;
  }

  /** When the offer becomes stale: its last update plus {@code offer-stale-after}. */
  public Date staleAt(Object offerId) {
    OfferEntity offer = offers.findById(((Number) offerId).longValue()).orElse(null);
    if (offer == null) {
      return settings.dueIn("PT0S");
    }
    return settings.after(offer.getLastUpdatedOn(), settings.getOfferStaleAfter());
  }

  /** Gateway_OfferStillRunning: the offer still exists and has not ended. */
  public boolean isCurrent(Object offerId) {
    return offers
        .findById(((Number) offerId).longValue())
        .map(o -> o.getEndDate() == null || !o.getEndDate().isBefore(settings.today()))
        .orElse(false);
  }

  /** Due date of Task_UpdateOffer. */
  public Date updateDue() {
    return settings.dueIn(settings.getOfferUpdateDue());
  }
}
