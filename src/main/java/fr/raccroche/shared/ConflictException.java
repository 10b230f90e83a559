package fr.raccroche.shared;

/**
 * A request that is well formed but that the current state refuses (a closed case, an address that
 * said "STOP", a daily limit reached): 409 with the French message.
 */
public class ConflictException extends RuntimeException {
  private final String field;

  public ConflictException(String field, String frenchMessage) {
    super(frenchMessage);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
