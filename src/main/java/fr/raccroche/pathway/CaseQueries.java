package fr.raccroche.pathway;

import fr.raccroche.pathway.internal.CaseListQuery;
import fr.raccroche.pathway.internal.CaseMilestoneRepository;
import fr.raccroche.pathway.internal.CaseTransferRepository;
import fr.raccroche.pathway.internal.SupportCaseEntity;
import fr.raccroche.pathway.internal.SupportCaseRepository;
import fr.raccroche.pathway.internal.YoungPersonEntity;
import fr.raccroche.pathway.internal.YoungPersonRepository;
import fr.raccroche.pathway.process.CaseHistory;
import fr.raccroche.shared.NotFoundException;
import fr.raccroche.territory.TerritoryService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads cases within a person's scope: lists, one case with its timeline and open tasks, and
 * references without personal data for other modules. An out-of-scope case answers "unknown", as
 * one that does not exist.
 */
@Service
@Transactional(readOnly = true)
public class CaseQueries {
  // No code starts with "-": an IN list that matches nothing (an empty IN list is not portable).
  private static final List<String> EMPTY_SCOPE = List.of("-");
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH'h'mm");
  private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final YoungPersonRepository persons;
  private final SupportCaseRepository cases;
  private final CaseMilestoneRepository milestones;
  private final TaskService tasks;
  private final TerritoryService territory;
  private final List<PersonSources> sources;
  private final Clock clock;
  private final ObjectProvider<CaseCorrespondence> correspondence;
  private final CaseHistory history;
  private final ObjectProvider<OrientationOffers> offers;
  private final CaseListQuery list;

  CaseQueries(
      YoungPersonRepository persons,
      SupportCaseRepository cases,
      CaseMilestoneRepository milestones,
      TaskService tasks,
      TerritoryService territory,
      List<PersonSources> sources,
      Optional<Clock> clock,
      ObjectProvider<CaseCorrespondence> correspondence,
      CaseHistory history,
      ObjectProvider<OrientationOffers> offers,
      CaseListQuery list,
      CaseTransferRepository transfers) {
    this.list = list;
    this.transfers = transfers;
    this.correspondence = correspondence;
    this.history = history;
    this.offers = offers;
    this.persons = persons;
    this.cases = cases;
    this.milestones = milestones;
    this.tasks = tasks;
    this.territory = territory;
    this.sources = sources;
    this.clock = clock.orElse(Clock.systemDefaultZone());
  }

  private final CaseTransferRepository transfers;

  public Page<CaseSummary> findCases(CaseScope scope, CaseFilter filter, Pageable page) {
    if (scope.isEmpty()) {
      return Page.empty(page);
    }
    String text = text(filter);
    return cases
        .search(
            scope.all(),
            scope.everyDepartement(),
            departementsOf(scope),
            scope.perimeterCodes().isEmpty() ? EMPTY_SCOPE : scope.perimeterCodes(),
            scope.partnerCodes().isEmpty() ? EMPTY_SCOPE : scope.partnerCodes(),
            filter.perimeterCode(),
            filter.status(),
            text,
            page)
        .map(this::summary);
  }

  /**
   * The case list's page: the cases of the scope, with every filter of {@link CaseFilter}, sorted
   * by a column (then by case number).
   */
  public Page<CaseSummary> findCases(
      CaseScope scope, CaseFilter filter, CaseFilter.Sort sort, boolean ascending, Pageable page) {
    if (scope.isEmpty()) {
      return Page.empty(page);
    }
    String text = text(filter);
    Instant now = clock.instant();
    LocalDate silentSince =
        filter.silentDays() == null ? null : LocalDate.now(clock).minusDays(filter.silentDays());
    return list.find(
            new CaseListQuery.Criteria(
                scope.all(),
                scope.everyDepartement() ? null : departementsOf(scope),
                scope.perimeterCodes().isEmpty() ? EMPTY_SCOPE : scope.perimeterCodes(),
                scope.partnerCodes().isEmpty() ? EMPTY_SCOPE : scope.partnerCodes(),
                filter.perimeterCode(),
                filter.referentPartnerCode(),
                filter.status(),
                text,
                text == null ? null : SupportCaseRepository.escapeLike(text),
                filter.overdue(),
                now,
                silentSince,
                silentSince == null ? null : silentSince.atStartOfDay(clock.getZone()).toInstant()),
            CaseListQuery.Sort.valueOf(sort.name()),
            ascending,
            page)
        .map(this::summary);
  }

  private static java.util.Collection<String> departementsOf(CaseScope scope) {
    return scope.departements() == null || scope.departements().isEmpty()
        ? EMPTY_SCOPE
        : scope.departements();
  }

