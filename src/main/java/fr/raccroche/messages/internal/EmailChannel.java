package fr.raccroche.messages.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * E-mails through the SMTP server of Spring Boot's {@code spring.mail.*}, from {@code
 * raccroche.messages.from}, as plain UTF-8 text. The message's idempotency key is its {@code
 * Message-ID}. Messages to a young person or guardian carry an unsubscribe link in the text and in
 * {@code List-Unsubscribe} with one-click unsubscription (RFC 8058). Without {@code
 * spring.mail.host} there is no mail sender: e-mails are recorded only, as the SMS {@code log}
 * provider does.
 */
class EmailChannel {
  private static final Logger log = LoggerFactory.getLogger(EmailChannel.class);
  private final JavaMailSender sender;
  private final String from;

  EmailChannel(JavaMailSender sender, String from) {
    this.sender = sender;
    this.from = from;
  }

  String name() {
    return sender == null ? "log" : "smtp";
  }

  String send(OutgoingMessage message) throws DeliveryFailure {
    String messageId = "<" + message.idempotencyKey() + "@raccroche>";
    if (sender == null) {
      log.info("E-mail message {} recorded only (no spring.mail.host)", message.id());
      return messageId;
    }
    try {
      MimeMessage mime = sender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
      helper.setFrom(from);
      helper.setTo(message.address());
      helper.setSubject(message.subject());
      String text = message.body();
      if (message.unsubscribeUrl() != null) {
        text +=
            "\n\n--\nPour ne plus recevoir de courriels de notre part : "
                + message.unsubscribeUrl();
        mime.setHeader("List-Unsubscribe", "<" + message.unsubscribeUrl() + ">");
        mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
      }
      helper.setText(text, false);
      // JavaMailSenderImpl keeps a Message-ID set before sending.
      mime.setHeader("Message-ID", messageId);
      sender.send(mime);
      return messageId;
    } catch (MailAuthenticationException e) {
      throw new DeliveryFailure(
          DeliveryFailure.Kind.TRANSIENT,
          "SMTP authentication failed",
          "Le serveur de courriel refuse les identifiants configurés.");
    } catch (MailSendException e) {
      for (Exception cause : e.getFailedMessages().values()) {
        if (cause instanceof SendFailedException refused
            && refused.getInvalidAddresses() != null
            && refused.getInvalidAddresses().length > 0) {
          throw new DeliveryFailure(
              DeliveryFailure.Kind.REJECTED,
              "SMTP server refused the recipient",
              "Le serveur de courriel a refusé l'adresse du destinataire.");
        }
      }
      throw new DeliveryFailure(
          DeliveryFailure.Kind.TRANSIENT,
          "SMTP sending failed: " + e.getClass().getSimpleName(),
          "Le serveur de courriel est indisponible.");
    } catch (MailException | MessagingException e) {
      throw new DeliveryFailure(
          DeliveryFailure.Kind.TRANSIENT,
          "SMTP sending failed: " + e.getClass().getSimpleName(),
          "Le serveur de courriel est indisponible.");
    }
  }
}
