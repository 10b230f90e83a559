package fr.raccroche.detection;

import fr.raccroche.pathway.LeaverSource;
import java.util.List;
import java.util.Map;

/**
 * What an import of a file would do, read without writing anything ({@code dryRun=true}): its
 * counts (they add up to {@code rowsRead}, as an import's do), the lines it would reject or exclude
 * with their reasons, how each header was understood, and its first rows as they would be stored.
 * {@code created} and {@code merged} come from read-only look-ups of the young people known at the
 * time of the check: a prediction.
 *
 * @param withoutPerimeter new young people whose place routes to no perimeter (a supervisor assigns
 *     them)
 * @param possibleDuplicates new young people close to a known one (a coordinator reviews them)
 */
public record ImportCheck(
    LeaverSource source,
    String sourceLabel,
    ImportKind kind,
    String fileName,
    String fileFormat,
    String sheet,
    long rowsRead,
    long created,
    long merged,
    long updated,
    long unchanged,
    long rejected,
    long excluded,
    long withoutPerimeter,
    long possibleDuplicates,
    List<String> warnings,
    List<HeaderColumn> columns,
    List<ImportReport.Rejection> rejections,
    List<PreviewRow> preview) {

  /** A row as it would be stored: its line and its values by canonical column. */
  public record PreviewRow(long line, Map<String, String> values) {
    // The values are personal data: keep them out of logs.
    @Override
    public String toString() {
      return "PreviewRow[line=" + line + "]";
    }
  }
}