  private static String text(CaseFilter filter) {
    return filter.text() == null || filter.text().isBlank()
        ? null
        : filter.text().strip().toLowerCase(Locale.ROOT);
  }

  private CaseSummary summary(SupportCaseEntity c) {
    YoungPersonEntity p = persons.findById(c.getPersonId()).orElseThrow();
    return new CaseSummary(
        c.getCaseNumber(),
        p.getLastName(),
        p.getFirstName(),
        p.getBirthDate(),
        c.getPerimeterCode(),
        c.getStatus(),
        c.getStatus().label(),
        c.getClosureReason(),
        c.getDetectedOn(),
        c.getReferentPartnerCode());
  }

  /** The case, if it exists and is in scope; otherwise "unknown" (existence is not revealed). */
  public CaseView getCase(CaseScope scope, String caseNumber) {
    SupportCaseEntity c = cases.findById(caseNumber).orElse(null);
    if (c == null
        || !scope.coversCase(
            c.getDepartement(), c.getPerimeterCode(), c.getReferentPartnerCode())) {
      throw new NotFoundException("Dossier inconnu : " + caseNumber + ".");
    }
    return view(c);
  }

  /** Status, perimeter and closure of cases, by case number (no personal data). */
  public Map<String, CaseRef> refs(Collection<String> caseNumbers) {
    Map<String, CaseRef> refs = new HashMap<>();
    for (SupportCaseEntity c : cases.findAllById(caseNumbers)) {
      refs.put(c.getCaseNumber(), CaseIntake.ref(c));
    }
    return refs;
  }

  /** Those of these cases registered at or after that instant (no personal data). */
  public List<String> registeredSince(Collection<String> caseNumbers, Instant since) {
    List<String> found = new ArrayList<>();
    for (SupportCaseEntity c : cases.findAllById(caseNumbers)) {
      if (c.getCreatedAt() != null && !c.getCreatedAt().isBefore(since)) {
        found.add(c.getCaseNumber());
      }
    }
    return found;
  }

  /** The open case of each of these persons, by person id. */
  public Map<Long, CaseRef> openCases(Collection<Long> personIds) {
    Map<Long, CaseRef> open = new HashMap<>();
    if (!personIds.isEmpty()) {
      for (SupportCaseEntity c : cases.findOpenByPersonIds(personIds)) {
        open.put(c.getPersonId(), CaseIntake.ref(c));
      }
    }
    return open;
  }

  /** An establishment as the cases name it: UAI, the name a list gave, how many cases. */
  public record NamedEstablishment(String uai, String label, long cases) {}

  /** Every establishment the cases name, most named first (no personal data). */
  public List<NamedEstablishment> establishmentsNamed() {
    return named(cases.establishmentsNamed());
  }

  /**
   * The establishments the cases of a scope name (a supervisor's: their départements'; every
   * département's for administrators).
   */
  public List<NamedEstablishment> establishmentsNamed(CaseScope scope) {
    if (scope.everyDepartement()) {
      return establishmentsNamed();
    }
    if (!scope.all() || scope.departements().isEmpty()) {
      return List.of();
    }
    return named(cases.establishmentsNamedIn(scope.departements()));
  }

  private static List<NamedEstablishment> named(List<Object[]> rows) {
    return rows.stream()
        .map(r -> new NamedEstablishment((String) r[0], (String) r[1], ((Number) r[2]).longValue()))
        .toList();
  }

  /** One establishment as the cases name it, if any does. */
  public Optional<NamedEstablishment> establishmentNamed(String uai) {
    return cases.establishmentNamed(uai).stream()
        .findFirst()
        .map(
            r -> new NamedEstablishment((String) r[0], (String) r[1], ((Number) r[2]).longValue()));
  }

