package fr.raccroche.pathway.process;

import static fr.raccroche.pathway.process.PathwayVariables.*;

import fr.raccroche.pathway.CaseCorrespondence;
import fr.raccroche.pathway.ContactOutcome;
import fr.raccroche.pathway.FollowUpSituation;
import fr.raccroche.pathway.Need;
import fr.raccroche.pathway.SchoolLevel;
import fr.raccroche.pathway.SolutionType;
import fr.raccroche.pathway.internal.CaseRecords;
import fr.raccroche.shared.ConflictException;
import fr.raccroche.shared.InvalidInputException;
import fr.raccroche.territory.Partner;
import fr.raccroche.territory.TerritoryService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * First {@code end} execution listener of every user task of {@code YouthPathwayProcess} ({@code
 * delegateExpression="${taskInputValidation}"}): checks what the form sent and normalises it (dates
 * as dates, yes/no as booleans). A missing or invalid value refuses the completion with a French
 * message (a form validation error) and, the transaction rolled back, the process stays where it
 * was. A task cancelled by an event is not validated.
 *
 * <p>An execution listener called by delegate expression: the engine wraps the exceptions of task
 * listeners and of method expressions into generic ones, and the user would not see the French
 * message alone.
 */
@Component("taskInputValidation")
public class TaskInputValidation implements ExecutionListener {
  private final CaseRecords records;
  private final TerritoryService territory;
  private final Clock clock;
  private final DatePlausibility dates;
  private final ObjectProvider<CaseCorrespondence> correspondence;

  /** Without messages (the process tests). */
  public TaskInputValidation(
      CaseRecords records,
      TerritoryService territory,
      Optional<Clock> clock,
      DatePlausibility dates) {
    this(records, territory, clock, dates, null);
  }

  @org.springframework.beans.factory.annotation.Autowired
  public TaskInputValidation(
      CaseRecords records,
      TerritoryService territory,
      Optional<Clock> clock,
      DatePlausibility dates,
      ObjectProvider<CaseCorrespondence> correspondence) {
    this.records = records;
    this.territory = territory;
    this.clock = clock.orElse(Clock.systemDefaultZone());
    this.dates = dates;
    this.correspondence = correspondence;
  }

  @Override
  public void notify(DelegateExecution task) {
    if (task.isCanceled()) {
      return;
    }
    switch (task.getCurrentActivityId()) {
      case TASK_CONTACT -> {
        contact(task);
        contactMessage(task);
      }
      case TASK_ANALYSE_NEEDS -> needs(task);
      case TASK_PRIOR_LEARNING -> priorLearning(task);
      case TASK_ORIENT -> orientation(task);
      case TASK_ACCEPT -> acceptance(task);
      case TASK_FOLLOW_UP -> followUp(task);
      case TASK_ONE_YEAR_CHECK -> oneYearCheck(task);
      default -> {
        // tasks of other processes are not validated here
      }
    }
  }

  private void contact(DelegateExecution task) {
    ContactOutcome outcome =
        enumValue(
            task, CONTACT_OUTCOME, ContactOutcome.class, "le résultat de la tentative de contact");
    if (outcome == ContactOutcome.NOT_REACHED) {
      return;
    }
    Date contactDate = optionalPastDate(task, CONTACT_DATE, "la date du contact");
    // Plausible dates (docs/security.md R6): not in the future, not before birth, detection or
    // leaving — one place, DatePlausibility. The first successful contact's date stays the first.
    if (contactDate == null) {
      contactDate =
          Date.from(LocalDate.now(clock).atStartOfDay(ZoneId.systemDefault()).toInstant());
    }
    dates.checkContactDate(CaseProgress.caseNumber(task), CaseProgress.toLocalDate(contactDate));
    task.setVariable(CONTACT_DATE, contactDate);
  }

