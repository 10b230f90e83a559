package fr.raccroche.messages;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The French templates. The four a user chooses (first contact, new attempt, appointment proposal,
 * "nous n'avons pas réussi à vous joindre") have a text for the young person and one for the legal
 * guardian; the processes' reminders and the digest are not chosen by users. Placeholders in braces
 * are merged with the case's data ({@link #merge}); the user may then edit the text before sending.
 * An SMS says how to stop them; an e-mail gets its unsubscribe link when it is sent.
 */
public enum MessageTemplate {
  FIRST_CONTACT(
      "Premier contact",
      true,
      "Bonjour {prenom}, je suis {expediteur}, de {structure}. Vous avez quitté votre formation :"
          + " nous pouvons vous aider à trouver une formation, un apprentissage ou un emploi."
          + " Contactez-moi : {contact}. Répondez STOP pour ne plus recevoir de SMS.",
      "Bonjour, je suis {expediteur}, de {structure}. {prenom} a quitté sa formation : nous pouvons"
          + " l'aider à trouver une formation, un apprentissage ou un emploi. Contactez-moi :"
          + " {contact}. Répondez STOP pour ne plus recevoir de SMS.",
      "Une proposition d'accompagnement de {structure}"),
  NEW_ATTEMPT(
      "Nouvelle tentative de contact",
      true,
      "Bonjour {prenom}, c'est {expediteur}, de {structure}. J'ai essayé de vous joindre pour parler"
          + " de votre avenir : formation, apprentissage ou emploi. Contactez-moi : {contact}."
          + " Répondez STOP pour ne plus recevoir de SMS.",
      "Bonjour, c'est {expediteur}, de {structure}. J'ai essayé de joindre {prenom} pour parler de"
          + " son avenir : formation, apprentissage ou emploi. Contactez-moi : {contact}."
          + " Répondez STOP pour ne plus recevoir de SMS.",
      "Nous avons essayé de vous joindre — {structure}"),
  APPOINTMENT(
      "Proposition de rendez-vous",
      true,
      "Bonjour {prenom}, {expediteur} ({structure}) vous propose un rendez-vous le {date} à {heure},"
          + " {lieu}. Si ce n'est pas possible, contactez-moi : {contact}. Répondez STOP pour ne"
          + " plus recevoir de SMS.",
      "Bonjour, {expediteur} ({structure}) propose à {prenom} un rendez-vous le {date} à {heure},"
          + " {lieu}. Si ce n'est pas possible, contactez-moi : {contact}. Répondez STOP pour ne"
          + " plus recevoir de SMS.",
      "Proposition de rendez-vous le {date} — {structure}"),
  NOT_REACHED(
      "Nous n'avons pas réussi à vous joindre",
      true,
      "Bonjour {prenom}, nous n'avons pas réussi à vous joindre. {structure} peut vous aider à"
          + " reprendre une formation ou à trouver un emploi. Contactez {expediteur} : {contact}."
          + " Répondez STOP pour ne plus recevoir de SMS.",
      "Bonjour, nous n'avons pas réussi à joindre {prenom}. {structure} peut l'aider à reprendre"
          + " une formation ou à trouver un emploi. Contactez {expediteur} : {contact}. Répondez"
          + " STOP pour ne plus recevoir de SMS.",
      "Nous n'avons pas réussi à vous joindre — {structure}"),
  APPOINTMENT_REMINDER(
      "Rappel de rendez-vous",
      false,
      "Bonjour {prenom}, rappel : rendez-vous avec {expediteur} ({structure}) le {date} à {heure},"
          + " {lieu}. Répondez STOP pour ne plus recevoir de SMS.",
      "Bonjour, rappel : {prenom} a rendez-vous avec {expediteur} ({structure}) le {date} à"
          + " {heure}, {lieu}. Répondez STOP pour ne plus recevoir de SMS.",
      "Rappel : rendez-vous le {date} à {heure}"),
  ORIENTATION_REMINDER(
      "Relance d'une orientation en attente",
      false,
      "Bonjour,\n\nUn jeune a été orienté vers {structure} (dossier {dossier}) et l'orientation"
          + " attend toujours votre réponse. Acceptez-la ou refusez-la dans Raccroche : Tasklist,"
          + " tâche « Accepter l'orientation ».\n\nMessage automatique, sans donnée personnelle du"
          + " jeune.",
      null,
      "Une orientation attend votre réponse (dossier {dossier})"),
  OVERDUE_DIGEST(
      "Récapitulatif des tâches en retard",
      false,
      "Bonjour {expediteur},\n\nVoici vos tâches dont l'échéance est passée ({nombre}) :\n\n{liste}\n\n"
          + "Ouvrez Tasklist pour les traiter.\n\nMessage automatique quotidien.",
      null,
      "{nombre} tâche(s) en retard dans Raccroche");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");

  private final String label;
  private final boolean choosable;
  private final String forYoungPerson;
  private final String forGuardian;
  private final String subject;

  MessageTemplate(
      String label, boolean choosable, String forYoungPerson, String forGuardian, String subject) {
    this.label = label;
    this.choosable = choosable;
    this.forYoungPerson = forYoungPerson;
    this.forGuardian = forGuardian;
    this.subject = subject;
  }

  public String label() {
    return label;
  }

  /** Whether a user may choose it (the others are the processes' own). */
  public boolean choosable() {
    return choosable;
  }

  /** The templates a user chooses from, in this order. */
  public static List<MessageTemplate> choosableOnes() {
    return Arrays.stream(values()).filter(MessageTemplate::choosable).toList();
  }

  /** The text for this recipient, placeholders merged (unknown values left empty). */
  public String body(Recipient recipient, Map<String, String> values) {
    String text =
        recipient == Recipient.GUARDIAN && forGuardian != null ? forGuardian : forYoungPerson;
    return merge(text, values);
  }

  /** The subject of an e-mail, placeholders merged. */
  public String subject(Map<String, String> values) {
    return merge(subject, values);
  }

  /** Replaces each {@code {name}} by its value; a placeholder without a value becomes "". */
  static String merge(String text, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
