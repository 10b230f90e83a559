package fr.raccroche.pathway.process;

import static fr.raccroche.pathway.process.PathwayVariables.*;

import fr.raccroche.pathway.ContactOutcome;
import fr.raccroche.pathway.FollowUpSituation;
import fr.raccroche.pathway.Need;
import fr.raccroche.pathway.SchoolLevel;
import fr.raccroche.pathway.SolutionType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * What the people did on a case, read back from Camunda's history of its pathway: each completed
 * task with the answers its form gave (contact attempts with their notes and the message sent,
 * needs and project, prior learning, orientation and offer, the partner's answer, follow-ups, the
 * one-year check), and the next steps the engine has scheduled (its timers: next contact attempt,
 * one-year check…). The case record stays the truth for the status and the milestones; this only
 * tells what the forms said. Values are shown with their French labels, never as codes.
 */
@Component
public class CaseHistory {
  private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z_]+");
  private static final String COMMENT_PREFIX = "Tentative de contact : ";

  /** Timers that announce a step of the pathway, with how the case page says it. */
  private static final Map<String, String> NEXT_STEP_TIMERS = new LinkedHashMap<>();

  static {
    NEXT_STEP_TIMERS.put("Timer_NextContactAttempt", "Nouvelle tentative de contact le");
    NEXT_STEP_TIMERS.put("Timer_LastContactAttempt", "Dernière tentative de contact le");
    NEXT_STEP_TIMERS.put(
        "Timer_OrientationExpired", "Sans réponse du référent, l'orientation revient le");
    NEXT_STEP_TIMERS.put("Timer_OneYearCheck", "Bilan à un an le");
  }

  private final HistoryService history;
  private final ManagementService management;
  private final TaskService tasks;
  private final IdentityService identity;

  CaseHistory(
      HistoryService history,
      ManagementService management,
      TaskService tasks,
      IdentityService identity) {
    this.history = history;
    this.management = management;
    this.tasks = tasks;
    this.identity = identity;
  }

  /**
   * One thing done on the case: when, what (French), and its details (French lines); the task it
   * was ({@code taskName}), when that task was created, who completed it (the professional's
   * display name) and, for an orientation, the name of the offer chosen.
   */
  public record Step(
      LocalDate on,
      Instant at,
      String title,
      List<String> details,
      String taskName,
      Instant created,
      String completedBy,
      String chosenOffer) {}

  /** A step the engine has scheduled: its French label ("Bilan à un an le") and its date. */
  public record NextStep(String label, LocalDate on, Instant at) {}

  /**
   * The completed tasks of the pathway instance, oldest first, with the answers of their forms.
   *
   * @param partnerName the name of a partner from its code
   * @param offerName the name of a catalogue offer from its id, when known
   */
  public List<Step> steps(
      String processInstanceId,
      ZoneId zone,
      Function<String, String> partnerName,
      LongFunction<Optional<String>> offerName) {
    if (processInstanceId == null) {
      return List.of();
    }
    Map<String, Map<String, Object>> answers = answersByActivityInstance(processInstanceId);
    Map<String, String> names = new HashMap<>();
    Map<String, String> completedBy = completers(processInstanceId);
    List<Step> steps = new ArrayList<>();
    String referent = null;
    for (HistoricTaskInstance t :
        history
            .createHistoricTaskInstanceQuery()
            .processInstanceId(processInstanceId)
            .finished()
            .orderByHistoricTaskInstanceEndTime()
            .asc()
            .list()) {
      if (!"completed".equals(t.getDeleteReason())) {
        continue;
      }
      Map<String, Object> a = answers.getOrDefault(t.getActivityInstanceId(), Map.of());
      Instant at = t.getEndTime().toInstant();
      LocalDate on = at.atZone(zone).toLocalDate();
      List<String> details = new ArrayList<>();
      String title;
      String chosenOffer = null;
      switch (t.getTaskDefinitionKey()) {
        case TASK_CONTACT -> {
          ContactOutcome outcome = enumOf(ContactOutcome.class, a.get(CONTACT_OUTCOME));
          title =
              "Tentative de contact"
                  + (outcome == null ? "" : " — " + outcome.label().toLowerCase());
          LocalDate contactDate = date(a.get(CONTACT_DATE), zone);
          if (contactDate != null && outcome != ContactOutcome.NOT_REACHED) {
            on = contactDate;
          }
          List<String> channels = new ArrayList<>();
          for (Comment c : tasks.getTaskComments(t.getId())) {
            String message = c.getFullMessage();
            if (message != null && message.startsWith(COMMENT_PREFIX)) {
              channels.add(strip(message.substring(COMMENT_PREFIX.length())));
            }
          }
          details.add(
              channels.isEmpty()
                  ? "Canal : non précisé (aucun message envoyé par l'application)"
                  : "Canal : " + String.join(" ; ", channels));
          add(details, "Notes", a.get(CONTACT_NOTES));
        }
        case TASK_ANALYSE_NEEDS -> {
          title = "Analyse des besoins";
          Need primary = enumOf(Need.class, a.get(PRIMARY_NEED));
          if (primary != null) {
            details.add("Besoin principal : " + primary.label());
          }
          List<String> others = new ArrayList<>();
          for (Need n : codes(Need.class, a.get(OTHER_NEEDS))) {
            if (n != primary) {
              others.add(n.label());
            }
          }
          if (!others.isEmpty()) {
            details.add("Autres besoins : " + String.join(", ", others));
          }
          add(details, "Projet", a.get(PROJECT_DESCRIPTION));
          add(details, "Contraintes", a.get(CONSTRAINTS));
        }
        case TASK_PRIOR_LEARNING -> {
          title = "Reconnaissance des acquis";
          SchoolLevel level = enumOf(SchoolLevel.class, a.get(PRIOR_LEARNING_HIGHEST_LEVEL));
          if (level != null) {
            details.add("Niveau le plus élevé atteint : " + level.label());
          }
          add(details, "Unités ou blocs obtenus", a.get("priorLearningUnitsPassed"));
          add(details, "Compétences certifiées", a.get("priorLearningCertifiedSkills"));
          add(details, "Expérience professionnelle", a.get("priorLearningWorkExperience"));
          if (isTrue(a.get("priorLearningVaeEligible"))) {
            details.add("Éligible à la VAE");
          }
          if (isTrue(a.get("priorLearningSkillsCertificateEligible"))) {
            details.add("Éligible à une certification de compétences");
          }
        }
        case TASK_ORIENT -> {
          Object partner = a.get(REFERENT_PARTNER_CODE);
          referent = partner == null ? referent : partner.toString();
          title = "Orientation" + (referent == null ? "" : " vers " + partnerName.apply(referent));
          Long offer = longOf(a.get(CHOSEN_OFFER_ID));
          if (offer != null) {
            chosenOffer = offerName.apply(offer).orElse("offre n° " + offer);
            details.add("Offre choisie : " + chosenOffer);
          }
          add(details, "Message au référent", a.get("orientationNotes"));
        }
        case TASK_ACCEPT -> {
          String who = referent == null ? "le référent" : partnerName.apply(referent);
          if (isTrue(a.get(ORIENTATION_ACCEPTED))) {
            title = "Orientation acceptée par " + who;
          } else {
            title = "Orientation refusée par " + who;
            add(details, "Motif", a.get(REFUSAL_REASON));
          }
        }
        case TASK_FOLLOW_UP -> {
          FollowUpSituation situation = enumOf(FollowUpSituation.class, a.get(SITUATION));
          title = "Point de suivi" + (situation == null ? "" : " — " + situation.label());
          SolutionType solution = enumOf(SolutionType.class, a.get(SOLUTION_TYPE));
          if (situation == FollowUpSituation.IN_SOLUTION && solution != null) {
            LocalDate since = date(a.get(SOLUTION_START_DATE), zone);
            details.add(
                "Solution : "
                    + solution.label()
                    + (since == null ? "" : ", depuis le " + since.format(FRENCH_DATE)));
          }
          add(details, "Notes", a.get(FOLLOW_UP_NOTES));
        }
        case TASK_ONE_YEAR_CHECK -> {
          boolean inSolution = isTrue(a.get(IN_SOLUTION));
          title = "Bilan à un an — " + (inSolution ? "en solution" : "sans solution");
          SolutionType solution = enumOf(SolutionType.class, a.get(SOLUTION_TYPE));
          if (inSolution && solution != null) {
            details.add("Solution : " + solution.label());
          }
          add(details, "Notes", a.get("oneYearCheckNotes"));
        }
        default -> title = t.getName();
      }
      String who = completedBy.getOrDefault(t.getId(), t.getAssignee());
      steps.add(
          new Step(
              on,
              at,
              title,
              List.copyOf(details),
              t.getName(),
              t.getStartTime() == null ? null : t.getStartTime().toInstant(),
              who == null ? null : names.computeIfAbsent(who, this::displayName),
              chosenOffer));
    }
    return steps;
  }

  /**
   * How a professional is named to colleagues: first and last name of the engine's user, else the
   * user id (the case page shows who did what; young people are never users).
   */
  public String displayName(String userId) {
    if (userId == null) {
      return null;
    }
    User user = identity.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      return userId;
    }
    String name =
        ((user.getFirstName() == null ? "" : user.getFirstName())
                + " "
                + (user.getLastName() == null ? "" : user.getLastName()))
            .strip();
    return name.isEmpty() ? userId : name;
  }

  /** The timers of the instance that announce a step, soonest first. */
  public List<NextStep> nextSteps(String processInstanceId, ZoneId zone) {
    if (processInstanceId == null) {
      return List.of();
    }
    List<NextStep> next = new ArrayList<>();
    NEXT_STEP_TIMERS.forEach(
        (activity, label) -> {
          for (Job job :
              management
                  .createJobQuery()
                  .processInstanceId(processInstanceId)
                  .activityId(activity)
                  .timers()
                  .list()) {
            if (job.getDuedate() != null) {
              Instant at = job.getDuedate().toInstant();
              next.add(new NextStep(label, at.atZone(zone).toLocalDate(), at));
            }
          }
        });
    next.sort(java.util.Comparator.comparing(NextStep::at));
    return next;
  }

  /**
   * Who completed each task, by task id: the engine's operation log (Tasklist, REST), which names
   * the user even when the task was completed without being claimed.
   */
  private Map<String, String> completers(String processInstanceId) {
    Map<String, String> who = new HashMap<>();
    for (UserOperationLogEntry e :
        history
            .createUserOperationLogQuery()
            .processInstanceId(processInstanceId)
            .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
            .list()) {
      if (e.getTaskId() != null && e.getUserId() != null) {
        who.putIfAbsent(e.getTaskId(), e.getUserId());
      }
    }
    return who;
  }

  /** The last value each variable took in each task's completion, by activity instance. */
  private Map<String, Map<String, Object>> answersByActivityInstance(String processInstanceId) {
    Map<String, Map<String, Object>> answers = new HashMap<>();
    for (HistoricDetail d :
        history
            .createHistoricDetailQuery()
            .processInstanceId(processInstanceId)
            .variableUpdates()
            .disableCustomObjectDeserialization()
            .orderByTime()
            .asc()
            .list()) {
      if (d instanceof HistoricVariableUpdate u && u.getActivityInstanceId() != null) {
        answers
            .computeIfAbsent(u.getActivityInstanceId(), k -> new HashMap<>())
            .put(u.getVariableName(), value(u));
      }
    }
    return answers;
  }

  private static Object value(HistoricVariableUpdate u) {
    TypedValue typed = u.getTypedValue();
    if (typed instanceof ObjectValue object && !object.isDeserialized()) {
      return object.getValueSerialized();
    }
    return typed == null ? null : typed.getValue();
  }

  private static void add(List<String> details, String label, Object value) {
    if (value != null && !value.toString().isBlank()) {
      details.add(label + " : " + strip(value.toString()));
    }
  }

  private static String strip(String text) {
    String s = text.strip();
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  private static boolean isTrue(Object value) {
    return value != null && Boolean.parseBoolean(value.toString().strip());
  }

  private static Long longOf(Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    if (value instanceof Number n) {
      return n.longValue();
    }
    String s = value.toString().strip();
    return s.matches("\\d{1,18}") ? Long.parseLong(s) : null;
  }

  private static LocalDate date(Object value, ZoneId zone) {
    if (value instanceof Date d) {
      return d.toInstant().atZone(zone).toLocalDate();
    }
    if (value != null && value.toString().strip().matches("\\d{4}-\\d{2}-\\d{2}.*")) {
      return LocalDate.parse(value.toString().strip().substring(0, 10));
    }
    return null;
  }

  private static <E extends Enum<E>> E enumOf(Class<E> type, Object value) {
    if (value == null) {
      return null;
    }
    String code = value.toString().strip();
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(code)) {
        return e;
      }
    }
    return null;
  }

  private static <E extends Enum<E>> List<E> codes(Class<E> type, Object value) {
    List<E> found = new ArrayList<>();
    if (value == null) {
      return found;
    }
    Matcher m = CODE.matcher(value.toString());
    while (m.find()) {
      E e = enumOf(type, m.group());
      if (e != null && !found.contains(e)) {
        found.add(e);
      }
    }
    return found;
  }
}
