package fr.raccroche.detection.internal;

import fr.raccroche.detection.ImportKind;
import fr.raccroche.pathway.LeaverSource;
import fr.raccroche.pathway.Names;
import fr.raccroche.pathway.PersonDirectory;
import fr.raccroche.pathway.PersonDirectory.PersonRef;
import fr.raccroche.territory.RoutingTable;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a whole list as the import would and says what it would do, writing nothing: the rows
 * rejected and excluded with their reasons, and — through read-only look-ups of the people already
 * known and of the source's listings — the rows that would create a young person, be matched to a
 * known one, change nothing, or wait for a supervisor (no perimeter) or a coordinator (possible
 * duplicate). A prediction: between the check and the import, other imports may change it.
 */
@Component
public class DryRun {
  static final int CHUNK = 500;
  static final int NEAR_MATCH_DISTANCE = 2;

  private final PersonDirectory directory;
  private final SourceListingRepository listings;

  DryRun(PersonDirectory directory, SourceListingRepository listings) {
    this.directory = directory;
    this.listings = listings;
  }

  /** The outcome of a dry run; counts add up to {@code read}. */
  public static final class Result {
    public long read;
    public long created;
    public long merged;
    public long updated;
    public long unchanged;
    public long rejected;
    public long excluded;
    public long withoutPerimeter;
    public long possibleDuplicates;

    /**
     * Line, outcome ({@code REJECTED}/{@code EXCLUDED}) and reason of the first lines not taken.
     */
    public final List<Object[]> notTaken = new ArrayList<>();

    /** The first valid rows, as they would be stored. */
    public final List<LeaverRow> preview = new ArrayList<>();
  }

  /** Reads the whole file; holds no lock and writes nothing. */
  @Transactional(readOnly = true)
  public Result run(
      ListFile file,
      LeaverRowParser parser,
      LeaverSource source,
      ImportKind kind,
      RoutingTable routing,
      int keepNotTaken,
      int keepPreview)
      throws IOException {
    Result result = new Result();
    Seen seen = new Seen();
    List<LeaverRow> chunk = new ArrayList<>(CHUNK);
    ListRecord record;
    while ((record = file.next()) != null) {
      result.read++;
      ParsedRow parsed = parser.parse(record);
      switch (parsed.outcome()) {
        case VALID -> {
          chunk.add(parsed.row());
          if (result.preview.size() < keepPreview) {
            result.preview.add(parsed.row());
          }
          if (chunk.size() == CHUNK) {
            predict(chunk, source, kind, routing, seen, result);
            chunk.clear();
          }
        }
        case REJECTED, EXCLUDED -> {
          if (parsed.outcome() == ParsedRow.Outcome.REJECTED) {
            result.rejected++;
          } else {
            result.excluded++;
          }
          if (result.notTaken.size() < keepNotTaken) {
            result.notTaken.add(
                new Object[] {record.line(), parsed.outcome().name(), parsed.reason()});
          }
        }
      }
    }
    predict(chunk, source, kind, routing, seen, result);
    return result;
  }

  /** The people this file would create, so that its own second mention of them is a match. */
  private static final class Seen {
    final Set<String> hashes = new HashSet<>();
    final Map<String, LocalDate> ines = new HashMap<>();
    final Set<String> keys = new HashSet<>();
  }

  private void predict(
      List<LeaverRow> rows,
      LeaverSource source,
      ImportKind kind,
      RoutingTable routing,
      Seen seen,
      Result result) {
    if (rows.isEmpty()) {
      return;
    }
    Set<String> hashes = new HashSet<>();
    Set<String> ines = new HashSet<>();
    Set<LocalDate> births = new HashSet<>();
    for (LeaverRow r : rows) {
      hashes.add(r.rowHash());
      if (r.ine() != null) {
        ines.add(r.ine());
      }
      births.add(r.birthDate());
    }
    Set<String> known = new HashSet<>(listings.findKnownHashes(source, hashes));
    Map<String, PersonRef> byIne = new HashMap<>();
    Map<String, PersonRef> byKey = new HashMap<>();
    Map<LocalDate, List<PersonRef>> byBirth = new HashMap<>();
    List<PersonRef> people = new ArrayList<>(directory.findByInes(ines));
    people.addAll(directory.findByBirthDates(births));
    for (PersonRef p : people) {
      if (p.ine() != null) {
        byIne.putIfAbsent(p.ine(), p);
      }
      byKey.putIfAbsent(p.nameKey() + '|' + p.birthDate(), p);
      byBirth.computeIfAbsent(p.birthDate(), d -> new ArrayList<>()).add(p);
    }
    for (LeaverRow r : rows) {
      if (known.contains(r.rowHash()) || !seen.hashes.add(r.rowHash())) {
        result.unchanged++;
        continue;
      }
      String key = Names.key(r.lastName(), r.firstName()) + '|' + r.birthDate();
      PersonRef ineMatch = r.ine() == null ? null : byIne.get(r.ine());
      PersonRef sameName = byKey.get(key);
      boolean matched =
          ineMatch != null
              || sameName != null && (r.ine() == null || sameName.ine() == null)
              || r.ine() != null && seen.ines.containsKey(r.ine())
              || r.ine() == null && seen.keys.contains(key);
      if (kind == ImportKind.ENROLLED) {
        if (matched) {
          result.updated++;
        } else {
          result.excluded++;
        }
        continue;
      }
      if (matched) {
        result.merged++;
        continue;
      }
      result.created++;
      if (r.ine() != null) {
        seen.ines.put(r.ine(), r.birthDate());
      }
      seen.keys.add(key);
      boolean near =
          sameName != null
              || byBirth.getOrDefault(r.birthDate(), List.of()).stream()
                  .anyMatch(
                      p ->
                          Similarity.distance(
                                  p.nameKey(),
                                  Names.key(r.lastName(), r.firstName()),
                                  NEAR_MATCH_DISTANCE)
                              <= NEAR_MATCH_DISTANCE);
      if (near) {
        result.possibleDuplicates++;
      } else if (routing.route(r.communeCode(), r.postalCode(), r.uai()).isEmpty()) {
        result.withoutPerimeter++;
      }
    }
  }
}
