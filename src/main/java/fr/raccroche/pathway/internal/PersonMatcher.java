package fr.raccroche.pathway.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one matching policy of the intake (docs/intake.md), over the people a batch may meet. One
 * person = one record: the same INE is the same person; without an INE on either side, the same
 * folded names and birth date are the same person. Not merged silently, a near match goes to a
 * human: the same names and birth date under two different INEs, or names within {@link
 * #NEAR_MATCH_DISTANCE} edits of a person born the same day.
 *
 * <p>Pure and not thread-safe: one per batch.
 */
public final class PersonMatcher {
  public static final int NEAR_MATCH_DISTANCE = 2;

  /** What matching found for one person: an exact match, a near one, or neither. */
  public record Match(PersonRef exact, PersonRef near) {
    static final Match NONE = new Match(null, null);
  }

  private record Key(String nameKey, LocalDate birthDate) {}

  private final Map<String, PersonRef> byIne = new HashMap<>();
  private final Map<Key, PersonRef> byKey = new HashMap<>();
  private final Map<LocalDate, List<PersonRef>> byBirth = new HashMap<>();
  private final Set<Long> ids = new HashSet<>();

  /** Adds a known person (the first record of an INE or of a name key is kept). */
  public void add(PersonRef p) {
    if (!ids.add(p.id())) {
      return; // found by INE and by birth date
    }
    if (p.ine() != null) {
      byIne.putIfAbsent(p.ine(), p);
    }
    byKey.putIfAbsent(new Key(p.nameKey(), p.birthDate()), p);
    byBirth.computeIfAbsent(p.birthDate(), d -> new ArrayList<>()).add(p);
  }

  public Match match(String ine, String nameKey, LocalDate birthDate) {
    PersonRef exact = ine == null ? null : byIne.get(ine);
    if (exact != null) {
      return new Match(exact, null);
    }
    PersonRef sameName = byKey.get(new Key(nameKey, birthDate));
    if (sameName != null) {
      return ine == null || sameName.ine() == null
          ? new Match(sameName, null)
          : new Match(null, sameName); // same names and birth date, another INE: a human decides
    }
    for (PersonRef p : byBirth.getOrDefault(birthDate, List.of())) {
      if (!p.nameKey().equals(nameKey)
          && Similarity.distance(p.nameKey(), nameKey, NEAR_MATCH_DISTANCE)
              <= NEAR_MATCH_DISTANCE) {
        return new Match(null, p);
      }
    }
    return Match.NONE;
  }
}
