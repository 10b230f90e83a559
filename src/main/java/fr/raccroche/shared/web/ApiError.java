package fr.raccroche.shared.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * The JSON body of every error answered by {@code /api/**}: HTTP status, a French message for users
 * and, for validation errors, the fields at fault. Never a stack trace.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(
    Instant timestamp,
    int status,
    String error,
    String message,
    String path,
    List<FieldError> fields) {

  /** One field at fault, with its French message. */
  public record FieldError(String field, String message) {}
}
