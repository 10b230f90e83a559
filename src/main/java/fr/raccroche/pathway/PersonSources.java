package fr.raccroche.pathway;

import java.time.Instant;
import java.util.List;

/**
 * Where a young person was listed (implemented by the detection module, which owns the source
 * listings): shown on the case so that a coordinator knows every list that named the young person.
 */
public interface PersonSources {
  /** One listing: source system, kind of list, file and line, when it was recorded. */
  record Listing(
      LeaverSource source,
      String sourceLabel,
      String kind,
      String fileName,
      long line,
      Instant recordedAt) {}

  List<Listing> listingsOf(long personId);
}
