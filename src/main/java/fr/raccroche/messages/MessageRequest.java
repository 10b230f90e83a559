package fr.raccroche.messages;

import java.time.LocalDateTime;

/**
 * {@code POST /api/cases/{caseNumber}/messages}: a message to the young person or, for a minor and
 * explicitly, to the legal guardian. Without {@code text} the template merged with the case's data
 * goes as it is; with it, the edited text. An appointment proposal names its date and place, and
 * the young person may opt in to a reminder before it.
 *
 * @param channel {@code SMS} or {@code EMAIL}
 * @param template the code of a template a user may choose ({@link MessageTemplate#choosableOnes})
 * @param recipient {@code YOUNG_PERSON} or {@code GUARDIAN}
 * @param text the edited text (optional)
 * @param appointmentAt the appointment's local date and time (template {@code APPOINTMENT})
 * @param appointmentPlace the appointment's place (template {@code APPOINTMENT})
 * @param appointmentReminder whether the young person asked to be reminded before it
 */
public record MessageRequest(
    Channel channel,
    String template,
    Recipient recipient,
    String text,
    LocalDateTime appointmentAt,
    String appointmentPlace,
    Boolean appointmentReminder) {

  public MessageRequest(Channel channel, String template, Recipient recipient, String text) {
    this(channel, template, recipient, text, null, null, null);
  }

  @Override
  public String toString() {
    // The text is the young person's correspondence: never in a log line.
    return "MessageRequest[channel=" + channel + ", template=" + template + "]";
  }
}
