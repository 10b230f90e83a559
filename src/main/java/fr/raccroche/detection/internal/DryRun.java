package fr.raccroche.detection.internal;

import fr.raccroche.detection.ImportKind;
import fr.raccroche.pathway.Admission;
import fr.raccroche.pathway.Admitted;
import fr.raccroche.pathway.CaseIntake;
import fr.raccroche.pathway.LeaverSource;
import fr.raccroche.territory.RoutingTable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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

  private final CaseIntake intake;
  private final SourceListingRepository listings;

  DryRun(CaseIntake intake, SourceListingRepository listings) {
    this.intake = intake;
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

  /** What a dry run carries across its chunks: the rows seen, the people it would create. */
  private static final class Seen {
    final Set<String> hashes = new HashSet<>();
    final CaseIntake.Prediction people = new CaseIntake.Prediction();
  }

  /**
   * One chunk through the pathway's intake in prediction mode: the same matching and decisions as
   * the import ({@link CaseIntake#predict}), nothing written.
   */
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
    rows.forEach(r -> hashes.add(r.rowHash()));
    Set<String> known = new HashSet<>(listings.findKnownHashes(source, hashes));
    String followedBy = null; // the partner does not change what a row matches
    Admission.Kind admission =
        switch (kind) {
          case LEAVERS -> Admission.Kind.LEAVER;
          case FOLLOWED -> Admission.Kind.FOLLOWED;
          case ENROLLED -> Admission.Kind.ENROLLED;
        };
    List<Admission> batch = new ArrayList<>();
    for (LeaverRow r : rows) {
      if (known.contains(r.rowHash()) || !seen.hashes.add(r.rowHash())) {
        result.unchanged++;
        continue;
      }
      batch.add(
          new Admission(
              LeaverRows.newCase(LeaverRows.pending(r, source, followedBy), LeaverRows.details(r)),
              admission,
              r.entryDate()));
    }
    for (Admitted a : intake.predict(seen.people, batch, routing)) {
      switch (a.outcome()) {
        case CREATED -> result.created++;
        case MERGED -> result.merged++;
        case UPDATED -> result.updated++;
        case EXCLUDED -> result.excluded++;
      }
      switch (a.review()) {
        case POSSIBLE_DUPLICATE -> result.possibleDuplicates++;
        case ASSIGN_PERIMETER -> result.withoutPerimeter++;
        case NONE -> {}
      }
    }
  }
}
