package fr.raccroche.detection.internal;

import java.util.Locale;

/** Row counts of an import (or of one chunk). */
final class ImportCounts {
  long read;
  long created;
  long merged;
  long updated;
  long unchanged;
  long rejected;
  long excluded;
  long casesRegistered;
  long duplicatesToReview;
  long perimetersToAssign;
  long rowsFailed;

  /** Adds a chunk's counts; answers the rows read so far. */
  synchronized long add(ImportCounts d) {
    read += d.read;
    duplicatesToReview += d.duplicatesToReview;
    perimetersToAssign += d.perimetersToAssign;
    created += d.created;
    merged += d.merged;
    updated += d.updated;
    unchanged += d.unchanged;
    rejected += d.rejected;
    excluded += d.excluded;
    casesRegistered += d.casesRegistered;
    rowsFailed += d.rowsFailed;
    return read;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "read=%d created=%d merged=%d updated=%d unchanged=%d rejected=%d excluded=%d",
        read,
        created,
        merged,
        updated,
        unchanged,
        rejected,
        excluded);
  }
}
