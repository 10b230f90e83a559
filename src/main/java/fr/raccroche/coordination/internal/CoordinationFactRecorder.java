package fr.raccroche.coordination.internal;

import fr.raccroche.pathway.Milestone;
import fr.raccroche.pathway.MilestoneReached;
import fr.raccroche.pathway.NeedsAnalysed;
import fr.raccroche.pathway.OfferChosen;
import fr.raccroche.shared.BulkInserts;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps {@link CoordinationCaseFactEntity} in step with the pathway's events, in the transaction
 * that publishes them (the fact and the milestone are written together or not at all).
 */
@Component
class CoordinationFactRecorder {
  private final CoordinationCaseFactRepository facts;
  private final BulkInserts bulk;

  private final java.time.Clock clock;

  CoordinationFactRecorder(
      CoordinationCaseFactRepository facts,
      BulkInserts bulk,
      java.util.Optional<java.time.Clock> clock) {
    this.clock = clock.orElse(java.time.Clock.systemDefaultZone());
    this.facts = facts;
    this.bulk = bulk;
  }

  @EventListener
  @Transactional
  void on(MilestoneReached event) {
    // A case's first milestone creates its fact without a lookup (imports stay batched).
    boolean first = event.milestone() == Milestone.DETECTED;
    CoordinationCaseFactEntity fact =
        first
            ? new CoordinationCaseFactEntity(
                event.caseNumber(), event.perimeterCode(), event.occurredOn())
            : fact(event.caseNumber(), event.perimeterCode(), event.occurredOn());
    switch (event.milestone()) {
      case DETECTED -> fact.setDetectedOn(event.occurredOn());
      case FIRST_CONTACT -> {
        if (fact.getFirstContactOn() == null) {
          fact.setFirstContactOn(event.occurredOn());
        }
      }
      case ORIENTED -> fact.setOrientedOn(event.occurredOn());
      case TAKEN_IN_CHARGE -> {
        if (fact.getTakenInChargeOn() == null) {
          fact.setTakenInChargeOn(event.occurredOn());
        }
      }
      case IN_SOLUTION -> {
        if (fact.getInSolutionOn() == null) {
          fact.setInSolutionOn(event.occurredOn());
        }
      }
      case ONE_YEAR_CHECK -> {
        fact.setOneYearCheckedOn(event.occurredOn());
        fact.setOneYearInSolution(Boolean.TRUE.equals(event.inSolution()));
      }
      case CLOSED -> {
        fact.setClosedOn(event.occurredOn());
        fact.setClosureReason(event.closureReason());
      }
      case TRANSFERRED -> {
        // the perimeter below follows the case
      }
    }
    if (event.perimeterCode() != null) {
      fact.setPerimeterCode(event.perimeterCode());
    }
    if (first) {
      bulk.add(fact); // with an import chunk's COPY
    } else {
      facts.save(fact);
    }
  }

  @EventListener
  @Transactional
  void on(NeedsAnalysed event) {
    CoordinationCaseFactEntity fact =
        fact(event.caseNumber(), event.perimeterCode(), event.analysedOn());
    fact.setPrimaryNeed(event.primaryNeed());
    fact.setOtherNeeds(event.otherNeeds());
    fact.setNeedsAnalysedOn(event.analysedOn());
    facts.save(fact);
  }

  @EventListener
  @Transactional
  void on(OfferChosen event) {
    CoordinationCaseFactEntity fact =
        fact(event.caseNumber(), event.perimeterCode(), java.time.LocalDate.now(clock));
    fact.setChosenOfferId(event.offerId());
    facts.save(fact);
  }

  private CoordinationCaseFactEntity fact(
      String caseNumber, String perimeterCode, java.time.LocalDate day) {
    return facts
        .findById(caseNumber)
        .orElseGet(() -> new CoordinationCaseFactEntity(caseNumber, perimeterCode, day));
  }
}
