package fr.raccroche.messages.internal;

/**
 * Sends an SMS through a provider ({@code raccroche.messages.sms.provider}): {@code log} records it
 * only (the demo, the administrators' page "Messages envoyés"), {@code brevo} sends it through
 * Brevo's transactional SMS API.
 */
public interface SmsProvider {
  /** The provider's name as configured and stored with each message. */
  String name();

  /**
   * Sends the text to the number (E.164).
   *
   * @return the provider's reference of the message
   */
  String send(OutgoingMessage message) throws DeliveryFailure;
}
