package fr.raccroche.messages;

import java.time.Instant;

/**
 * A message as the case's users read it ({@code GET /api/cases/{caseNumber}/messages}) and the
 * administrators' page "Messages envoyés" lists it.
 *
 * @param status {@code QUEUED}, {@code DEFERRED}, {@code SENT} or {@code FAILED}
 * @param scheduledFor when a deferred message will go (quiet hours, Sunday, a reminder's time)
 * @param failure why it failed, in French
 * @param contactAttempt whether it went while the case's contact task was open (then it is one of
 *     the contact's attempts in the case's trace)
 */
public record MessageView(
    long id,
    String caseNumber,
    Channel channel,
    Recipient recipient,
    String recipientLabel,
    String template,
    String templateLabel,
    MessageStatus status,
    String statusLabel,
    String address,
    String subject,
    String text,
    Instant createdAt,
    String createdBy,
    Instant scheduledFor,
    Instant sentAt,
    Instant failedAt,
    String failure,
    boolean contactAttempt,
    String provider) {

  @Override
  public String toString() {
    return "MessageView[id=" + id + ", status=" + status + "]";
  }
}
