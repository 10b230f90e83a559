package fr.raccroche.detection.internal;

import java.util.Objects;

/**
 * What became of one record: a valid {@link LeaverRow}, a rejection (a bad row, reported with its
 * line number and French reason) or an exclusion (out of scope, never stored, counted with its
 * reason).
 */
public record ParsedRow(Outcome outcome, LeaverRow row, String reason) {

  /** The three fates of a record (docs/specification.md §2 Detection, Import). */
  public enum Outcome {
    VALID,
    REJECTED,
    EXCLUDED
  }

  public ParsedRow {
    Objects.requireNonNull(outcome, "outcome");
    if ((outcome == Outcome.VALID) != (row != null)) {
      throw new IllegalArgumentException("A row goes with VALID and only with VALID");
    }
    if ((outcome == Outcome.VALID) != (reason == null)) {
      throw new IllegalArgumentException("A reason goes with REJECTED or EXCLUDED only");
    }
  }

  public static ParsedRow valid(LeaverRow row) {
    return new ParsedRow(Outcome.VALID, Objects.requireNonNull(row, "row"), null);
  }

  public static ParsedRow rejected(String reason) {
    return new ParsedRow(Outcome.REJECTED, null, Objects.requireNonNull(reason, "reason"));
  }

  public static ParsedRow excluded(String reason) {
    return new ParsedRow(Outcome.EXCLUDED, null, Objects.requireNonNull(reason, "reason"));
  }
}
