package fr.raccroche.pathway;

import static fr.raccroche.pathway.process.PathwayVariables.*;

import fr.raccroche.pathway.PersonDirectory.PersonRef;
import fr.raccroche.pathway.internal.CaseMilestoneRepository;
import fr.raccroche.pathway.internal.CaseNumberGenerator;
import fr.raccroche.pathway.internal.CaseRecords;
import fr.raccroche.pathway.internal.SupportCaseEntity;
import fr.raccroche.pathway.internal.SupportCaseRepository;
import fr.raccroche.pathway.internal.YoungPersonEntity;
import fr.raccroche.pathway.internal.YoungPersonRepository;
import fr.raccroche.pathway.process.EngineBatch;
import fr.raccroche.pathway.process.PathwayDelays;
import fr.raccroche.security.CaseAccessService;
import fr.raccroche.shared.BulkInserts;
import fr.raccroche.shared.InvalidInputException;
import fr.raccroche.shared.NotFoundException;
import fr.raccroche.territory.Establishment;
import fr.raccroche.territory.TerritoryCodes;
import fr.raccroche.territory.TerritoryService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts cases and their {@code YouthPathwayProcess}, reads them within a person's scope, and sends
 * them the events that may happen at any time (re-enrolment, move, refusal, withdrawal). Every rule
 * broken gives an {@link InvalidInputException} with a French message and nothing is written.
 */
// Named: Camunda already has a bean "caseService" (CMMN).
@Service("pathwayCaseService")
@Transactional
public class CaseService {
  private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  // No code starts with "-": an IN list that matches nothing (an empty IN list is not portable).
  private static final List<String> EMPTY_SCOPE = List.of("-");

  private final YoungPersonRepository persons;
  private final SupportCaseRepository cases;
  private final CaseMilestoneRepository milestones;
  private final CaseNumberGenerator numbers;
  private final CaseRecords records;
  private final TerritoryService territory;
  private final CaseAccessService access;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final PathwayDelays delays;
  private final EngineBatch engineBatch;
  private final List<PersonSources> sources;
  private final String departement;
  private final ApplicationEventPublisher events;
  private final BulkInserts bulk;
  private final Clock clock;

  CaseService(
      YoungPersonRepository persons,
      SupportCaseRepository cases,
      CaseMilestoneRepository milestones,
      CaseNumberGenerator numbers,
      CaseRecords records,
      TerritoryService territory,
      CaseAccessService access,
      RuntimeService runtime,
      TaskService tasks,
      PathwayDelays delays,
      EngineBatch engineBatch,
      List<PersonSources> sources,
      @Value("${raccroche.departement}") String departement,
      ApplicationEventPublisher events,
      BulkInserts bulk,
      Optional<Clock> clock) {
    this.bulk = bulk;
    this.persons = persons;
    this.cases = cases;
    this.milestones = milestones;
    this.numbers = numbers;
    this.records = records;
    this.territory = territory;
    this.access = access;
    this.runtime = runtime;
    this.tasks = tasks;
    this.delays = delays;
    this.engineBatch = engineBatch;
    this.sources = sources;
    this.departement = departement;
    this.events = events;
    this.clock = clock.orElse(Clock.systemDefaultZone());
  }

  // ---- start

