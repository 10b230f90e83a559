package fr.raccroche.messages;

/**
 * Where a message stands. {@code SENDING} is internal (handed to the provider, outcome not yet
 * recorded) and shows as {@code QUEUED} to users.
 */
public enum MessageStatus {
  QUEUED("en file d'attente"),
  DEFERRED("différé"),
  SENDING("en file d'attente"),
  SENT("envoyé"),
  FAILED("échec");

  private final String label;

  MessageStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The status of the public contract (QUEUED, SENT, FAILED, DEFERRED). */
  public MessageStatus shown() {
    return this == SENDING ? QUEUED : this;
  }
}
