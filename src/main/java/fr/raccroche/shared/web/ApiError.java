package fr.raccroche.shared.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * The JSON body of every error answered by {@code /api/**}: an RFC 9457 problem detail ({@code
 * application/problem+json}: {@code type}, a French {@code title} and {@code detail}, {@code
 * status}, {@code instance}, and {@code field}, the field in error) with the fields of the earlier
 * format kept for existing clients ({@code timestamp}, {@code error}, {@code message} — the same
 * French text as {@code detail} —, {@code path}, {@code fields}). Never a stack trace nor an
 * exception name.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    String field,
    Instant timestamp,
    String error,
    String message,
    String path,
    List<FieldError> fields) {

  /** The media type of problem details. */
  public static final String PROBLEM_JSON = "application/problem+json";

  /** One field at fault, with its French message. */
  public record FieldError(String field, String message) {}
}
