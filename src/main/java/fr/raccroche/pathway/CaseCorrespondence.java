package fr.raccroche.pathway;

import java.time.Instant;
import java.util.List;

/**
 * The messages sent about a case, as the pathway needs them (implemented by the messages module;
 * the pathway works without one): the lines of the case's timeline, the templates the case page and
 * the contact form offer, a message sent from {@code Task_ContactYoungPerson}'s form, and the
 * reminder of {@code Timer_OrientationReminder} to the partner's contact address.
 */
public interface CaseCorrespondence {
  /** One message in the case's timeline: when, and a French line without the content. */
  record TimelineEntry(Instant at, String label, String statusLabel) {}

  /** A template a user may choose: its code and French label. */
  record TemplateChoice(String code, String label) {}

  /** A message filled in the contact form: codes as the form sends them, text optional. */
  record ContactMessage(String channel, String template, String recipient, String text) {
    @Override
    public String toString() {
      return "ContactMessage[channel=" + channel + ", template=" + template + "]";
    }
  }

  /** The case's messages, oldest first. */
  List<TimelineEntry> timeline(String caseNumber);

  /** The templates a user chooses from. */
  List<TemplateChoice> templates();

  /**
   * Queues the message filled in the contact task's form, in the completion's transaction, as an
   * attempt of that task. A message that breaks a rule (malformed address, STOP, daily limit…)
   * throws {@link fr.raccroche.shared.InvalidInputException} or {@link
   * fr.raccroche.shared.ConflictException} with a French message, and nothing is written.
   *
   * @return the French line for the contact history ("SMS au jeune : Premier contact")
   */
  String sendFromContactTask(
      String caseNumber, String taskId, ContactMessage message, String userId);

  /** The orientation waits for the partner's answer: an e-mail to its contact address, if any. */
  void remindPartner(String caseNumber, String partnerCode);
}
