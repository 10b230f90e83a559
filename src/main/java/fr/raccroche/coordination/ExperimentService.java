package fr.raccroche.coordination;

import fr.raccroche.coordination.ExperimentRecords.Call;
import fr.raccroche.coordination.ExperimentRecords.CallRequest;
import fr.raccroche.coordination.ExperimentRecords.Participation;
import fr.raccroche.coordination.ExperimentRecords.Project;
import fr.raccroche.coordination.ExperimentRecords.ProjectRequest;
import fr.raccroche.coordination.internal.CallEntity;
import fr.raccroche.coordination.internal.CallLock;
import fr.raccroche.coordination.internal.CallRepository;
import fr.raccroche.coordination.internal.CoordinationCaseFactEntity;
import fr.raccroche.coordination.internal.CoordinationCaseFactRepository;
import fr.raccroche.coordination.internal.ProjectEntity;
import fr.raccroche.coordination.internal.ProjectRepository;
import fr.raccroche.coordination.process.CoordinationSettings;
import fr.raccroche.coordination.process.ExperimentProcesses;
import fr.raccroche.shared.InvalidInputException;
import fr.raccroche.shared.NotFoundException;
import fr.raccroche.territory.Partner;
import fr.raccroche.territory.TerritoryService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Local experiments (docs/specification.md §5 Coordination): calls for projects with their
 * envelope, projects submitted by partners and decided by the supervisors in {@code
 * ExperimentProjectProcess}, and the cases taking part in a project. A grant never exceeds the
 * amount requested nor what is left of the envelope.
 */
@Service
public class ExperimentService {
  private static final Set<ProjectStatus> FUNDED =
      EnumSet.of(ProjectStatus.SELECTED, ProjectStatus.RUNNING, ProjectStatus.EVALUATED);

  private final CallRepository calls;
  private final CallLock callLock;
  private final ProjectRepository projects;
  private final CoordinationCaseFactRepository facts;
  private final TerritoryService territory;
  private final ExperimentProcesses processes;
  private final CoordinationSettings settings;
  private final Clock clock;

  ExperimentService(
      CallRepository calls,
      CallLock callLock,
      ProjectRepository projects,
      CoordinationCaseFactRepository facts,
      TerritoryService territory,
      ExperimentProcesses processes,
      CoordinationSettings settings,
      Optional<Clock> clock) {
    this.calls = calls;
    this.callLock = callLock;
    this.projects = projects;
    this.facts = facts;
    this.territory = territory;
    this.processes = processes;
    this.settings = settings;
    this.clock = clock.orElse(Clock.systemDefaultZone());
  }

  @Transactional(readOnly = true)
  public List<Call> calls() {
    return calls.findAllByOrderByOpensOnDesc().stream().map(this::view).toList();
  }

  @Transactional(readOnly = true)
  public Call call(long id) {
    return view(callEntity(id));
  }

  @Transactional
  public Call createCall(CallRequest r, String who) {
    if (r == null) {
      throw new InvalidInputException("body", "Le contenu de l'appel à projets est vide.");
    }
    required(r.title(), "title", "Le titre", 200);
    required(r.funder(), "funder", "Le financeur", 200);
    if (r.description() != null && r.description().length() > 2000) {
      throw new InvalidInputException(
          "description", "La description (description) dépasse 2000 caractères.");
    }
    if (r.budgetEnvelope() == null || r.budgetEnvelope().signum() <= 0) {
      throw new InvalidInputException(
          "budgetEnvelope", "L'enveloppe budgétaire (budgetEnvelope) doit être positive.");
    }
    amount(r.budgetEnvelope(), "budgetEnvelope", "L'enveloppe budgétaire");
    if (r.opensOn() == null) {
      throw new InvalidInputException("opensOn", "La date d'ouverture (opensOn) est obligatoire.");
    }
    if (r.closesOn() == null) {
      throw new InvalidInputException("closesOn", "La date de clôture (closesOn) est obligatoire.");
    }
    if (r.closesOn().isBefore(r.opensOn())) {
      throw new InvalidInputException(
          "closesOn", "La date de clôture (closesOn) précède la date d'ouverture.");
    }
    CallEntity c = new CallEntity();
    c.setTitle(r.title().strip());
    c.setFunder(r.funder().strip());
    c.setDescription(
        r.description() == null || r.description().isBlank() ? null : r.description().strip());
    c.setBudgetEnvelope(r.budgetEnvelope());
    c.setOpensOn(r.opensOn());
    c.setClosesOn(r.closesOn());
    c.setCreatedBy(who);
    c.setCreatedAt(Instant.now(clock));
    return view(calls.save(c));
  }