  private CaseView view(SupportCaseEntity c) {
    YoungPersonEntity p = persons.findById(c.getPersonId()).orElseThrow();
    List<CaseView.MilestoneView> timeline =
        milestones.findByCaseNumberOrderByOccurredOnAscIdAsc(c.getCaseNumber()).stream()
            .map(
                m ->
                    new CaseView.MilestoneView(
                        m.getMilestone(),
                        m.getMilestone().label(),
                        m.getOccurredOn(),
                        m.getPerimeterCode(),
                        m.getPartnerCode(),
                        m.getSolutionType(),
                        m.getInSolution(),
                        m.getClosureReason()))
            .toList();
    List<CaseView.OpenTask> open = new ArrayList<>();
    if (c.getProcessInstanceId() != null) {
      tasks
          .createTaskQuery()
          .processInstanceId(c.getProcessInstanceId())
          .initializeFormKeys()
          .listPage(0, 100)
          .forEach(
              t -> {
                List<String> groups =
                    tasks.getIdentityLinksForTask(t.getId()).stream()
                        .filter(
                            l ->
                                IdentityLinkType.CANDIDATE.equals(l.getType())
                                    && l.getGroupId() != null)
                        .map(IdentityLink::getGroupId)
                        .toList();
                open.add(
                    new CaseView.OpenTask(
                        t.getId(),
                        t.getTaskDefinitionKey(),
                        t.getName(),
                        t.getAssignee(),
                        t.getCreateTime() == null ? null : t.getCreateTime().toInstant(),
                        t.getDueDate() == null ? null : t.getDueDate().toInstant(),
                        groups,
                        groups.stream().map(this::groupName).toList(),
                        history.displayName(t.getAssignee())));
              });
    }
    var registered = territory.findEstablishment(c.getUai());
    ZoneId zone = clock.getZone();
    LocalDate today = LocalDate.now(clock);
    List<CaseCorrespondence.TimelineEntry> messages =
        correspondence.stream().flatMap(m -> m.timeline(c.getCaseNumber()).stream()).toList();
    Function<String, String> partnerName = this::partnerName;
    List<PersonSources.Listing> listings =
        sources.stream().flatMap(s -> s.listingsOf(p.getId()).stream()).toList();
    OrientationOffers catalogue = offers.getIfAvailable();
    List<CaseHistory.Step> steps =
        history.steps(
            c.getProcessInstanceId(),
            zone,
            partnerName,
            id -> catalogue == null ? Optional.empty() : catalogue.name(id));
    List<CaseView.StoryEntry> story =
        story(timeline, listings, steps, open, messages, zone, partnerName);
    // The offer of the orientation the referent holds (the last one chosen).
    String chosenOffer = null;
    if (c.getReferentPartnerCode() != null) {
      for (CaseHistory.Step s : steps) {
        if (s.chosenOffer() != null) {
          chosenOffer = s.chosenOffer();
        }
      }
    }
    List<CaseView.NextStep> next =
        history.nextSteps(c.getProcessInstanceId(), zone).stream()
            .map(s -> new CaseView.NextStep(s.label(), s.on()))
            .toList();
    var transferredTo = transfers.findByFromCaseNumber(c.getCaseNumber());
    var transferredFrom = transfers.findByToCaseNumber(c.getCaseNumber());
    PersonDetails details = CaseIntake.details(p);
    if (transferredTo.isPresent()) {
      // The contact details are those given at the move: they serve the other département now.
      details =
          new PersonDetails(
              details.ine(),
              details.lastName(),
              details.firstName(),
              details.sex(),
              details.birthDate(),
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null);
    }
    return new CaseView(
        c.getCaseNumber(),
        details,
        Eligibility.age(p.getBirthDate(), c.getDetectedOn()),
        c.getPerimeterCode(),
        c.getStatus(),
        c.getStatus().label(),
        c.getClosureReason(),
        c.getClosureReason() == null ? null : c.getClosureReason().label(),
        c.getOrigin(),
        c.getSource(),
        c.getDetectedOn(),
        c.getLeavingDate(),
        c.getLeavingReason(),
        c.getLastTraining(),
        c.getLastLevel(),
        c.getUai(),
        c.getReferentPartnerCode(),
        c.getProcessInstanceId(),
        listings,
        timeline,
        open,
        registered.map(e -> e.name()).orElse(c.getEstablishmentLabel()),
        c.getUai() == null || registered.isPresent(),
        c.getProcessInstanceId() == null ? c.getStartFailure() : null,
        messages,
        Eligibility.age(p.getBirthDate(), today),
        perimeterName(c.getPerimeterCode()),
        c.getReferentPartnerCode() == null ? null : partnerName(c.getReferentPartnerCode()),
        story,
        next,
        chosenOffer,
        transferredTo.map(t -> t.getToDepartement()).orElse(null),
        transferredTo.map(t -> t.getToCaseNumber()).orElse(null),
        transferredFrom.map(t -> t.getFromDepartement()).orElse(null));
  }

