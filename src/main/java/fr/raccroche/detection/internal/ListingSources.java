package fr.raccroche.detection.internal;

import fr.raccroche.pathway.PersonSources;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The source listings of a person, for the case view. */
@Component
class ListingSources implements PersonSources {
  private final SourceListingRepository listings;

  ListingSources(SourceListingRepository listings) {
    this.listings = listings;
  }

  @Override
  @Transactional(readOnly = true)
  public List<Listing> listingsOf(long personId) {
    return listings.findByPersonIdOrderByRecordedAt(personId).stream()
        .map(
            l ->
                new Listing(
                    l.getSource(),
                    l.getSource().label(),
                    l.getKind().name(),
                    l.getFileName(),
                    l.getLineNumber(),
                    l.getRecordedAt()))
        .toList();
  }
}