  @Transactional(readOnly = true)
  public Project project(long id) {
    return view(projectEntity(id));
  }

  /** The partner a project is carried by (for the rights on it). */
  @Transactional(readOnly = true)
  public Partner carrierOf(long projectId) {
    return territory.partner(projectEntity(projectId).getCarrierPartnerCode());
  }

  /** A partner submits a project to an open call: the supervisors get the selection task. */
  @Transactional
  public Project submit(long callId, ProjectRequest r, String who) {
    CallEntity call = callEntity(callId);
    Partner partner = checkProject(r);
    LocalDate today = LocalDate.now(clock);
    if (today.isBefore(call.getOpensOn()) || today.isAfter(call.getClosesOn())) {
      throw new InvalidInputException(
          "callId",
          "L'appel à projets « " + call.getTitle() + " » n'est pas ouvert aux dépôts aujourd'hui.");
    }
    ProjectEntity p = new ProjectEntity();
    p.setCallId(callId);
    p.setCarrierPartnerCode(partner.code());
    p.setPerimeterCode(r.perimeterCode().strip());
    p.setTitle(r.title().strip());
    p.setDescription(
        r.description() == null || r.description().isBlank() ? null : r.description().strip());
    p.setAmountRequested(r.amountRequested());
    p.setStartDate(r.startDate());
    p.setEndDate(r.endDate());
    p.setStatus(ProjectStatus.SUBMITTED);
    p.setSubmittedBy(who);
    p.setSubmittedAt(Instant.now(clock));
    p = projects.save(p);
    p.setProcessInstanceId(
        processes.start(
            p.getId(), partner.code(), p.getPerimeterCode(), p.getTitle(), call.getTitle()));
    return view(p);
  }

  /**
   * Checks a selection decision before it is recorded (the task's input): the grant is required
   * when selected, and never above the amount requested nor what is left of the envelope.
   */
  @Transactional(readOnly = true)
  public void checkGrant(long projectId, boolean selected, BigDecimal amountGranted) {
    ProjectEntity p = projectEntity(projectId);
    if (!selected) {
      return;
    }
    if (amountGranted == null || amountGranted.signum() <= 0) {
      throw new InvalidInputException(
          "amountGranted", "Indiquez le montant accordé (amountGranted), positif.");
    }
    amount(amountGranted, "amountGranted", "Le montant accordé");
    if (amountGranted.compareTo(p.getAmountRequested()) > 0) {
      throw new InvalidInputException(
          "amountGranted",
          "Le montant accordé (amountGranted) dépasse le montant demandé ("
              + euros(p.getAmountRequested())
              + ").");
    }
    BigDecimal remaining = remaining(callEntity(p.getCallId()), projectId);
    if (amountGranted.compareTo(remaining) > 0) {
      throw new InvalidInputException(
          "amountGranted",
          "Le montant accordé (amountGranted) dépasse ce qui reste de l'enveloppe de l'appel ("
              + euros(remaining)
              + ").");
    }
  }

  /** The supervisors' decision, checked again under a lock on the call. */
  @Transactional
  public void decided(long projectId, boolean selected, BigDecimal amountGranted, String comment) {
    ProjectEntity p = projectEntity(projectId);
    callLock.lock(p.getCallId());
    checkGrant(projectId, selected, amountGranted);
    p.setStatus(selected ? ProjectStatus.SELECTED : ProjectStatus.REJECTED);
    p.setAmountGranted(selected ? amountGranted : null);
    p.setSelectionComment(comment == null || comment.isBlank() ? null : comment.strip());
  }

