package fr.raccroche.pathway;

import fr.raccroche.pathway.Admitted.Outcome;
import fr.raccroche.pathway.Admitted.Review;
import fr.raccroche.pathway.internal.CaseRegistration;
import fr.raccroche.pathway.internal.MergePolicy;
import fr.raccroche.pathway.internal.PersonMatcher;
import fr.raccroche.pathway.internal.PersonRef;
import fr.raccroche.pathway.internal.SupportCaseEntity;
import fr.raccroche.pathway.internal.SupportCaseRepository;
import fr.raccroche.pathway.internal.YoungPersonEntity;
import fr.raccroche.pathway.internal.YoungPersonRepository;
import fr.raccroche.shared.BulkInserts;
import fr.raccroche.territory.Routing;
import fr.raccroche.territory.RoutingTable;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one intake of young people (docs/intake.md, docs/adr/0008-one-intake.md), for source lists
 * ({@link #admit}); the signalements and the review outcomes go through {@link Signalements} and
 * {@link ReviewedIntake}, which use the same matching ({@link PersonMatcher}), merge policy ({@link
 * MergePolicy}), "one open case per person", eligibility ({@link Eligibility}) and registration.
 * The intake registers cases; their pathways start afterwards through {@link PathwayStarts}, where
 * a case that cannot start stops nothing else.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class CaseIntake {
  private final YoungPersonRepository persons;
  private final SupportCaseRepository cases;
  private final CaseRegistration registration;
  private final CaseEvents events;
  private final BulkInserts bulk;
  private final PathwayStarts starts;
  private final Clock clock;

  CaseIntake(
      YoungPersonRepository persons,
      SupportCaseRepository cases,
      CaseRegistration registration,
      CaseEvents events,
      BulkInserts bulk,
      PathwayStarts starts,
      Optional<Clock> clock) {
    this.starts = starts;
    this.persons = persons;
    this.cases = cases;
    this.registration = registration;
    this.events = events;
    this.bulk = bulk;
    this.clock = clock.orElse(Clock.systemDefaultZone());
  }

  /**
   * Admits a batch of rows of one source list (an import's chunk), in the caller's transaction and
   * bulk scope ({@link BulkInserts}: new people, cases and milestones written with {@code COPY}).
   * Rows were validated by the caller. For each: matched ({@link PersonMatcher}) or registered; a
   * known person's record completed ({@link MergePolicy#COMPLETE}); a case registered when the
   * person has no open case and the place routes (the second row of a person joins the first's
   * case), the open case closed ({@code ENROLLED}) or taken in charge ({@code FOLLOWED}) otherwise.
   * Near matches and unroutable places wait for a human ({@link Admitted#review()}). Answers one
   * {@link Admitted} per admission, in order.
   */
  public List<Admitted> admit(List<Admission> batch, RoutingTable routing) {
    return run(batch, routing, null);
  }

  /**
   * What {@link #admit} would do with these rows, writing nothing (an import's dry run): the same
   * matching and decisions, against the people already known and those the earlier batches of the
   * same {@code prediction} would create. Case numbers are not known yet (null).
   */
  @Transactional(readOnly = true, propagation = Propagation.REQUIRED)
  public List<Admitted> predict(
      Prediction prediction, List<Admission> batch, RoutingTable routing) {
    return run(batch, routing, prediction);
  }

  /** The state of a dry run across its batches: the people it would have created so far. */
  public static final class Prediction {
    private final PersonMatcher matcher = new PersonMatcher();
    private long nextId = -1;

    public Prediction() {}

    PersonRef virtual(PersonDetails p) {
      PersonRef ref =
          new PersonRef(
              nextId--, p.ine(), Names.key(p.lastName(), p.firstName()), p.birthDate(), p.sex());
      matcher.add(ref);
      return ref;
    }
  }

  private List<Admitted> run(List<Admission> batch, RoutingTable routing, Prediction prediction) {
    if (batch.isEmpty()) {
      return List.of();
    }
    boolean write = prediction == null;
    if (write) {
      bulk.open();
    }
    PersonMatcher matcher = write ? new PersonMatcher() : prediction.matcher;
    Set<String> ines = new HashSet<>();
    Set<java.time.LocalDate> births = new HashSet<>();
    for (Admission a : batch) {
      PersonDetails p = a.request().person();
      if (p.ine() != null) {
        ines.add(p.ine());
      }
      births.add(p.birthDate());
    }
    if (!ines.isEmpty()) {
      persons.matchKeysByIne(ines).forEach(r -> matcher.add(PersonRef.of(r)));
    }
    persons.matchKeysByBirthDate(births).forEach(r -> matcher.add(PersonRef.of(r)));

    // Pass 1: every admission matched, new people registered; then written, before anything that
    // refers to them.
    List<Decision> decisions = new ArrayList<>(batch.size());
    Set<Long> matchedIds = new HashSet<>();
    for (Admission a : batch) {
      PersonDetails p = a.request().person();
      Optional<Routing> place = routing.route(p.communeCode(), p.postalCode(), a.request().uai());
      PersonMatcher.Match m =
          matcher.match(p.ine(), Names.key(p.lastName(), p.firstName()), p.birthDate());
      if (m.exact() != null || a.kind() == Admission.Kind.ENROLLED) {
        if (m.exact() != null) {
          matchedIds.add(m.exact().id());
        }
        decisions.add(new Decision(a, m.exact(), m.near(), null, place));
      } else {
        PersonRef created;
        if (write) {
          created = register(p);
          matcher.add(created);
        } else {
          created = prediction.virtual(p);
        }
        decisions.add(new Decision(a, null, m.near(), created, place));
      }
    }
    if (write) {
      bulk.flush();
    }
    // The open cases of the people matched (one open case per person).
    matchedIds.removeIf(id -> id < 0); // people a dry run would create have none yet
    Map<Long, CaseRef> open = openCases(matchedIds);

    // Pass 2: the new cases, each with its DETECTED milestone and facts.
    List<Decision> registering = new ArrayList<>();
    List<CaseRegistration.Request> requests = new ArrayList<>();
    Set<Long> personsRegistering = new HashSet<>();
    for (Decision d : decisions) {
      if (d.admission().kind() == Admission.Kind.ENROLLED) {
        continue;
      }
      PersonRef person = d.match() != null ? d.match() : d.created();
      boolean review = d.match() == null && d.near() != null;
      if (review
          || d.place().isEmpty()
          || open.containsKey(person.id())
          || !personsRegistering.add(person.id())) {
        continue; // the person's second row joins the case of the first
      }
      registering.add(d);
      requests.add(
          new CaseRegistration.Request(
              person, d.admission().request(), d.place().get().perimeterCode()));
    }
    Map<Decision, String> newCases = new IdentityHashMap<>();
    if (write) {
      List<SupportCaseEntity> registered = registration.register(requests);
      for (int i = 0; i < registering.size(); i++) {
        SupportCaseEntity c = registered.get(i);
        open.put(c.getPersonId(), ref(c));
        newCases.put(registering.get(i), c.getCaseNumber());
      }
      bulk.flush();
    } else {
      for (int i = 0; i < registering.size(); i++) {
        CaseRegistration.Request r = requests.get(i);
        // A case to be: numbered by the real import; its person's next rows join it.
        open.put(
            r.person().id(),
            new CaseRef(
                PREDICTED_CASE,
                r.person().id(),
                r.perimeterCode(),
                CaseStatus.TO_CONTACT,
                r.request().leavingDate(),
                null));
        newCases.put(registering.get(i), PREDICTED_CASE);
      }
    }

    // Pass 3: what each admission did to known people and open cases.
    Instant now = Instant.now(clock);
    List<Admitted> admitted = new ArrayList<>(batch.size());
    for (Decision d : decisions) {
      Admitted a = outcome(d, open, newCases.get(d), now, write);
      admitted.add(
          write || !PREDICTED_CASE.equals(a.caseNumber())
              ? a
              : new Admitted(
                  a.outcome(),
                  a.personId(),
                  null,
                  a.caseRegistered(),
                  a.review(),
                  a.candidatePersonId(),
                  a.perimeterCode()));
    }
    return admitted;
  }

  /** The case a dry run would register (its number is the real import's to give). */
  private static final String PREDICTED_CASE = "";

  private Admitted outcome(
      Decision d, Map<Long, CaseRef> open, String newCase, Instant now, boolean write) {
    Admission a = d.admission();
    PersonRef match = d.match();
    if (a.kind() == Admission.Kind.ENROLLED) {
      CaseRef c = match == null ? null : open.get(match.id());
      if (c == null) {
        return Admitted.excluded(); // unknown, or no open case: nothing to store of a pupil
      }
      boolean falseDetection =
          a.entryDate() != null
              && c.leavingDate() != null
              && a.entryDate().isBefore(c.leavingDate());
      if (write) {
        events.closeOnEnrolment(
            c.caseNumber(),
            falseDetection ? ClosureReason.FALSE_DETECTION : ClosureReason.RETURNED_TO_TRAINING);
      }
      open.remove(match.id());
      return new Admitted(
          Outcome.UPDATED, match.id(), c.caseNumber(), false, Review.NONE, null, null);
    }
    if (match != null) {
      if (write && match.id() > 0) {
        MergePolicy.COMPLETE.apply(
            persons.findById(match.id()).orElseThrow(), a.request().person(), now);
      }
      if (newCase != null) {
        return new Admitted(Outcome.MERGED, match.id(), newCase, true, Review.NONE, null, null);
      }
      CaseRef c = open.get(match.id());
      if (c != null) {
        String partner = a.request().followedByPartnerCode();
        boolean followed =
            a.kind() == Admission.Kind.FOLLOWED
                && partner != null
                && (write
                    ? events.markFollowedBy(c.caseNumber(), partner)
                    : c.status() != CaseStatus.CLOSED
                        && c.status() != CaseStatus.TAKEN_IN_CHARGE
                        && c.status() != CaseStatus.IN_SOLUTION);
        return new Admitted(
            followed ? Outcome.UPDATED : Outcome.MERGED,
            match.id(),
            c.caseNumber(),
            false,
            Review.NONE,
            null,
            null);
      }
      return new Admitted(
          Outcome.MERGED, match.id(), null, false, Review.ASSIGN_PERIMETER, null, null);
    }
    PersonRef created = d.created();
    if (d.near() != null && d.place().isPresent()) {
      return new Admitted(
          Outcome.CREATED,
          created.id(),
          null,
          false,
          Review.POSSIBLE_DUPLICATE,
          d.near().id(),
          d.place().get().perimeterCode());
    }
    if (d.place().isEmpty()) {
      return new Admitted(
          Outcome.CREATED, created.id(), null, false, Review.ASSIGN_PERIMETER, null, null);
    }
    return new Admitted(Outcome.CREATED, created.id(), newCase, true, Review.NONE, null, null);
  }

  /** A row's match: a known person, a possible duplicate of one, or a newly registered person. */
  private record Decision(
      Admission admission,
      PersonRef match,
      PersonRef near,
      PersonRef created,
      Optional<Routing> place) {}

  // ---- review outcomes (PossibleDuplicateReviewProcess, PerimeterAssignmentProcess)

  /**
   * A review decided where a person's case opens (kept apart from a look-alike, merged into the
   * known person, or given a perimeter): their open case if they have one, else a case registered
   * in {@code perimeterCode}. Its pathway starts once the review's transaction has committed: a
   * start that fails marks the case, it never undoes the review.
   */
  public String openCaseAfterReview(long personId, NewCase request, String perimeterCode) {
    CaseRef open = openCases(List.of(personId)).get(personId);
    String caseNumber;
    if (open != null) {
      caseNumber = open.caseNumber();
    } else {
      PersonRef person = PersonRef.of(persons.findById(personId).orElseThrow());
      caseNumber =
          registration
              .register(List.of(new CaseRegistration.Request(person, request, perimeterCode)))
              .get(0)
              .getCaseNumber();
    }
    starts.startAfterCommit(caseNumber);
    return caseNumber;
  }

  /**
   * MERGE of a review: the record registered for a look-alike (its listings already moved to the
   * known person by the caller) completes the known record ({@link MergePolicy#COMPLETE}), then
   * goes. It never had a case.
   */
  public void mergeInto(long newPersonId, long knownPersonId) {
    if (!cases.findByPersonId(newPersonId).isEmpty()) {
      throw new IllegalStateException("Person " + newPersonId + " has a case: not merged");
    }
    YoungPersonEntity gone = persons.findById(newPersonId).orElseThrow();
    YoungPersonEntity known = persons.findById(knownPersonId).orElseThrow();
    MergePolicy.COMPLETE.apply(known, details(gone), Instant.now(clock));
    persons.delete(gone);
  }

  static PersonDetails details(YoungPersonEntity p) {
    return new PersonDetails(
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
  }

  // ---- shared by the other channels

  /** The open case of each of these persons, by person id. */
  Map<Long, CaseRef> openCases(java.util.Collection<Long> personIds) {
    Map<Long, CaseRef> open = new HashMap<>();
    if (!personIds.isEmpty()) {
      for (SupportCaseEntity c : cases.findOpenByPersonIds(personIds)) {
        open.put(c.getPersonId(), ref(c));
      }
    }
    return open;
  }

  /** A new record, without matching (the caller matched); written at the bulk scope's flush. */
  PersonRef register(PersonDetails p) {
    Instant now = Instant.now(clock);
    YoungPersonEntity e = new YoungPersonEntity();
    e.setIne(p.ine());
    e.setLastName(p.lastName());
    e.setFirstName(p.firstName());
    e.setNameKey(Names.key(p.lastName(), p.firstName()));
    e.setSex(p.sex());
    e.setBirthDate(p.birthDate());
    e.setAddress(p.address());
    e.setPostalCode(p.postalCode());
    e.setCommuneCode(p.communeCode());
    e.setCommuneName(p.communeName());
    e.setPhone(p.phone());
    e.setEmail(p.email());
    e.setLegalGuardian(p.legalGuardian());
    e.setGuardianPhone(p.guardianPhone());
    e.setCreatedAt(now);
    e.setUpdatedAt(now);
    return PersonRef.of(bulk.add(e));
  }

  static CaseRef ref(SupportCaseEntity c) {
    return new CaseRef(
        c.getCaseNumber(),
        c.getPersonId(),
        c.getPerimeterCode(),
        c.getStatus(),
        c.getLeavingDate(),
        c.getProcessInstanceId());
  }
}