  /**
   * Registers the person (or reuses the record with the same INE, or the same folded names and
   * birth date), opens a case routed to its perimeter and starts its pathway, in one transaction.
   */
  public CaseView startCase(NewCase request) {
    PersonDetails person = validate(request);
    LocalDate detectedOn = detectedOn(request);
    String perimeter = request.perimeterCode();
    if (perimeter == null) {
      perimeter =
          territory
              .route(person.communeCode(), person.postalCode(), request.uai())
              .map(r -> r.perimeterCode())
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "communeCode",
                          "Aucun périmètre ne couvre la commune, le code postal ou l'établissement indiqués."));
    } else if (!territory.perimeterExists(perimeter)) {
      throw new InvalidInputException("perimeterCode", "Périmètre inconnu : " + perimeter + ".");
    }
    if (request.followedByPartnerCode() != null
        && !territory.partnerExists(request.followedByPartnerCode())) {
      throw new InvalidInputException(
          "followedByPartnerCode", "Partenaire inconnu : " + request.followedByPartnerCode() + ".");
    }
    YoungPersonEntity entity = findOrCreatePerson(person);
    SupportCaseEntity c =
        register(
            entity.getId(), entity.getSex(), entity.getBirthDate(), request, perimeter, detectedOn);
    startPathway(c, entity);
    return view(c);
  }

  /** A case as matching sees it. */
  public record CaseRef(
      String caseNumber,
      long personId,
      String perimeterCode,
      CaseStatus status,
      LocalDate leavingDate,
      String processInstanceId) {}

  /** A case to register for a known person (see {@link #registerCases(List)}). */
  public record CaseToRegister(PersonRef person, NewCase request, String perimeterCode) {}

  /**
   * Registers a case for a known person without starting its pathway yet (imports start them in
   * batches with {@link #pendingStarts(int)} and {@link #startPathways}). The request was validated
   * by the caller.
   */
  public String registerCase(long personId, NewCase request, String perimeterCode) {
    PersonRef person = PersonDirectory.ref(persons.findById(personId).orElseThrow());
    return registerCases(List.of(new CaseToRegister(person, request, perimeterCode))).get(0);
  }

  /**
   * {@link #registerCase} for many cases at once (an import's chunk), for people the caller has
   * matched or registered: no lookup; the rows written through {@link BulkInserts} (with {@code
   * COPY} in the caller's bulk scope). Answers the case numbers, in the order of the requests.
   */
  public List<String> registerCases(List<CaseToRegister> requests) {
    // Numbers are reserved per school year, in one block each.
    Map<Integer, LocalDate> aDayOf = new HashMap<>();
    Map<Integer, Integer> perYear = new HashMap<>();
    for (CaseToRegister r : requests) {
      LocalDate day = detectedOn(r.request());
      aDayOf.putIfAbsent(CaseNumbers.schoolYearStart(day), day);
      perYear.merge(CaseNumbers.schoolYearStart(day), 1, Integer::sum);
    }
    perYear.forEach((year, count) -> this.numbers.reserve(aDayOf.get(year), departement, count));
    List<String> numbers = new ArrayList<>(requests.size());
    for (CaseToRegister r : requests) {
      numbers.add(
          register(
                  r.person().id(),
                  r.person().sex(),
                  r.person().birthDate(),
                  r.request(),
                  r.perimeterCode(),
                  detectedOn(r.request()))
              .getCaseNumber());
    }
    return numbers;
  }

  private LocalDate detectedOn(NewCase request) {
    return request.detectedOn() == null ? LocalDate.now(clock) : request.detectedOn();
  }

  private SupportCaseEntity register(
      long personId,
      String sex,
      LocalDate birthDate,
      NewCase request,
      String perimeter,
      LocalDate detectedOn) {
    Instant now = Instant.now(clock);
    SupportCaseEntity c = new SupportCaseEntity();
    c.setCaseNumber(numbers.next(detectedOn, departement));
    c.setPersonId(personId);
    c.setPerimeterCode(perimeter);
    c.setStatus(CaseStatus.TO_CONTACT);
    c.setOrigin(request.origin() == null ? CaseOrigin.SELF_REFERRAL : request.origin());
    c.setSource(request.source());
    c.setDetectedOn(detectedOn);
    c.setLeavingDate(request.leavingDate());
    c.setLeavingReason(trim(request.leavingReason(), 200));
    c.setLastTraining(trim(request.lastTraining(), 200));
    c.setLastLevel(request.lastLevel() == null ? SchoolLevel.UNKNOWN : request.lastLevel());
    c.setUai(TerritoryCodes.normaliseUai(request.uai()));
    c.setJusticeFollowUp(request.justiceFollowUp());
    c.setFollowedByPartnerCode(request.followedByPartnerCode());
    c.setEnrolledElsewhere(request.enrolledElsewhere());
    c.setCreatedAt(now);
    c.setUpdatedAt(now);
    bulk.add(c);
    LocalDate ageDate = c.getLeavingDate() == null ? detectedOn : c.getLeavingDate();
    events.publishEvent(
        new CaseRegistered(
            c.getCaseNumber(),
            personId,
            perimeter,
            c.getOrigin(),
            c.getSource(),
            sex,
            birthDate == null ? null : Period.between(birthDate, ageDate).getYears(),
            c.getLastLevel(),
            c.getLeavingReason(),
            c.getLeavingDate(),
            detectedOn));
    records.detected(c, detectedOn);
    return c;
  }

  private void startPathway(SupportCaseEntity c, YoungPersonEntity person) {
    ProcessInstance instance =
        runtime
            .createProcessInstanceByKey(PROCESS_KEY)
            .businessKey(c.getCaseNumber())
            .setVariables(startVariables(c, person))
            .execute();
    c.setProcessInstanceId(instance.getId());
    access.grantNewCase(instance.getId(), TerritoryCodes.coordinatorGroup(c.getPerimeterCode()));
  }

  /** Starts the pathway of a registered case now (after a review, for instance). */
  public void startPathwayOf(String caseNumber) {
    SupportCaseEntity c = cases.findById(caseNumber).orElseThrow();
    if (c.getProcessInstanceId() == null) {
      startPathway(c, persons.findById(c.getPersonId()).orElseThrow());
    }
  }

  /**
   * Numbers of up to {@code max} registered cases whose pathway has not started, oldest first. With
   * {@link #startPathways(Collection)}, lets several threads start disjoint slices.
   */
  @Transactional(readOnly = true)
  public List<String> pendingStarts(int max) {
    return cases.findPendingStarts(PageRequest.of(0, max));
  }

  /**
   * Starts, in this transaction, the pathways of those of these cases that are registered, open and
   * not started yet (a case started meanwhile is skipped); answers how many started.
   */
  public int startPathways(java.util.Collection<String> caseNumbers) {
    if (caseNumbers.isEmpty()) {
      return 0;
    }
    List<SupportCaseEntity> batch = cases.lockPendingStarts(caseNumbers);
    Map<Long, YoungPersonEntity> people = new HashMap<>();
    persons
        .findAllById(batch.stream().map(SupportCaseEntity::getPersonId).distinct().toList())
        .forEach(p -> people.put(p.getId(), p));
    engineBatch.run(
        () -> {
          for (SupportCaseEntity c : batch) {
            startPathway(c, people.get(c.getPersonId()));
          }
        });
    return batch.size();
  }

  /** Status and closure reason of cases, by case number (no personal data). */
  @Transactional(readOnly = true)
  public Map<String, CaseRef> refs(java.util.Collection<String> caseNumbers) {
    Map<String, CaseRef> refs = new HashMap<>();
    for (SupportCaseEntity c : cases.findAllById(caseNumbers)) {
      refs.put(c.getCaseNumber(), toRef(c));
    }
    return refs;
  }

  /** The open case of each of these persons, by person id. */
  @Transactional(readOnly = true)
  public Map<Long, CaseRef> openCases(java.util.Collection<Long> personIds) {
    Map<Long, CaseRef> open = new HashMap<>();
    if (personIds.isEmpty()) {
      return open;
    }
    for (SupportCaseEntity c : cases.findOpenByPersonIds(personIds)) {
      open.put(c.getPersonId(), toRef(c));
    }
    return open;
  }

  private static CaseRef toRef(SupportCaseEntity c) {
    return new CaseRef(
        c.getCaseNumber(),
        c.getPersonId(),
        c.getPerimeterCode(),
        c.getStatus(),
        c.getLeavingDate(),
        c.getProcessInstanceId());
  }

  /** The case, or the French "unknown case" error. */
  private SupportCaseEntity caseOrThrow(String caseNumber) {
    return cases
        .findById(caseNumber)
        .orElseThrow(() -> new NotFoundException("Dossier inconnu : " + caseNumber + "."));
  }

  /**
   * A partner of the network already follows the young person: the case goes straight to the
   * follow-up with that partner as referent (a case not yet taken in charge only).
   */
  public boolean markFollowedBy(String caseNumber, String partnerCode) {
    SupportCaseEntity c = caseOrThrow(caseNumber);
    if (!territory.partnerExists(partnerCode)) {
      throw new InvalidInputException("partner", "Partenaire inconnu : " + partnerCode + ".");
    }
    if (c.getStatus() == CaseStatus.CLOSED
        || c.getStatus() == CaseStatus.TAKEN_IN_CHARGE
        || c.getStatus() == CaseStatus.IN_SOLUTION) {
      return false;
    }
    c.setFollowedByPartnerCode(partnerCode);
    if (c.getProcessInstanceId() == null) {
      return true; // its pathway starts with the partner as referent
    }
    runtime.setVariables(
        c.getProcessInstanceId(),
        Map.of(QUALIFICATION, "ALREADY_FOLLOWED", FOLLOWED_BY_PARTNER_CODE, partnerCode));
    var modification = runtime.createProcessInstanceModification(c.getProcessInstanceId());
    for (var activity :
        runtime.getActivityInstance(c.getProcessInstanceId()).getChildActivityInstances()) {
      if (!activity.getActivityId().startsWith("EventSubProcess_")) {
        modification = modification.cancelActivityInstance(activity.getId());
      }
    }
    modification.startBeforeActivity("ServiceTask_RecordAlreadyFollowed").execute();
    return true;
  }

  /**
   * The young person is enrolled again: the case closes as returned to training, or as a false
   * detection. Works whether its pathway runs already or not.
   */
  public void closeOnEnrolment(String caseNumber, ClosureReason closure) {
    SupportCaseEntity c = caseOrThrow(caseNumber);
    if (c.getProcessInstanceId() == null) {
      records.close(caseNumber, closure);
      return;
    }
    reEnrolled(caseNumber, closure);
  }

  /**
   * The pathway's variables at its start: what its expressions, decisions and Tasklist's columns
   * need, and one {@code youngPerson} object (JSON) with what the forms show of the young person.
   * Few variables make a lean start (each is a row, and at full history two more); the person's
   * details, a copy of the case record, are kept out of Camunda's history (see {@code
   * raccroche.privacy.variables-without-history}).
   */
  private Map<String, Object> startVariables(SupportCaseEntity c, YoungPersonEntity p) {
    Map<String, Object> v = new HashMap<>();
    v.put(CASE_NUMBER, c.getCaseNumber());
    v.put(PERIMETER_CODE, c.getPerimeterCode());
    v.put(DISPLAY_NAME, p.getFirstName() + " " + p.getLastName().toUpperCase(Locale.FRENCH));
    // Tasklist's cards and its search by name (runtime only, no history).
    v.put(BIRTH_DATE, p.getBirthDate().format(FRENCH_DATE));
    v.put(
        SEARCH_NAME,
        Names.fold(p.getFirstName())
            + " "
            + Names.fold(p.getLastName())
            + " "
            + Names.fold(p.getFirstName()));
    v.put(AGE, Period.between(p.getBirthDate(), c.getDetectedOn()).getYears());
    v.put(LAST_LEVEL, c.getLastLevel().name());
    v.put(JUSTICE_FOLLOW_UP, c.isJusticeFollowUp());
    v.put(FOLLOWED_BY_PARTNER_CODE, c.getFollowedByPartnerCode());
    v.put(ENROLLED_ELSEWHERE, c.isEnrolledElsewhere());
    String dueIn =
        c.getOrigin() == CaseOrigin.SELF_REFERRAL
            ? delays.getSelfReferralInterviewDue()
            : delays.getContactReminder();
    v.put(CONTACT_DUE_DATE, delays.after(toDate(c.getDetectedOn()), dueIn));
    Map<String, String> person = new LinkedHashMap<>();
    person.put(BIRTH_DATE, p.getBirthDate().format(FRENCH_DATE));
    person.put(PHONE, nullToEmpty(p.getPhone()));
    person.put(EMAIL, nullToEmpty(p.getEmail()));
    person.put(ADDRESS, address(p));
    person.put(LEGAL_GUARDIAN, nullToEmpty(p.getLegalGuardian()));
    person.put(GUARDIAN_PHONE, nullToEmpty(p.getGuardianPhone()));
    person.put(ESTABLISHMENT_NAME, establishmentLabel(c.getUai()));
    person.put(LAST_TRAINING, nullToEmpty(c.getLastTraining()));
    person.put(
        LEAVING_DATE, c.getLeavingDate() == null ? "" : c.getLeavingDate().format(FRENCH_DATE));
    person.put(LEAVING_REASON, nullToEmpty(c.getLeavingReason()));
    person.put(
        SOURCE_LABEL,
        c.getOrigin() == CaseOrigin.SELF_REFERRAL || c.getSource() == null
            ? CaseOrigin.SELF_REFERRAL.label()
            : c.getSource().label());
    v.put(
        YOUNG_PERSON,
        Variables.objectValue(person)
            .serializationDataFormat(Variables.SerializationDataFormats.JSON)
            .create());
    return v;
  }

  private PersonDetails validate(NewCase request) {
    PersonDetails p = request.person();
    if (p == null) {
      throw new InvalidInputException("person", "Les informations sur le jeune sont obligatoires.");
    }
    require(p.lastName(), "lastName", "Le nom est obligatoire.");
    require(p.firstName(), "firstName", "Le prénom est obligatoire.");
    if (p.birthDate() == null) {
      throw new InvalidInputException("birthDate", "La date de naissance est obligatoire.");
    }
    LocalDate today = LocalDate.now(clock);
    if (p.birthDate().isAfter(today)) {
      throw new InvalidInputException(
          "birthDate", "La date de naissance ne peut pas être dans le futur.");
    }
    int age = Period.between(p.birthDate(), today).getYears();
    if (age < 16) {
      throw new InvalidInputException(
          "birthDate",
          "Le jeune a moins de 16 ans : il relève de l'obligation scolaire, pas de Raccroche.");
    }
    if (age > 30) {
      throw new InvalidInputException(
          "birthDate", "Date de naissance invraisemblable (plus de 30 ans).");
    }
    if (request.detectedOn() != null && request.detectedOn().isAfter(today)) {
      throw new InvalidInputException(
          "detectedOn", "La date de repérage ne peut pas être dans le futur.");
    }
    if (request.leavingDate() != null) {
      if (request.leavingDate().isAfter(today)) {
        throw new InvalidInputException(
            "leavingDate", "La date de sortie ne peut pas être dans le futur.");
      }
      if (!request.leavingDate().isAfter(p.birthDate())) {
        throw new InvalidInputException(
            "leavingDate", "La date de sortie précède la date de naissance.");
      }
    }
    String ine = Ine.normalise(p.ine());
    if (ine != null && !Ine.isValid(ine)) {
      throw new InvalidInputException("ine", Ine.INVALID);
    }
    if (p.sex() != null && !p.sex().isBlank() && !List.of("M", "F").contains(p.sex().strip())) {
      throw new InvalidInputException("sex", "Sexe invalide : M ou F attendu.");
    }
    String commune = TerritoryCodes.normaliseCommuneCode(p.communeCode());
    if (commune != null && !TerritoryCodes.isCommuneCode(commune)) {
      throw new InvalidInputException(
          "communeCode", "Code commune INSEE invalide : « " + p.communeCode() + " ».");
    }
    String postal = TerritoryCodes.normalisePostalCode(p.postalCode());
    if (postal != null && !TerritoryCodes.isPostalCode(postal)) {
      throw new InvalidInputException(
          "postalCode", "Code postal invalide : « " + p.postalCode() + " ».");
    }
    String uai = TerritoryCodes.normaliseUai(request.uai());
    if (uai != null && !TerritoryCodes.isUai(uai)) {
      throw new InvalidInputException("uai", "Code UAI invalide : « " + request.uai() + " ».");
    }
    if (p.email() != null && !p.email().isBlank() && !p.email().contains("@")) {
      throw new InvalidInputException("email", "Adresse électronique invalide.");
    }
    return new PersonDetails(
        ine,
        p.lastName().strip(),
        p.firstName().strip(),
        p.sex() == null || p.sex().isBlank() ? null : p.sex().strip(),
        p.birthDate(),
        trim(p.address(), 300),
        postal,
        commune,
        trim(p.communeName(), 100),
        trim(p.phone(), 30),
        trim(p.email(), 200),
        trim(p.legalGuardian(), 200),
        trim(p.guardianPhone(), 30));
  }

  private YoungPersonEntity findOrCreatePerson(PersonDetails p) {
    Optional<YoungPersonEntity> found =
        p.ine() != null ? persons.findByIne(p.ine()) : Optional.empty();
    if (found.isEmpty()) {
      found =
          persons
              .findByNameKeyAndBirthDate(Names.key(p.lastName(), p.firstName()), p.birthDate())
              .stream()
              .filter(e -> p.ine() == null || e.getIne() == null)
              .findFirst();
    }
    Instant now = Instant.now(clock);
    YoungPersonEntity e = found.orElseGet(YoungPersonEntity::new);
    if (e.getId() == null) {
      e.setCreatedAt(now);
      e.setLastName(p.lastName());
      e.setFirstName(p.firstName());
      e.setNameKey(Names.key(p.lastName(), p.firstName()));
      e.setBirthDate(p.birthDate());
    }
    // Newer contact details complete the record, never erase it.
    if (e.getIne() == null) e.setIne(p.ine());
    if (p.sex() != null) e.setSex(p.sex());
    if (p.address() != null) e.setAddress(p.address());
    if (p.postalCode() != null) e.setPostalCode(p.postalCode());
    if (p.communeCode() != null) e.setCommuneCode(p.communeCode());
    if (p.communeName() != null) e.setCommuneName(p.communeName());
    if (p.phone() != null) e.setPhone(p.phone());
    if (p.email() != null) e.setEmail(p.email());
    if (p.legalGuardian() != null) e.setLegalGuardian(p.legalGuardian());
    if (p.guardianPhone() != null) e.setGuardianPhone(p.guardianPhone());
    e.setUpdatedAt(now);
    return persons.saveAndFlush(e);
  }

  // ---- read

  @Transactional(readOnly = true)
  public Page<CaseSummary> findCases(CaseScope scope, CaseFilter filter, Pageable page) {
    if (scope.isEmpty()) {
      return Page.empty(page);
    }
    String text =
        filter.text() == null || filter.text().isBlank()
            ? null
            : filter.text().strip().toLowerCase(Locale.ROOT);
    return cases
        .search(
            scope.all(),
            scope.perimeterCodes().isEmpty() ? EMPTY_SCOPE : scope.perimeterCodes(),
            scope.partnerCodes().isEmpty() ? EMPTY_SCOPE : scope.partnerCodes(),
            filter.perimeterCode(),
            filter.status(),
            text,
            page)
        .map(
            c -> {
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
            });
  }

  /** The case, if it exists and is in scope; otherwise "unknown" (existence is not revealed). */
  @Transactional(readOnly = true)
  public CaseView getCase(CaseScope scope, String caseNumber) {
    SupportCaseEntity c = cases.findById(caseNumber).orElse(null);
    if (c == null || !scope.covers(c.getPerimeterCode(), c.getReferentPartnerCode())) {
      throw new NotFoundException("Dossier inconnu : " + caseNumber + ".");
    }
    return view(c);
  }

  private CaseView view(SupportCaseEntity c) {
    YoungPersonEntity p = persons.findById(c.getPersonId()).orElseThrow();
    PersonDetails person =
        new PersonDetails(
            p.getIne(),
            p.getLastName(),
            p.getFirstName(),
            p.getSex(),
            p.getBirthDate(),
            p.getAddress(),
            p.getPostalCode(),
            p.getCommuneCode(),
            p.getCommuneName(),
            p.getPhone(),
            p.getEmail(),
            p.getLegalGuardian(),
            p.getGuardianPhone());
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
              t ->
                  open.add(
                      new CaseView.OpenTask(
                          t.getId(),
                          t.getTaskDefinitionKey(),
                          t.getName(),
                          t.getAssignee(),
                          t.getCreateTime() == null ? null : t.getCreateTime().toInstant(),
                          t.getDueDate() == null ? null : t.getDueDate().toInstant(),
                          tasks.getIdentityLinksForTask(t.getId()).stream()
                              .filter(
                                  l ->
                                      IdentityLinkType.CANDIDATE.equals(l.getType())
                                          && l.getGroupId() != null)
                              .map(IdentityLink::getGroupId)
                              .toList())));
    }
    return new CaseView(
        c.getCaseNumber(),
        person,
        Period.between(p.getBirthDate(), LocalDate.now(clock)).getYears(),
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
        sources.stream().flatMap(s -> s.listingsOf(p.getId()).stream()).toList(),
        timeline,
        open);
  }

  // ---- events at any time

  /** The young person is enrolled again: the case closes as returned to training. */
  public void reEnrolled(String caseNumber, ClosureReason closure) {
    if (closure != ClosureReason.RETURNED_TO_TRAINING && closure != ClosureReason.FALSE_DETECTION) {
      throw new InvalidInputException(
          "closureReason", "Motif de clôture inattendu pour une réinscription.");
    }
    correlate(caseNumber, MSG_RE_ENROLLED, Map.of(RE_ENROLMENT_CLOSURE, closure.name()));
  }

  /** The young person moved: to another perimeter of the département, or out of it (null). */
  public void movedAway(String caseNumber, String newPerimeterCode) {
    if (newPerimeterCode == null) {
      correlate(caseNumber, MSG_LEFT_DEPARTEMENT, Map.of());
      return;
    }
    if (!territory.perimeterExists(newPerimeterCode)) {
      throw new InvalidInputException(
          "perimeterCode", "Périmètre inconnu : " + newPerimeterCode + ".");
    }
    correlate(caseNumber, MSG_MOVED_AWAY, Map.of(NEW_PERIMETER_CODE, newPerimeterCode));
  }

  public void supportRefused(String caseNumber) {
    correlate(caseNumber, MSG_SUPPORT_REFUSED, Map.of());
  }

  /** Withdrawn (error, data-protection objection): works whether its pathway runs or not. */
  public void withdraw(String caseNumber, String reason) {
    SupportCaseEntity c = caseOrThrow(caseNumber);
    if (c.getProcessInstanceId() == null && c.getStatus() != CaseStatus.CLOSED) {
      records.close(caseNumber, ClosureReason.WITHDRAWN);
      return;
    }
    correlate(
        caseNumber,
        MSG_WITHDRAWN,
        Map.of(WITHDRAWAL_REASON, reason == null ? "" : trim(reason, 200)));
  }

  private void correlate(String caseNumber, String message, Map<String, Object> variables) {
    SupportCaseEntity c = caseOrThrow(caseNumber);
    if (c.getStatus() == CaseStatus.CLOSED) {
      throw new InvalidInputException(
          "caseNumber",
          "Le dossier " + caseNumber + " est clos : aucun événement ne peut plus le modifier.");
    }
    runtime
        .createMessageCorrelation(message)
        .processInstanceBusinessKey(caseNumber)
        .setVariables(variables)
        .correlateWithResult();
  }

  // ---- helpers

  private String establishmentLabel(String uai) {
    if (uai == null) {
      return "";
    }
    try {
      Establishment e = territory.establishment(uai);
      return e.name() + " (" + e.uai() + ")";
    } catch (NotFoundException e) {
      return uai;
    }
  }

  private static String address(YoungPersonEntity p) {
    StringBuilder b = new StringBuilder();
    if (p.getAddress() != null) b.append(p.getAddress());
    String city = (nullToEmpty(p.getPostalCode()) + " " + nullToEmpty(p.getCommuneName())).strip();
    if (!city.isEmpty()) {
      if (b.length() > 0) b.append(", ");
      b.append(city);
    }
    return b.toString();
  }

  private Date toDate(LocalDate date) {
    return Date.from(date.atStartOfDay(ZoneId.systemDefault()).toInstant());
  }

  private static void require(String value, String field, String message) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(field, message);
    }
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }

  private static String trim(String value, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    return v.length() > max ? v.substring(0, max) : v;
  }
}
