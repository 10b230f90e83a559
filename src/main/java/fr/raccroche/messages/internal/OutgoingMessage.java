package fr.raccroche.messages.internal;

import fr.raccroche.messages.Channel;

/** What a channel needs to send one message; the idempotency key identifies it at the provider. */
public record OutgoingMessage(
    long id,
    Channel channel,
    String address,
    String subject,
    String body,
    String idempotencyKey,
    String unsubscribeUrl) {
  @Override
  public String toString() {
    return "OutgoingMessage[id=" + id + ", channel=" + channel + "]";
  }
}
