package fr.raccroche.pathway;

import static fr.raccroche.pathway.process.PathwayVariables.PROCESS_KEY;
import static fr.raccroche.pathway.process.PathwayVariables.TASK_ACCEPT;
import static fr.raccroche.pathway.process.PathwayVariables.TASK_FOLLOW_UP;

import fr.raccroche.pathway.internal.SupportCaseEntity;
import fr.raccroche.pathway.internal.SupportCaseRepository;
import fr.raccroche.pathway.internal.YoungPersonEntity;
import fr.raccroche.pathway.internal.YoungPersonRepository;
import fr.raccroche.territory.TerritoryService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The "À faire" page of a coordinator (the cases of their perimeters, as the case record says) or a
 * supervisor (every case): overdue tasks, young people waiting between two contact attempts with
 * the date of the next one, orientations the partner has not answered, and cases where nothing was
 * done for N days. Each list is capped at {@link #LIMIT} lines, most urgent first.
 */
@Service
@Transactional(readOnly = true)
class ToDoList {
  static final int LIMIT = 200;
  static final int DEFAULT_DAYS = 30;
  static final int MAX_DAYS = 365;
  private static final int CHUNK = 500;
  private static final List<String> WAITING_TIMERS =
      List.of("Timer_NextContactAttempt", "Timer_LastContactAttempt");
  private static final String TASKLIST = "/camunda/app/tasklist/default/#/?task=";

  private final SupportCaseRepository cases;
  private final YoungPersonRepository persons;
  private final TaskService tasks;
  private final ManagementService management;
  private final HistoryService history;
  private final TerritoryService territory;
  private final Clock clock;

  ToDoList(
      SupportCaseRepository cases,
      YoungPersonRepository persons,
      TaskService tasks,
      ManagementService management,
      HistoryService history,
      TerritoryService territory,
      Optional<Clock> clock) {
    this.cases = cases;
    this.persons = persons;
    this.tasks = tasks;
    this.management = management;
    this.history = history;
    this.territory = territory;
    this.clock = clock.orElse(Clock.systemDefaultZone());
  }

  /**
   * One line: the case, the young person, the perimeter, what is to do or awaited, its date, a
   * French note ("en retard de 3 jours") and where to go: the task in Tasklist when the person is
   * among its candidates, otherwise the case page.
   */
  record Line(
      String caseNumber,
      String youngPerson,
      String perimeterName,
      String what,
      LocalDate date,
      String note,
      String href) {}

  /** The four lists, with N and whether a list was cut at {@link #LIMIT}. */
  record ToDo(
      List<Line> overdue,
      List<Line> waiting,
      List<Line> unanswered,
      List<Line> silent,
      int days,
      boolean truncated) {
    List<String> caseNumbers() {
      Set<String> numbers = new LinkedHashSet<>();
      for (List<Line> list : List.of(overdue, waiting, unanswered, silent)) {
        list.forEach(l -> numbers.add(l.caseNumber()));
      }
      return List.copyOf(numbers);
    }
  }

  /**
   * The lists for a scope: everything ({@code all}) or the given perimeters; {@code groups} are the
   * person's Camunda groups (a task of one of them opens in Tasklist).
   */
  ToDo of(boolean all, Set<String> perimeters, Set<String> groups, int days) {
    ZoneId zone = clock.getZone();
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, zone);
    // The pathway instances in scope (null: all), from the case record.
    Set<String> instances = null;
    if (!all) {
      instances = new HashSet<>();
      if (!perimeters.isEmpty()) {
        for (int page = 0; ; page++) {
          Page<SupportCaseEntity> found =
              cases.findOpenStarted(false, perimeters, today, PageRequest.of(page, CHUNK));
          for (SupportCaseEntity c : found) {
            if (c.getProcessInstanceId() != null) {
              instances.add(c.getProcessInstanceId());
            }
          }
          if (!found.hasNext()) {
            break;
          }
        }
      }
    }
    boolean[] truncated = {false};

    List<Task> overdue =
        tasks(instances, () -> tasks.createTaskQuery().dueBefore(Date.from(now)), true);
    List<Task> unanswered =
        tasks(instances, () -> tasks.createTaskQuery().taskDefinitionKey(TASK_ACCEPT), false);
    List<Job> waiting = waitingJobs(instances);
    waiting.sort(Comparator.comparing(Job::getDuedate));
    overdue.sort(Comparator.comparing(Task::getDueDate));
    unanswered.sort(Comparator.comparing(Task::getCreateTime));

    // Cases where nothing was done for N days: no task completed since the cutoff, detected before.
    LocalDate cutoffDay = today.minusDays(days);
    Date cutoff = Date.from(cutoffDay.atStartOfDay(zone).toInstant());
    Set<String> active = new HashSet<>();
    for (HistoricTaskInstance t :
        history
            .createHistoricTaskInstanceQuery()
            .processDefinitionKey(PROCESS_KEY)
            .finishedAfter(cutoff)
            .list()) {
      active.add(t.getProcessInstanceId());
    }
    List<SupportCaseEntity> silentCases = new ArrayList<>();
    for (int page = 0; (all || !perimeters.isEmpty()) && silentCases.size() <= LIMIT; page++) {
      Page<SupportCaseEntity> found =
          cases.findOpenStarted(
              all, all ? List.of("-") : perimeters, cutoffDay, PageRequest.of(page, CHUNK));
      for (SupportCaseEntity c : found) {
        if (!active.contains(c.getProcessInstanceId()) && silentCases.size() <= LIMIT) {
          silentCases.add(c);
        }
      }
      if (!found.hasNext()) {
        break;
      }
    }

    // The cases and young people of every line, in a few queries.
    Set<String> needed = new HashSet<>();
    overdue.forEach(t -> needed.add(t.getProcessInstanceId()));
    unanswered.forEach(t -> needed.add(t.getProcessInstanceId()));
    waiting.forEach(j -> needed.add(j.getProcessInstanceId()));
    Map<String, SupportCaseEntity> byInstance = new HashMap<>();
    for (List<String> chunk : chunks(needed)) {
      cases
          .findOpenByProcessInstanceIds(chunk)
          .forEach(c -> byInstance.put(c.getProcessInstanceId(), c));
    }
    silentCases.forEach(c -> byInstance.put(c.getProcessInstanceId(), c));
    Set<Long> personIds = new HashSet<>();
    byInstance.values().forEach(c -> personIds.add(c.getPersonId()));
    Map<Long, String> names = new HashMap<>();
    for (YoungPersonEntity p : persons.findAllById(personIds)) {
      names.put(p.getId(), p.getFirstName() + " " + p.getLastName().toUpperCase(Locale.FRENCH));
    }
    Map<String, String> perimeterNames = new HashMap<>();
    Function<String, String> perimeterName =
        code ->
            perimeterNames.computeIfAbsent(
                code, k -> territory.perimeterExists(k) ? territory.perimeter(k).name() : k);
    Map<String, String> partnerNames = new HashMap<>();
    Function<String, String> partnerName =
        code ->
            code == null
                ? "le référent"
                : partnerNames.computeIfAbsent(
                    code, k -> territory.partnerExists(k) ? territory.partner(k).name() : k);

    List<Line> overdueLines = new ArrayList<>();
    for (Task t : overdue) {
      SupportCaseEntity c = byInstance.get(t.getProcessInstanceId());
      if (c == null || overdueLines.size() >= LIMIT) {
        truncated[0] |= c != null;
        continue;
      }
      LocalDate due = LocalDate.ofInstant(t.getDueDate().toInstant(), zone);
      long late = Duration.between(t.getDueDate().toInstant(), now).toDays();
      boolean partnerTask =
          TASK_ACCEPT.equals(t.getTaskDefinitionKey())
              || TASK_FOLLOW_UP.equals(t.getTaskDefinitionKey());
      String who = partnerTask ? partnerName.apply(c.getReferentPartnerCode()) : "coordination";
      overdueLines.add(
          new Line(
              c.getCaseNumber(),
              names.get(c.getPersonId()),
              perimeterName.apply(c.getPerimeterCode()),
              t.getName() + " (" + who + ")",
              due,
              late < 1 ? "en retard depuis aujourd'hui" : "en retard de " + days(late),
              href(c, t, groups)));
    }
    List<Line> waitingLines = new ArrayList<>();
    for (Job j : waiting) {
      SupportCaseEntity c = byInstance.get(j.getProcessInstanceId());
      if (c == null || waitingLines.size() >= LIMIT) {
        truncated[0] |= c != null;
        continue;
      }
      waitingLines.add(
          new Line(
              c.getCaseNumber(),
              names.get(c.getPersonId()),
              perimeterName.apply(c.getPerimeterCode()),
              c.getStatus() == CaseStatus.UNREACHABLE
                  ? "Dernière tentative de contact (jeune injoignable)"
                  : "Nouvelle tentative de contact",
              LocalDate.ofInstant(j.getDuedate().toInstant(), zone),
              "la tâche « Contacter le jeune » s'ouvrira ce jour-là",
              "/cases/" + c.getCaseNumber()));
    }
    List<Line> unansweredLines = new ArrayList<>();
    for (Task t : unanswered) {
      SupportCaseEntity c = byInstance.get(t.getProcessInstanceId());
      if (c == null || unansweredLines.size() >= LIMIT) {
        truncated[0] |= c != null;
        continue;
      }
      LocalDate since = LocalDate.ofInstant(t.getCreateTime().toInstant(), zone);
      long waited = Duration.between(t.getCreateTime().toInstant(), now).toDays();
      unansweredLines.add(
          new Line(
              c.getCaseNumber(),
              names.get(c.getPersonId()),
              perimeterName.apply(c.getPerimeterCode()),
              "Orientation vers " + partnerName.apply(c.getReferentPartnerCode()),
              since,
              waited < 1 ? "envoyée aujourd'hui" : "sans réponse depuis " + days(waited),
              href(c, t, groups)));
    }
    List<Line> silentLines = new ArrayList<>();
    for (SupportCaseEntity c : silentCases) {
      if (silentLines.size() >= LIMIT) {
        truncated[0] = true;
        break;
      }
      silentLines.add(
          new Line(
              c.getCaseNumber(),
              names.get(c.getPersonId()),
              perimeterName.apply(c.getPerimeterCode()),
              c.getStatus().label(),
              c.getDetectedOn(),
              "repéré le "
                  + c.getDetectedOn()
                      .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))
                  + ", aucune tâche terminée depuis "
                  + days(days),
              "/cases/" + c.getCaseNumber()));
    }
    return new ToDo(overdueLines, waitingLines, unansweredLines, silentLines, days, truncated[0]);
  }

  private static String days(long n) {
    return n + (n == 1 ? " jour" : " jours");
  }

  /** The task in Tasklist when the person is among its candidates; otherwise the case page. */
  private static String href(SupportCaseEntity c, Task t, Set<String> groups) {
    boolean partnerTask =
        TASK_ACCEPT.equals(t.getTaskDefinitionKey())
            || TASK_FOLLOW_UP.equals(t.getTaskDefinitionKey());
    String group =
        partnerTask ? "partner-" + c.getReferentPartnerCode() : "coord-" + c.getPerimeterCode();
    return groups.contains(group) ? TASKLIST + t.getId() : "/cases/" + c.getCaseNumber();
  }

  private List<Task> tasks(
      Set<String> instances, java.util.function.Supplier<TaskQuery> query, boolean byDueDate) {
    Function<TaskQuery, TaskQuery> ordered =
        q -> (byDueDate ? q.orderByDueDate() : q.orderByTaskCreateTime()).asc();
    List<Task> found = new ArrayList<>();
    if (instances == null) {
      found.addAll(
          ordered.apply(query.get().processDefinitionKey(PROCESS_KEY)).listPage(0, LIMIT + 1));
      return found;
    }
    for (List<String> chunk : chunks(instances)) {
      found.addAll(
          ordered
              .apply(query.get().processInstanceIdIn(chunk.toArray(String[]::new)))
              .listPage(0, LIMIT + 1));
    }
    return found;
  }

  /**
   * The timers between two contact attempts, by their job definitions (the engine's job query
   * cannot combine an activity with a list of instances).
   */
  private List<Job> waitingJobs(Set<String> instances) {
    Set<String> definitions = new HashSet<>();
    management
        .createJobDefinitionQuery()
        .activityIdIn(WAITING_TIMERS.toArray(String[]::new))
        .list()
        .forEach(d -> definitions.add(d.getId()));
    List<Job> found = new ArrayList<>();
    if (definitions.isEmpty()) {
      return found;
    }
    if (instances == null) {
      for (String definition : definitions) {
        found.addAll(
            management
                .createJobQuery()
                .jobDefinitionId(definition)
                .timers()
                .orderByJobDuedate()
                .asc()
                .listPage(0, LIMIT + 1));
      }
      return found;
    }
    for (List<String> chunk : chunks(instances)) {
      management.createJobQuery().processInstanceIds(new HashSet<>(chunk)).timers().list().stream()
          .filter(j -> definitions.contains(j.getJobDefinitionId()))
          .forEach(found::add);
    }
    return found;
  }

  private static List<List<String>> chunks(Collection<String> values) {
    List<String> all = new ArrayList<>(values);
    List<List<String>> chunks = new ArrayList<>();
    for (int i = 0; i < all.size(); i += CHUNK) {
      chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
    }
    return chunks;
  }
}