  /**
   * The optional message of the contact form ({@code messageChannel}, {@code messageTemplate},
   * {@code messageRecipient}, {@code messageText}): queued in this completion's transaction as one
   * of the task's attempts, with a line in {@code contactHistory}. A message that breaks a rule
   * (malformed address, STOP, daily limit) refuses the completion with its French message. The
   * fields are then removed: the text lives in the case's messages, not in the process.
   */
  private void contactMessage(DelegateExecution task) {
    Object channel = task.getVariable(MESSAGE_CHANNEL);
    try {
      if (channel == null || channel.toString().isBlank()) {
        return;
      }
      CaseCorrespondence messages = correspondence == null ? null : correspondence.getIfAvailable();
      if (messages == null) {
        throw refuse("L'envoi de messages n'est pas disponible.");
      }
      CaseCorrespondence.ContactMessage message =
          new CaseCorrespondence.ContactMessage(
              channel.toString(),
              text(task, MESSAGE_TEMPLATE),
              text(task, MESSAGE_RECIPIENT),
              text(task, MESSAGE_TEXT));
      String user = Context.getCommandContext().getAuthenticatedUserId();
      String line;
      try {
        line =
            WithoutAuthorization.call(
                () ->
                    messages.sendFromContactTask(
                        CaseProgress.caseNumber(task),
                        task.getActivityInstanceId(),
                        message,
                        user));
      } catch (InvalidInputException e) {
        throw refuse(e.getMessage());
      } catch (ConflictException e) {
        throw refuse(e.getMessage());
      }
      String entry =
          LocalDate.now(clock).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))
              + " : "
              + line;
      Object history = task.getVariable(CONTACT_HISTORY);
      task.setVariable(
          CONTACT_HISTORY,
          history == null || history.toString().isBlank() ? entry : history + " ; " + entry);
    } finally {
      for (String name :
          List.of(MESSAGE_CHANNEL, MESSAGE_TEMPLATE, MESSAGE_RECIPIENT, MESSAGE_TEXT)) {
        task.removeVariable(name);
      }
    }
  }

  private static String text(DelegateExecution task, String name) {
    Object value = task.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString();
  }

  private void needs(DelegateExecution task) {
    enumValue(task, PRIMARY_NEED, Need.class, "le besoin principal");
    for (String need : list(task.getVariable(OTHER_NEEDS))) {
      if (Arrays.stream(Need.values()).noneMatch(n -> n.name().equals(need))) {
        throw refuse("Besoin inconnu : « " + need + " ».");
      }
    }
    maxLength(task, PROJECT_DESCRIPTION, 2000, "le projet du jeune");
    maxLength(task, CONSTRAINTS, 2000, "les contraintes");
  }

  private void priorLearning(DelegateExecution task) {
    enumValue(
        task, PRIOR_LEARNING_HIGHEST_LEVEL, SchoolLevel.class, "le niveau le plus élevé atteint");
    for (String flag :
        List.of("priorLearningVaeEligible", "priorLearningSkillsCertificateEligible")) {
      Object value = task.getVariable(flag);
      if (value != null) {
        task.setVariable(flag, bool(value, flag));
      }
    }
  }

  private void orientation(DelegateExecution task) {
    Object code = task.getVariable(REFERENT_PARTNER_CODE);
    if (code == null || code.toString().isBlank()) {
      throw refuse("Choisissez la structure référente.");
    }
    String perimeter = records.get(CaseProgress.caseNumber(task)).getPerimeterCode();
    Partner partner =
        territory.partners(null, perimeter).stream()
            .filter(p -> p.code().equals(code.toString().strip()))
            .findFirst()
            .orElseThrow(
                () ->
                    refuse(
                        "La structure « "
                            + code
                            + " » n'existe pas ou n'intervient pas sur le périmètre "
                            + perimeter
                            + "."));
    task.setVariable(REFERENT_PARTNER_CODE, partner.code());
    Object offer = task.getVariable(CHOSEN_OFFER_ID);
    if (offer != null && !offer.toString().isBlank()) {
      String chosen = offer.toString().strip();
      boolean offered =
          task.getVariable(OFFER_OPTIONS) instanceof Collection<?> options
              && options.stream()
                  .anyMatch(
                      o ->
                          o instanceof java.util.Map<?, ?> m
                              && chosen.equals(String.valueOf(m.get("value")))
                              // an offer of the chosen partner (older options name none)
                              && (m.get("partner") == null
                                  || "".equals(m.get("partner"))
                                  || partner.code().equals(m.get("partner"))));
      if (!offered) {
        throw refuse(
            "L'offre choisie (« "
                + chosen
                + " ») ne fait pas partie des offres proposées pour la structure choisie.");
      }
      task.setVariable(CHOSEN_OFFER_ID, chosen);
    }
  }

  private void acceptance(DelegateExecution task) {
    Object value = task.getVariable(ORIENTATION_ACCEPTED);
    if (value == null || value.toString().isBlank()) {
      throw refuse("Indiquez si votre structure accepte l'orientation.");
    }
    boolean accepted = bool(value, "l'acceptation de l'orientation");
    task.setVariable(ORIENTATION_ACCEPTED, accepted);
    if (!accepted) {
      Object reason = task.getVariable(REFUSAL_REASON);
      if (reason == null || reason.toString().isBlank()) {
        throw refuse("Indiquez le motif du refus de l'orientation.");
      }
      maxLength(task, REFUSAL_REASON, 2000, "le motif du refus");
    }
  }

  private void followUp(DelegateExecution task) {
    FollowUpSituation situation =
        enumValue(task, SITUATION, FollowUpSituation.class, "la situation du jeune");
    if (situation == FollowUpSituation.IN_SOLUTION) {
      enumValue(task, SOLUTION_TYPE, SolutionType.class, "le type de solution");
      Date start = optionalPastDate(task, SOLUTION_START_DATE, "la date de début de la solution");
      if (start == null) {
        throw refuse("Indiquez la date de début de la solution.");
      }
      dates.checkSolutionStart(CaseProgress.caseNumber(task), CaseProgress.toLocalDate(start));
      // Kept as yyyy-MM-dd text: the form's date field shows it again at the next follow-up.
      task.setVariable(SOLUTION_START_DATE, CaseProgress.toLocalDate(start).toString());
    }
  }

  private void oneYearCheck(DelegateExecution task) {
    Object value = task.getVariable(IN_SOLUTION);
    if (value == null || value.toString().isBlank()) {
      throw refuse("Indiquez si le jeune est en solution un an après le premier contact.");
    }
    boolean inSolution = bool(value, "la situation à un an");
    task.setVariable(IN_SOLUTION, inSolution);
    if (inSolution) {
      enumValue(task, SOLUTION_TYPE, SolutionType.class, "le type de solution");
    }
  }

  // ---- helpers

  private static <E extends Enum<E>> E enumValue(
      DelegateExecution task, String name, Class<E> type, String what) {
    Object value = task.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      throw refuse("Indiquez " + what + ".");
    }
    try {
      return Enum.valueOf(type, value.toString().strip());
    } catch (IllegalArgumentException e) {
      throw refuse("Valeur inconnue pour " + what + " : « " + value + " ».");
    }
  }

  /** A date not in the future, from a date or a {@code yyyy-MM-dd} text; null when absent. */
  private Date optionalPastDate(DelegateExecution task, String name, String what) {
    Object value = task.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    LocalDate date;
    if (value instanceof Date d) {
      date = CaseProgress.toLocalDate(d);
    } else {
      try {
        String text = value.toString().strip();
        date = LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
      } catch (DateTimeParseException e) {
        throw refuse("Date invalide pour " + what + " : « " + value + " » (attendu AAAA-MM-JJ).");
      }
    }
    if (date.isAfter(LocalDate.now(clock))) {
      throw refuse("La date saisie pour " + what + " ne peut pas être dans le futur.");
    }
    return Date.from(date.atStartOfDay(ZoneId.systemDefault()).toInstant());
  }

  private static boolean bool(Object value, String what) {
    if (value instanceof Boolean b) {
      return b;
    }
    return switch (value.toString().strip().toLowerCase()) {
      case "true", "oui", "yes" -> true;
      case "false", "non", "no" -> false;
      default -> throw refuse("Réponse oui/non attendue pour " + what + ".");
    };
  }

  private static void maxLength(DelegateExecution task, String name, int max, String what) {
    Object value = task.getVariable(name);
    if (value != null && value.toString().length() > max) {
      throw refuse("Le texte saisi pour " + what + " dépasse " + max + " caractères.");
    }
  }

  /** A checklist's values: a collection, a JSON array text, or a comma-separated text. */
  static List<String> list(Object value) {
    List<String> values = new ArrayList<>();
    if (value == null) {
      return values;
    }
    if (value instanceof Collection<?> collection) {
      collection.forEach(v -> values.add(String.valueOf(v)));
      return values;
    }
    String text = value.toString().strip();
    if (text.isEmpty()) {
      return values;
    }
    text = text.replace("[", "").replace("]", "").replace("\"", "");
    for (String part : text.split(",")) {
      if (!part.isBlank()) {
        values.add(part.strip());
      }
    }
    return values;
  }

  /**
   * A form validation error: engine-rest answers it with 400 (not 500) when Tasklist submits or
   * completes the task, with the French message.
   */
  private static FormFieldValidationException refuse(String frenchMessage) {
    return new FormFieldValidationException("task-input", frenchMessage);
  }
}
