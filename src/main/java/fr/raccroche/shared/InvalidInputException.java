package fr.raccroche.shared;

/**
 * Input that breaks a business rule or a format. Carries the field at fault and a French message
 * shown to users.
 */
public class InvalidInputException extends RuntimeException {
  private final String field;

  public InvalidInputException(String field, String frenchMessage) {
    super(frenchMessage);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
