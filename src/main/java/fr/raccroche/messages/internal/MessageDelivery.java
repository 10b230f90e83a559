package fr.raccroche.messages.internal;

import fr.raccroche.messages.Channel;
import fr.raccroche.messages.MessageStatus;
import fr.raccroche.messages.MessagesProperties;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One sending attempt of one message, for the worker of topic {@code send-message}. A message is
 * sent at most once: its row is locked and marked {@code SENDING} in a transaction of its own
 * before the provider is called, and {@code SENT} with the provider's reference right after. A
 * retry finds {@code SENT} and sends nothing; one that finds {@code SENDING} (the provider may have
 * taken it but its answer was lost) sends nothing either and reports the uncertainty in French. The
 * provider receives the message's idempotency key (SMTP {@code Message-ID}, Brevo's tag).
 *
 * <p>Just before sending, the rules are checked again: the recipient may have said STOP since, and
 * a retry may fall in the quiet hours (then the attempt waits for the next allowed time, without
 * counting as a failure).
 */
@Component
public class MessageDelivery {
  private static final Logger log = LoggerFactory.getLogger(MessageDelivery.class);

  /** What the attempt came to. */
  public enum Kind {
    /** Sent now. */
    SENT,
    /** Nothing to do: sent before, failed before, or erased with its case. */
    DONE,
    /** Not now: quiet hours; {@code notBefore} says when. */
    NOT_NOW,
    /** Refused for good: recorded FAILED with a French reason. */
    REJECTED,
    /** Failed this time: to be tried again (English reason, no personal data). */
    TRANSIENT
  }

  /**
   * @param reason English, for Cockpit and the logs
   * @param frenchReason what users read
   */
  public record Result(Kind kind, Instant notBefore, String reason, String frenchReason) {}

  private final MessageRepository messages;
  private final OptOuts optOuts;
  private final SmsProvider sms;
  private final EmailChannel email;
  private final QuietHours quiet;
  private final MessageClock clock;
  private final MessagesProperties properties;
  private final TransactionTemplate tx;

  MessageDelivery(
      MessageRepository messages,
      OptOuts optOuts,
      SmsProvider sms,
      EmailChannel email,
      QuietHours quiet,
      MessageClock clock,
      MessagesProperties properties,
      PlatformTransactionManager transactions) {
    this.messages = messages;
    this.optOuts = optOuts;
    this.sms = sms;
    this.email = email;
    this.quiet = quiet;
    this.clock = clock;
    this.properties = properties;
    this.tx = new TransactionTemplate(transactions);
  }

  public Result deliver(long messageId) {
    Object prepared = tx.execute(status -> prepare(messageId));
    if (prepared instanceof Result decided) {
      return decided;
    }
    OutgoingMessage outgoing = (OutgoingMessage) prepared;
    String provider = outgoing.channel() == Channel.SMS ? sms.name() : email.name();
    String reference;
    try {
      reference = outgoing.channel() == Channel.SMS ? sms.send(outgoing) : email.send(outgoing);
    } catch (DeliveryFailure failure) {
      log.warn("Message {} not delivered: {}", messageId, failure.getMessage());
      switch (failure.kind()) {
        case REJECTED -> {
          tx.executeWithoutResult(s -> fail(messageId, failure.frenchReason()));
          return new Result(Kind.REJECTED, null, failure.getMessage(), failure.frenchReason());
        }
        case UNKNOWN -> {
          // Left SENDING: the next attempt reports the uncertainty instead of sending again.
          return new Result(Kind.TRANSIENT, null, failure.getMessage(), failure.frenchReason());
        }
        default -> {
          tx.executeWithoutResult(s -> backToQueue(messageId, failure.frenchReason()));
          return new Result(Kind.TRANSIENT, null, failure.getMessage(), failure.frenchReason());
        }
      }
    }
    tx.executeWithoutResult(s -> sent(messageId, provider, reference));
    return new Result(Kind.SENT, null, null, null);
  }

  private Object prepare(long messageId) {
    Optional<MessageEntity> found = messages.lockById(messageId);
    if (found.isEmpty()) {
      return new Result(Kind.DONE, null, "erased", null);
    }
    MessageEntity m = found.get();
    switch (m.getStatus()) {
      case SENT -> {
        return new Result(Kind.DONE, null, "already sent", null);
      }
      case SENDING -> {
        String reason =
            "Envoi incertain : le fournisseur n'a pas confirmé l'envoi. Vérifiez auprès du"
                + " destinataire avant de renvoyer le message.";
        fail(m, reason);
        return new Result(Kind.REJECTED, null, "outcome of an earlier attempt unknown", reason);
      }
      default -> {
        // QUEUED, DEFERRED, or FAILED after its last attempt: an incident a supervisor retried
        // (a message refused for good ends its process, so it is never fetched again).
      }
    }
    if (m.getRecipient().isYoungPersonSide()) {
      Optional<Instant> stopped = optOuts.stoppedAt(m.getChannel(), m.getAddress());
      if (stopped.isPresent()) {
        String reason = "Le destinataire a demandé à ne plus recevoir de messages (STOP).";
        fail(m, reason);
        return new Result(Kind.REJECTED, null, "recipient opted out", reason);
      }
    }
    Instant now = clock.now();
    Optional<Instant> later = quiet.deferral(now);
    if (later.isPresent()) {
      m.setStatus(MessageStatus.DEFERRED);
      m.setScheduledFor(later.get());
      return new Result(Kind.NOT_NOW, later.get(), "quiet hours", null);
    }
    m.setStatus(MessageStatus.SENDING);
    m.setAttempts(m.getAttempts() + 1);
    return new OutgoingMessage(
        m.getId(),
        m.getChannel(),
        m.getAddress(),
        m.getSubject(),
        m.getBody(),
        m.getIdempotencyKey(),
        m.getUnsubscribeToken() == null
            ? null
            : properties.publicUrl() + "/messages/unsubscribe/" + m.getUnsubscribeToken());
  }

  /**
   * The last attempt failed: FAILED for the users, while the external task becomes an incident that
   * a supervisor retries in Cockpit once the cause is fixed.
   */
  public void exhausted(long messageId, int attempts, String frenchReason) {
    tx.executeWithoutResult(
        s ->
            fail(
                messageId,
                "Échec après "
                    + attempts
                    + " essais : "
                    + frenchReason
                    + " Les superviseurs voient l'incident et peuvent relancer l'envoi."));
  }

  private void sent(long messageId, String provider, String reference) {
    messages
        .findById(messageId)
        .ifPresent(
            m -> {
              m.setStatus(MessageStatus.SENT);
              m.setSentAt(clock.now());
              m.setProvider(provider);
              m.setProviderReference(reference);
              m.setFailure(null);
            });
  }

  private void backToQueue(long messageId, String frenchReason) {
    messages
        .findById(messageId)
        .ifPresent(
            m -> {
              m.setStatus(MessageStatus.QUEUED);
              m.setFailure("Nouvel essai prévu : " + frenchReason);
            });
  }

  private void fail(long messageId, String frenchReason) {
    messages.findById(messageId).ifPresent(m -> fail(m, frenchReason));
  }

  private void fail(MessageEntity m, String frenchReason) {
    m.setStatus(MessageStatus.FAILED);
    m.setFailedAt(clock.now());
    m.setFailure(frenchReason);
  }
}
