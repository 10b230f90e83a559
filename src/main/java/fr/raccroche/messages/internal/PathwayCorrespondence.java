package fr.raccroche.messages.internal;

import fr.raccroche.messages.Channel;
import fr.raccroche.messages.MessageAccepted;
import fr.raccroche.messages.MessageRequest;
import fr.raccroche.messages.MessageService;
import fr.raccroche.messages.MessageTemplate;
import fr.raccroche.messages.MessageView;
import fr.raccroche.messages.Recipient;
import fr.raccroche.pathway.CaseCorrespondence;
import fr.raccroche.shared.InvalidInputException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The messages as the pathway sees them: its timeline, the contact form, the partner's reminder.
 */
@Component
class PathwayCorrespondence implements CaseCorrespondence {
  private final MessageService messages;
  private final QuietHours quiet;

  PathwayCorrespondence(MessageService messages, QuietHours quiet) {
    this.messages = messages;
    this.quiet = quiet;
  }

  @Override
  public List<TimelineEntry> timeline(String caseNumber) {
    return messages.timeline(caseNumber).stream()
        .map(
            m ->
                new TimelineEntry(
                    m.sentAt() != null ? m.sentAt() : m.createdAt(), label(m), status(m)))
        .toList();
  }

  private String status(MessageView m) {
    String s = m.statusLabel();
    if (m.scheduledFor() != null && m.sentAt() == null && m.failedAt() == null) {
      s +=
          " (départ prévu le "
              + m.scheduledFor()
                  .atZone(quiet.zone())
                  .format(DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH'h'mm", Locale.FRENCH))
              + ")";
    }
    if (m.failure() != null && m.sentAt() == null) {
      s += " — " + m.failure();
    }
    return s;
  }

  static String label(MessageView m) {
    return m.channel().label()
        + " "
        + m.recipientLabel()
        + " : "
        + m.templateLabel()
        + (m.contactAttempt() ? " (tentative de contact)" : "");
  }

  @Override
  public List<TemplateChoice> templates() {
    return MessageTemplate.choosableOnes().stream()
        .map(t -> new TemplateChoice(t.name(), t.label()))
        .toList();
  }

  @Override
  public String sendFromContactTask(
      String caseNumber, String taskId, ContactMessage message, String userId) {
    MessageAccepted accepted =
        messages.sendFromContactTask(
            caseNumber,
            taskId,
            new MessageRequest(
                parse(Channel.class, message.channel(), "messageChannel", "le canal"),
                message.template(),
                message.recipient() == null || message.recipient().isBlank()
                    ? Recipient.YOUNG_PERSON
                    : parse(
                        Recipient.class,
                        message.recipient(),
                        "messageRecipient",
                        "le destinataire"),
                message.text()),
            userId);
    MessageView view = messages.get(accepted.id());
    return view.channel().label() + " " + view.recipientLabel() + " : " + view.templateLabel();
  }

  @Override
  public void remindPartner(String caseNumber, String partnerCode) {
    messages.remindPartner(caseNumber, partnerCode);
  }

  private static <E extends Enum<E>> E parse(
      Class<E> type, String value, String field, String what) {
    try {
      return Enum.valueOf(type, value.strip());
    } catch (RuntimeException e) {
      throw new InvalidInputException(field, "Valeur inconnue pour " + what + ".");
    }
  }
}
