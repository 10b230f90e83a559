package fr.raccroche.detection;

/**
 * How one header cell of an imported file was understood (part of every import report).
 *
 * @param position the column's position in the file, from 1
 * @param header the header as written in the file (empty for an empty or merged cell)
 * @param column the canonical column it was read as (product.md §2: {@code nom}, {@code
 *     date_naissance}…), null when ignored
 * @param reading how it was recognised, or why it was ignored
 * @param explanation the same in French, for the page
 */
public record HeaderColumn(
    int position, String header, String column, Reading reading, String explanation) {

  /** How a header was recognised, or why it was ignored. */
  public enum Reading {
    /** The canonical name, in any case, accents, spaces or punctuation. */
    CANONICAL,
    /** A built-in alias (a usual export header). */
    ALIAS,
    /** An alias a supervisor added for this source. */
    SOURCE_ALIAS,
    /** Not read: unknown, without a name, or a second header for a column already read. */
    IGNORED
  }
}
