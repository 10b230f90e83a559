package fr.raccroche.pathway;

import static fr.raccroche.pathway.process.PathwayVariables.*;

import fr.raccroche.pathway.internal.CaseRecords;
import fr.raccroche.pathway.internal.SupportCaseEntity;
import fr.raccroche.pathway.internal.SupportCaseRepository;
import fr.raccroche.shared.InvalidInputException;
import fr.raccroche.shared.NotFoundException;
import fr.raccroche.territory.Perimeter;
import fr.raccroche.territory.TerritoryService;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What may happen to a case at any time, sent to its pathway as messages correlated by case number
 * (re-enrolment, move, refusal, withdrawal), or applied directly while its pathway has not started
 * yet. Every rule broken gives an {@link InvalidInputException} (French) and nothing is written.
 */
@Service
@Transactional
public class CaseEvents {
  private final SupportCaseRepository cases;
  private final CaseRecords records;
  private final TerritoryService territory;
  private final RuntimeService runtime;

  CaseEvents(
      SupportCaseRepository cases,
      CaseRecords records,
      TerritoryService territory,
      RuntimeService runtime) {
    this.cases = cases;
    this.records = records;
    this.territory = territory;
    this.runtime = runtime;
  }

  /** The young person is enrolled again: the case closes as returned to training. */
  public void reEnrolled(String caseNumber, ClosureReason closure) {
    if (closure != ClosureReason.RETURNED_TO_TRAINING && closure != ClosureReason.FALSE_DETECTION) {
      throw new InvalidInputException(
          "closureReason", "Motif de clôture inattendu pour une réinscription.");
    }
    correlate(caseNumber, MSG_RE_ENROLLED, Map.of(RE_ENROLMENT_CLOSURE, closure.name()));
  }

  /**
   * The young person is enrolled again (an {@code ENROLLED} list): the case closes as returned to
   * training, or as a false detection, whether its pathway runs already or not.
   */
  public void closeOnEnrolment(String caseNumber, ClosureReason closure) {
    SupportCaseEntity c = caseOrThrow(caseNumber);
    if (c.getProcessInstanceId() == null) {
      records.close(caseNumber, closure);
      return;
    }
    reEnrolled(caseNumber, closure);
  }

  /** The young person moved: to another perimeter of the département, or out of it (null). */
  public void movedAway(String caseNumber, String newPerimeterCode) {
    if (newPerimeterCode == null) {
      correlate(caseNumber, MSG_LEFT_DEPARTEMENT, Map.of());
      return;
    }
    Perimeter destination = territory.findPerimeter(newPerimeterCode).orElse(null);
    if (destination == null) {
      throw new InvalidInputException(
          "perimeterCode", "Périmètre inconnu : " + newPerimeterCode + ".");
    }
    if (!destination.departement().equals(caseOrThrow(caseNumber).getDepartement())) {
      // A case never changes département (docs/specification.md §1 "Départements").
      throw new InvalidInputException(
          "perimeterCode",
          "Le périmètre "
              + newPerimeterCode
              + " est dans un autre département : enregistrez un départ du département.");
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
        Map.of(WITHDRAWAL_REASON, reason == null ? "" : truncate(reason.strip(), 200)));
  }

  /**
   * A partner of the network already follows the young person: the case goes straight to the
   * follow-up with that partner as referent (a case not yet taken in charge only). Answers whether
   * the case changed.
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

  private void correlate(String caseNumber, String message, Map<String, Object> variables) {
    SupportCaseEntity c = caseOrThrow(caseNumber);
    if (c.getStatus() == CaseStatus.CLOSED) {
      throw new InvalidInputException(
          "caseNumber",
          "Le dossier " + caseNumber + " est clos : aucun événement ne peut plus le modifier.");
    }
    if (c.getProcessInstanceId() == null) {
      throw new InvalidInputException(
          "caseNumber",
          "Le parcours du dossier "
              + caseNumber
              + " n'a pas encore démarré : réessayez dans un instant, ou voyez les démarrages en"
              + " échec.");
    }
    runtime
        .createMessageCorrelation(message)
        .processInstanceId(c.getProcessInstanceId())
        .setVariables(variables)
        .correlateWithResult();
  }

  private SupportCaseEntity caseOrThrow(String caseNumber) {
    return cases
        .findById(caseNumber)
        .orElseThrow(() -> new NotFoundException("Dossier inconnu : " + caseNumber + "."));
  }

  private static String truncate(String v, int max) {
    return v.length() > max ? v.substring(0, max) : v;
  }
}
