package fr.raccroche.messages.internal;

/**
 * A channel could not deliver. {@code REJECTED}: the provider refused this message for good (bad
 * number, refused address): no retry. {@code TRANSIENT}: nothing went (server down, refused
 * credentials, no credit, rate limit): retried, then an incident. {@code UNKNOWN}: the request left
 * but no answer came back, so the message may have gone: never sent again.
 *
 * <p>The message (English, for the logs and Cockpit) never holds an address or the content.
 */
public class DeliveryFailure extends Exception {
  public enum Kind {
    REJECTED,
    TRANSIENT,
    UNKNOWN
  }

  private final Kind kind;
  private final String frenchReason;

  public DeliveryFailure(Kind kind, String englishMessage, String frenchReason) {
    super(englishMessage);
    this.kind = kind;
    this.frenchReason = frenchReason;
  }

  public Kind kind() {
    return kind;
  }

  /** What users read in the message's status. */
  public String frenchReason() {
    return frenchReason;
  }
}