  /**
   * Everything done on the case, in date order: the record's milestones, each list that named the
   * young person, the answers of each completed task (Camunda's history) with who completed it, the
   * tasks still open and the messages. On one day, the detection comes first and the other
   * milestones, which follow from the work of that day, then the tasks still open.
   */
  private List<CaseView.StoryEntry> story(
      List<CaseView.MilestoneView> timeline,
      List<PersonSources.Listing> listings,
      List<CaseHistory.Step> steps,
      List<CaseView.OpenTask> open,
      List<CaseCorrespondence.TimelineEntry> messages,
      ZoneId zone,
      Function<String, String> partnerName) {
    record Sortable(LocalDate on, int rank, Instant at, CaseView.StoryEntry entry) {}
    List<Sortable> all = new ArrayList<>();
    int i = 0;
    for (CaseView.MilestoneView m : timeline) {
      List<String> details = new ArrayList<>();
      if (m.partnerCode() != null) {
        details.add("Référent : " + partnerName.apply(m.partnerCode()));
      }
      if (m.milestone() == Milestone.TRANSFERRED && m.perimeterCode() != null) {
        details.add("Vers le périmètre " + perimeterName(m.perimeterCode()));
      }
      if (m.solutionType() != null) {
        details.add("Solution : " + m.solutionType().label());
      }
      if (m.closureReason() != null) {
        details.add("Motif : " + m.closureReason().label());
      }
      all.add(
          new Sortable(
              m.occurredOn(),
              m.milestone() == Milestone.DETECTED ? 0 : 2,
              Instant.ofEpochSecond(i++),
              new CaseView.StoryEntry(m.occurredOn(), "milestone", m.label(), details)));
    }
    for (PersonSources.Listing l : listings) {
      if (l.recordedAt() == null) {
        continue;
      }
      LocalDate on = l.recordedAt().atZone(zone).toLocalDate();
      List<String> details = new ArrayList<>();
      if (l.fileName() != null) {
        details.add("Fichier : " + l.fileName() + ", ligne " + l.line());
      }
      all.add(
          new Sortable(
              on,
              1,
              l.recordedAt(),
              new CaseView.StoryEntry(
                  on, "source", "Listé par " + l.sourceLabel(), List.copyOf(details))));
    }
    for (CaseHistory.Step s : steps) {
      List<String> details = new ArrayList<>(s.details());
      StringBuilder done = new StringBuilder("Tâche « " + s.taskName() + " »");
      if (s.created() != null) {
        done.append(" créée le ").append(s.created().atZone(zone).format(FRENCH_DATE)).append(",");
      }
      done.append(" terminée le ").append(s.at().atZone(zone).format(FRENCH_DATE));
      if (s.completedBy() != null) {
        done.append(" par ").append(s.completedBy());
      }
      details.add(done.toString());
      all.add(
          new Sortable(
              s.on(), 1, s.at(), new CaseView.StoryEntry(s.on(), "task", s.title(), details)));
    }
    for (CaseView.OpenTask t : open) {
      Instant created = t.created() == null ? Instant.now(clock) : t.created();
      LocalDate on = created.atZone(zone).toLocalDate();
      List<String> details = new ArrayList<>();
      details.add(
          "Tâche ouverte le "
              + created.atZone(zone).format(FRENCH_DATE)
              + (t.candidateNames().isEmpty()
                  ? ""
                  : " pour " + String.join(", ", t.candidateNames())));
      if (t.assigneeName() != null) {
        details.add("Attribuée à " + t.assigneeName());
      }
      if (t.due() != null) {
        details.add("À faire pour le " + t.due().atZone(zone).format(FRENCH_DATE));
      }
      all.add(
          new Sortable(
              on,
              3,
              created,
              new CaseView.StoryEntry(on, "open-task", "En cours : " + t.name(), details)));
    }
    for (CaseCorrespondence.TimelineEntry m : messages) {
      LocalDate on = m.at().atZone(zone).toLocalDate();
      all.add(
          new Sortable(
              on,
              1,
              m.at(),
              new CaseView.StoryEntry(
                  on,
                  "message",
                  m.label(),
                  List.of(
                      "Envoi : "
                          + m.statusLabel()
                          + " ("
                          + m.at().atZone(zone).format(HOUR)
                          + ")"))));
    }
    all.sort(
        Comparator.comparing(Sortable::on)
            .thenComparing(Sortable::rank)
            .thenComparing(Sortable::at));
    return all.stream().map(Sortable::entry).toList();
  }

  private String partnerName(String code) {
    return territory.partnerExists(code) ? territory.partner(code).name() : code;
  }

  /** "coord-LYON" → "coordination de Lyon", "partner-ML-LYON" → the partner's name. */
  private String groupName(String group) {
    if (group.startsWith("coord-")) {
      return "coordination " + perimeterName(group.substring("coord-".length()));
    }
    if (group.startsWith("partner-")) {
      return partnerName(group.substring("partner-".length()));
    }
    return group;
  }

  private String perimeterName(String code) {
    return territory.perimeterExists(code) ? territory.perimeter(code).name() : code;
  }
}
