package fr.raccroche.indicators.internal;

import fr.raccroche.pathway.CaseOrigin;
import fr.raccroche.pathway.CaseRegistered;
import fr.raccroche.pathway.MilestoneReached;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the reporting table in step with the pathway, in the transaction that publishes each event
 * (synchronous listeners): a case registered inserts its row (persisted without a select, its id
 * from a sequence taken 50 at a time, so that imports batch the inserts); each milestone updates
 * it. The DETECTED milestone carries nothing the registration did not.
 */
@Component
class CaseFactRecorder {
  private final EntityManager entityManager;
  private final CaseFactRepository facts;
  private final Clock clock;

  CaseFactRecorder(EntityManager entityManager, CaseFactRepository facts, Optional<Clock> clock) {
    this.entityManager = entityManager;
    this.facts = facts;
    this.clock = clock.orElse(Clock.systemDefaultZone());
  }

  @EventListener
  void on(CaseRegistered event) {
    CaseFactEntity f = new CaseFactEntity();
    f.setCaseNumber(event.caseNumber());
    f.setPersonId(event.personId());
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
    entityManager.persist(f);
  }

  @EventListener
  void on(MilestoneReached event) {
    switch (event.milestone()) {
      case DETECTED, ORIENTED, IN_SOLUTION -> {
        return;
      }
      default -> {}
    }
    CaseFactEntity f = facts.findByCaseNumber(event.caseNumber()).orElse(null);
    if (f == null) {
      return; // a case registered before the indicators existed
    }
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
