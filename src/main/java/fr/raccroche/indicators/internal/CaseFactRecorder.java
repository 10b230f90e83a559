package fr.raccroche.indicators.internal;

import fr.raccroche.pathway.CaseNumbers;
import fr.raccroche.pathway.CaseOrigin;
import fr.raccroche.pathway.CaseRegistered;
import fr.raccroche.pathway.MilestoneReached;
import fr.raccroche.shared.BulkInserts;
import fr.raccroche.territory.TerritoryService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the reporting table in step with the pathway, in the transaction that publishes each event
 * (synchronous listeners): a case registered inserts its row (through {@code BulkInserts}: with an
 * import chunk's {@code COPY}, persisted otherwise); each milestone updates it. The DETECTED
 * milestone carries nothing the registration did not.
 *
 * <p>It also keeps {@code indicator_count} in step, in the same transaction: each case changed
 * remembers its state before the transaction (none for a case registered in it); just before the
 * commit, the young people touched have their cases locked and read, and the counts receive, per
 * person, the contributions of their cases now minus those of their cases before ({@link
 * Contributions}), merged over the transaction and applied as atomic upserts in key order (an
 * import chunk of 500 cases: one bulk read and a few hundred upserts). A milestone locks the
 * person's cases at once, so that two transactions changing cases of the same person follow each
 * other.
 */
@Component
class CaseFactRecorder {
  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(CaseFactRecorder.class);
  private final CaseFactRepository facts;
  private final IndicatorCounts counts;
  private final BulkInserts bulk;
  private final Clock clock;
  private final TerritoryService territory;
  private final String defaultDepartement;

  CaseFactRecorder(
      CaseFactRepository facts,
      IndicatorCounts counts,
      BulkInserts bulk,
      TerritoryService territory,
      @Value("${raccroche.departement}") String defaultDepartement,
      Optional<Clock> clock) {
    this.territory = territory;
    this.defaultDepartement = defaultDepartement;
    this.bulk = bulk;
    this.facts = facts;
    this.counts = counts;
    this.clock = clock.orElse(Clock.systemDefaultZone());
  }

  @EventListener
  void on(CaseRegistered event) {
    CaseFactEntity f = new CaseFactEntity();
    f.setCaseNumber(event.caseNumber());
    f.setPersonId(event.personId());
    f.setDepartement(departementOf(event.caseNumber(), event.perimeterCode()));
    f.setPerimeterCode(event.perimeterCode());
    f.setOrigin(event.origin() == null ? null : event.origin().name());
    f.setSource(
        event.origin() == CaseOrigin.SELF_REFERRAL || event.source() == null
            ? CaseOrigin.SELF_REFERRAL.name()
            : event.source().name());
    f.setSex(event.sex() == null || event.sex().isBlank() ? null : event.sex().strip());
    f.setAgeBand(AgeBands.of(event.ageAtLeaving()));
    f.setLastLevel(event.lastLevel() == null ? "UNKNOWN" : event.lastLevel().name());
    f.setLeavingReason(reason(event.leavingReason()));
    f.setLeavingDate(event.leavingDate());
    f.setDetectedOn(event.detectedOn());
    f.setUpdatedAt(Instant.now(clock));
    bulk.add(f); // written with the import chunk's COPY, or persisted
    PendingCounts pending = pending();
    pending.touch(f.getPersonId(), f.getCaseNumber(), null);
    pending.applyIfNoTransaction();
  }

  @EventListener
  void on(MilestoneReached event) {
    switch (event.milestone()) {
      case DETECTED, ORIENTED, IN_SOLUTION -> {
        return;
      }
      default -> {}
    }
    Long personId = facts.findPersonIdByCaseNumber(event.caseNumber()).orElse(null);
    if (personId == null) {
      return; // a case registered before the indicators existed
    }
    List<CaseFactEntity> ofPerson = facts.lockByPersonId(personId);
    CaseFactEntity f =
        ofPerson.stream()
            .filter(c -> c.getCaseNumber().equals(event.caseNumber()))
            .findFirst()
            .orElseThrow();
    PendingCounts pending = pending();
    pending.touch(personId, f.getCaseNumber(), FactState.of(f));
    if (event.perimeterCode() != null) {
      f.setPerimeterCode(event.perimeterCode());
    }
    LocalDate on = event.occurredOn();
    switch (event.milestone()) {
      case FIRST_CONTACT -> {
        if (f.getFirstContactOn() == null) {
          f.setFirstContactOn(on);
          f.setDaysToFirstContact(days(f.getDetectedOn(), on));
          if (f.getTakenInChargeOn() != null) {
            f.setDaysToTakenInCharge(days(on, f.getTakenInChargeOn()));
          }
        }
      }
      case TAKEN_IN_CHARGE -> {
        // The first time counts: a drop-out taken in charge again is not a new one.
        if (f.getTakenInChargeOn() == null) {
          f.setTakenInChargeOn(on);
          f.setDaysToTakenInCharge(
              f.getFirstContactOn() == null ? null : days(f.getFirstContactOn(), on));
        }
      }
      case ONE_YEAR_CHECK -> {
        f.setOneYearCheckedOn(on);
        f.setOneYearInSolution(Boolean.TRUE.equals(event.inSolution()));
        f.setOneYearSolutionType(
            Boolean.TRUE.equals(event.inSolution()) && event.solutionType() != null
                ? event.solutionType().name()
                : null);
      }
      case CLOSED -> {
        f.setClosedOn(on);
        f.setClosureReason(event.closureReason() == null ? null : event.closureReason().name());
      }
      default -> {}
    }
    f.setUpdatedAt(Instant.now(clock));
    pending.applyIfNoTransaction();
  }

  /** The counts' work of the current transaction (registered with it on first use). */
  private PendingCounts pending() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return new PendingCounts(false);
    }
    for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
      if (s instanceof PendingCounts p && p.owner() == this) {
        return p;
      }
    }
    PendingCounts p = new PendingCounts(true);
    TransactionSynchronizationManager.registerSynchronization(p);
    return p;
  }

  /**
   * The young people a transaction touched, with the state of each case it changed as it was before
   * (null: registered in the transaction).
   */
  private final class PendingCounts implements TransactionSynchronization {
    private final boolean inTransaction;
    private final Map<Long, Map<String, FactState>> before = new HashMap<>();

    PendingCounts(boolean inTransaction) {
      this.inTransaction = inTransaction;
    }

    CaseFactRecorder owner() {
      return CaseFactRecorder.this;
    }

    void touch(long personId, String caseNumber, FactState original) {
      Map<String, FactState> cases = before.computeIfAbsent(personId, x -> new HashMap<>());
      // Not putIfAbsent: it would replace the null of a case registered in this transaction.
      if (!cases.containsKey(caseNumber)) {
        cases.put(caseNumber, original);
      }
    }

    void applyIfNoTransaction() {
      if (!inTransaction) {
        apply();
      }
    }

    @Override
    public void beforeCommit(boolean readOnly) {
      apply();
    }

    private void apply() {
      if (before.isEmpty()) {
        return;
      }
      bulk.flush(); // the facts of an import's bulk scope, and JPA's pending changes
      long start = System.nanoTime();
      Map<Long, List<FactState>> now = counts.lockAndRead(before.keySet());
      Map<CountKey, Long> delta = new HashMap<>();
      for (var person : before.entrySet()) {
        List<FactState> after = now.getOrDefault(person.getKey(), List.of());
        Map<String, FactState> changed = person.getValue();
        List<FactState> previous = new java.util.ArrayList<>();
        for (FactState f : after) {
          if (!changed.containsKey(f.caseNumber())) {
            previous.add(f);
          } else if (changed.get(f.caseNumber()) != null) {
            previous.add(changed.get(f.caseNumber()));
          }
        }
        Contributions.delta(Contributions.of(previous), Contributions.of(after))
            .forEach((k, n) -> delta.merge(k, n, Long::sum));
      }
      delta.values().removeIf(n -> n == 0);
      int people = before.size();
      before.clear();
      counts.apply(delta);
      if (log.isDebugEnabled()) {
        log.debug(
            "Counts kept for {} young people: {} cells in {} ms",
            people,
            delta.size(),
            (System.nanoTime() - start) / 1_000_000);
      }
    }
  }

  /**
   * The département of a case: the one in its number ({@code <year>-<département>-<number>}, the
   * département whose intake opened it; a young person who moves gets a new case in the other); for
   * a number of another form, its perimeter's, else the default département.
   */
  String departementOf(String caseNumber, String perimeterCode) {
    if (CaseNumbers.isValid(caseNumber)) {
      return caseNumber.split("-")[1];
    }
    if (perimeterCode != null) {
      var p = territory.findPerimeter(perimeterCode);
      if (p.isPresent()) {
        return p.get().departement();
      }
    }
    return defaultDepartement;
  }

  private static Integer days(LocalDate from, LocalDate to) {
    return from == null || to == null ? null : (int) ChronoUnit.DAYS.between(from, to);
  }

  private static String reason(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.strip();
    return t.length() > 200 ? t.substring(0, 200) : t;
  }
}
