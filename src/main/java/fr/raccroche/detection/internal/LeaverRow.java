package fr.raccroche.detection.internal;

import java.time.LocalDate;

/**
 * A valid row of a source list, normalised: trimmed text (null when blank), upper-case INE, UAI and
 * codes, sex {@code M}/{@code F}, parsed dates, long text truncated to its column size.
 *
 * <p>{@code rowHash} (hex SHA-256 of the canonical fields, see {@link LeaverRowParser}) is the same
 * for the same row re-imported, whatever the column order or the file's encoding: it makes imports
 * idempotent. The line number is not part of it.
 */
public record LeaverRow(
    long line,
    String ine,
    String lastName,
    String firstName,
    String sex,
    LocalDate birthDate,
    String address,
    String postalCode,
    String communeName,
    String communeCode,
    String phone,
    String email,
    String uai,
    String establishmentName,
    String training,
    String level,
    LocalDate entryDate,
    LocalDate leavingDate,
    String leavingReason,
    String diploma,
    String legalGuardian,
    String guardianPhone,
    String rowHash) {

  // Everything but the line and the hash is personal data: keep it out of logs.
  @Override
  public String toString() {
    return "LeaverRow[line=" + line + ", rowHash=" + rowHash + "]";
  }
}