  @Transactional
  public void started(long projectId) {
    projectEntity(projectId).setStatus(ProjectStatus.RUNNING);
  }

  @Transactional
  public void interimReport(long projectId, String text) {
    projectEntity(projectId).setInterimReport(text.strip());
  }

  @Transactional
  public void finalReport(long projectId, String text) {
    projectEntity(projectId).setFinalReport(text.strip());
  }

  @Transactional
  public void evaluated(long projectId, String text) {
    ProjectEntity p = projectEntity(projectId);
    p.setEvaluation(text.strip());
    p.setStatus(ProjectStatus.EVALUATED);
  }

  /**
   * Tags a case as taking part in a selected or running project (the caller already checked the
   * case is in their scope); {@code projectId} null removes the tag.
   */
  @Transactional
  public void tagCase(Long projectId, String caseNumber) {
    CoordinationCaseFactEntity fact =
        facts
            .findById(caseNumber)
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "Le dossier " + caseNumber + " est inconnu de la coordination."));
    if (projectId != null) {
      ProjectEntity p = projectEntity(projectId);
      if (p.getStatus() != ProjectStatus.SELECTED && p.getStatus() != ProjectStatus.RUNNING) {
        throw new InvalidInputException(
            "projectId", "Le projet « " + p.getTitle() + " » n'est ni retenu ni en cours.");
      }
      // A case joins a project of its own perimeter only (docs/security.md R3, issue 18).
      if (p.getPerimeterCode() != null && !p.getPerimeterCode().equals(fact.getPerimeterCode())) {
        throw new InvalidInputException(
            "projectId",
            "Le projet « "
                + p.getTitle()
                + " » concerne le périmètre "
                + p.getPerimeterCode()
                + ", pas celui du dossier.");
      }
    }
    fact.setExperimentProjectId(projectId);
  }

  private Partner checkProject(ProjectRequest r) {
    if (r == null) {
      throw new InvalidInputException("body", "Le contenu du projet est vide.");
    }
    if (r.carrierPartnerCode() == null || r.carrierPartnerCode().isBlank()) {
      throw new InvalidInputException(
          "carrierPartnerCode", "La structure porteuse (carrierPartnerCode) est obligatoire.");
    }
    if (!territory.partnerExists(r.carrierPartnerCode().strip())) {
      throw new InvalidInputException(
          "carrierPartnerCode", "La structure « " + r.carrierPartnerCode() + " » n'existe pas.");
    }
    if (r.perimeterCode() == null || !territory.perimeterExists(r.perimeterCode().strip())) {
      throw new InvalidInputException(
          "perimeterCode", "Le périmètre (perimeterCode) est obligatoire et doit exister.");
    }
    required(r.title(), "title", "Le titre", 200);
    if (r.description() != null && r.description().length() > 4000) {
      throw new InvalidInputException("description", "La description dépasse 4000 caractères.");
    }
    if (r.amountRequested() == null || r.amountRequested().signum() <= 0) {
      throw new InvalidInputException(
          "amountRequested", "Le montant demandé (amountRequested) doit être positif.");
    }
    amount(r.amountRequested(), "amountRequested", "Le montant demandé");
    if (r.startDate() == null) {
      throw new InvalidInputException("startDate", "La date de début (startDate) est obligatoire.");
    }
    if (r.endDate() == null) {
      throw new InvalidInputException("endDate", "La date de fin (endDate) est obligatoire.");
    }
    if (r.endDate().isBefore(r.startDate())) {
      throw new InvalidInputException(
          "endDate", "La date de fin (endDate) précède la date de début du projet.");
    }
    return territory.partner(r.carrierPartnerCode().strip());
  }

  private static void required(String value, String field, String what, int max) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(field, what + " (" + field + ") est obligatoire.");
    }
    if (value.strip().length() > max) {
      throw new InvalidInputException(
          field, what + " (" + field + ") dépasse " + max + " caractères.");
    }
  }

  private static void amount(BigDecimal value, String field, String what) {
    if (value.scale() > 2 || value.compareTo(new BigDecimal("9999999999.99")) > 0) {
      throw new InvalidInputException(
          field, what + " (" + field + ") doit être un montant en euros (deux décimales au plus).");
    }
  }

  static String euros(BigDecimal amount) {
    return String.format(java.util.Locale.FRANCE, "%,.2f €", amount);
  }

  private BigDecimal remaining(CallEntity call, Long exceptProject) {
    BigDecimal granted =
        projects.findByCallIdOrderById(call.getId()).stream()
            .filter(p -> !p.getId().equals(exceptProject))
            .filter(p -> FUNDED.contains(p.getStatus()) && p.getAmountGranted() != null)
            .map(ProjectEntity::getAmountGranted)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    return call.getBudgetEnvelope().subtract(granted);
  }

  private CallEntity callEntity(long id) {
    return calls
        .findById(id)
        .orElseThrow(() -> new NotFoundException("L'appel à projets n° " + id + " n'existe pas."));
  }

  private ProjectEntity projectEntity(long id) {
    return projects
        .findById(id)
        .orElseThrow(() -> new NotFoundException("Le projet n° " + id + " n'existe pas."));
  }

  private Call view(CallEntity c) {
    List<Project> list =
        projects.findByCallIdOrderById(c.getId()).stream().map(this::view).toList();
    BigDecimal requested =
        list.stream().map(Project::amountRequested).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal granted =
        list.stream()
            .filter(p -> FUNDED.contains(p.status()) && p.amountGranted() != null)
            .map(Project::amountGranted)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    return new Call(
        c.getId(),
        c.getTitle(),
        c.getFunder(),
        c.getDescription(),
        c.getBudgetEnvelope(),
        c.getOpensOn(),
        c.getClosesOn(),
        requested,
        granted,
        c.getBudgetEnvelope().subtract(granted),
        list);
  }

  private Project view(ProjectEntity p) {
    String partnerName =
        territory.partnerExists(p.getCarrierPartnerCode())
            ? territory.partner(p.getCarrierPartnerCode()).name()
            : p.getCarrierPartnerCode();
    return new Project(
        p.getId(),
        p.getCallId(),
        p.getCarrierPartnerCode(),
        partnerName,
        p.getPerimeterCode(),
        p.getTitle(),
        p.getDescription(),
        p.getAmountRequested(),
        p.getAmountGranted(),
        p.getStartDate(),
        p.getEndDate(),
        p.getStatus(),
        p.getSelectionComment(),
        p.getInterimReport(),
        p.getFinalReport(),
        p.getEvaluation(),
        participation(p.getId()));
  }

  private Participation participation(long projectId) {
    List<CoordinationCaseFactEntity> cases = facts.findByExperimentProjectId(projectId);
    int threshold = settings.getSmallCountThreshold();
    if (!cases.isEmpty() && cases.size() < threshold) {
      return new Participation(true, threshold, null, null, null, null, null, null, null, null);
    }
    int taken = (int) cases.stream().filter(c -> c.getTakenInChargeOn() != null).count();
    int inSolution = (int) cases.stream().filter(c -> c.getInSolutionOn() != null).count();
    int checked = (int) cases.stream().filter(c -> c.getOneYearCheckedOn() != null).count();
    int oneYear =
        (int) cases.stream().filter(c -> Boolean.TRUE.equals(c.getOneYearInSolution())).count();
    return new Participation(
        false,
        threshold,
        cases.size(),
        taken,
        DiagnosisService.percent(taken, cases.size()),
        inSolution,
        DiagnosisService.percent(inSolution, cases.size()),
        checked,
        oneYear,
        DiagnosisService.percent(oneYear, checked));
  }
}
