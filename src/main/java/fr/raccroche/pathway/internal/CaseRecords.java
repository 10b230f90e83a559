package fr.raccroche.pathway.internal;

import fr.raccroche.pathway.CaseStatus;
import fr.raccroche.pathway.ClosureReason;
import fr.raccroche.pathway.Milestone;
import fr.raccroche.pathway.MilestoneReached;
import fr.raccroche.pathway.SolutionType;
import fr.raccroche.shared.BulkInserts;
import fr.raccroche.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the case record in step with the process: status, closure, referent, perimeter, and the
 * reporting milestones (each published as {@link MilestoneReached}). Runs in the engine's
 * transaction.
 */
@Component
@Transactional
public class CaseRecords {
  private final SupportCaseRepository cases;
  private final CaseMilestoneRepository milestones;
  private final ApplicationEventPublisher events;
  private final BulkInserts bulk;
  private final Clock clock;

  CaseRecords(
      SupportCaseRepository cases,
      CaseMilestoneRepository milestones,
      ApplicationEventPublisher events,
      BulkInserts bulk,
      Optional<Clock> clock) {
    this.bulk = bulk;
    this.cases = cases;
    this.milestones = milestones;
    this.events = events;
    this.clock = clock.orElse(Clock.systemDefaultZone());
  }

  public SupportCaseEntity get(String caseNumber) {
    return cases
        .findById(caseNumber)
        .orElseThrow(() -> new NotFoundException("Dossier inconnu : " + caseNumber + "."));
  }

  public void status(String caseNumber, CaseStatus status) {
    SupportCaseEntity c = get(caseNumber);
    if (c.getStatus() == CaseStatus.CLOSED) {
      return;
    }
    c.setStatus(status);
    c.setUpdatedAt(Instant.now(clock));
  }

  public void referent(String caseNumber, String partnerCode) {
    SupportCaseEntity c = get(caseNumber);
    c.setReferentPartnerCode(partnerCode);
    c.setUpdatedAt(Instant.now(clock));
  }

  public void perimeter(String caseNumber, String perimeterCode) {
    SupportCaseEntity c = get(caseNumber);
    c.setPerimeterCode(perimeterCode);
    c.setUpdatedAt(Instant.now(clock));
  }

  public void close(String caseNumber, ClosureReason reason) {
    SupportCaseEntity c = get(caseNumber);
    if (c.getStatus() == CaseStatus.CLOSED) {
      return;
    }
    Instant now = Instant.now(clock);
    c.setStatus(CaseStatus.CLOSED);
    c.setClosureReason(reason);
    c.setClosedAt(now);
    c.setUpdatedAt(now);
    milestone(caseNumber, Milestone.CLOSED, LocalDate.now(clock), null, null, null, reason);
  }

  /** The DETECTED milestone of a case just registered (nothing to look up). */
  public void detected(SupportCaseEntity c, LocalDate detectedOn) {
    save(c, Milestone.DETECTED, detectedOn, null, null, null, null);
  }

  /** Records a milestone; FIRST_CONTACT and DETECTED are recorded once only. */
  public void milestone(
      String caseNumber,
      Milestone milestone,
      LocalDate occurredOn,
      String partnerCode,
      SolutionType solutionType,
      Boolean inSolution,
      ClosureReason closureReason) {
    if ((milestone == Milestone.FIRST_CONTACT || milestone == Milestone.DETECTED)
        && milestones.existsByCaseNumberAndMilestone(caseNumber, milestone)) {
      return;
    }
    save(
        get(caseNumber),
        milestone,
        occurredOn,
        partnerCode,
        solutionType,
        inSolution,
        closureReason);
  }

  private void save(
      SupportCaseEntity c,
      Milestone milestone,
      LocalDate occurredOn,
      String partnerCode,
      SolutionType solutionType,
      Boolean inSolution,
      ClosureReason closureReason) {
    String caseNumber = c.getCaseNumber();
    CaseMilestoneEntity m = new CaseMilestoneEntity();
    m.setCaseNumber(caseNumber);
    m.setMilestone(milestone);
    m.setOccurredOn(occurredOn);
    m.setPerimeterCode(c.getPerimeterCode());
    m.setPartnerCode(partnerCode);
    m.setSolutionType(solutionType);
    m.setInSolution(inSolution);
    m.setClosureReason(closureReason);
    m.setRecordedAt(Instant.now(clock));
    bulk.add(m); // an import's milestones go out with COPY
    events.publishEvent(
        new MilestoneReached(
            caseNumber,
            milestone,
            occurredOn,
            c.getPerimeterCode(),
            partnerCode,
            solutionType,
            inSolution,
            closureReason));
  }

  public LocalDate today() {
    return LocalDate.now(clock);
  }
}
