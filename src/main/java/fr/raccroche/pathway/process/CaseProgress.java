package fr.raccroche.pathway.process;

import static fr.raccroche.pathway.process.PathwayVariables.*;

import fr.raccroche.pathway.CaseStatus;
import fr.raccroche.pathway.ClosureReason;
import fr.raccroche.pathway.ContactOutcome;
import fr.raccroche.pathway.FollowUpSituation;
import fr.raccroche.pathway.Milestone;
import fr.raccroche.pathway.Need;
import fr.raccroche.pathway.NeedsAnalysed;
import fr.raccroche.pathway.OfferChosen;
import fr.raccroche.pathway.SolutionType;
import fr.raccroche.pathway.internal.CaseRecords;
import fr.raccroche.security.CaseAccessService;
import fr.raccroche.territory.TerritoryCodes;
import fr.raccroche.territory.TerritoryService;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Listener bean of {@code YouthPathwayProcess} ({@code ${caseProgress.…}}): keeps the case record,
 * its milestones and its access rights in step as the process passes each step. Thin: the rules
 * live in {@link CaseRecords}, {@link CaseAccessService} and the DMN tables.
 *
 * <p>Trust boundary (docs/security.md, R1): the case is the instance's business key, and its
 * perimeter, referent and status are read from the case record, never from a process variable (a
 * task worker can write variables; the business key and the record they cannot).
 */
@Component("caseProgress")
public class CaseProgress {
  private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private final CaseRecords records;
  private final CaseAccessService access;
  private final TerritoryService territory;
  private final PathwayDelays delays;
  private final ApplicationEventPublisher events;

  public CaseProgress(
      CaseRecords records,
      CaseAccessService access,
      TerritoryService territory,
      PathwayDelays delays) {
    this(records, access, territory, delays, event -> {});
  }

  @Autowired
  public CaseProgress(
      CaseRecords records,
      CaseAccessService access,
      TerritoryService territory,
      PathwayDelays delays,
      ApplicationEventPublisher events) {
    this.records = records;
    this.access = access;
    this.territory = territory;
    this.delays = delays;
    this.events = events;
  }

  /** Status of the case as a phase starts (SubProcess_Contact, SubProcess_Diagnosis, …). */
  public void status(DelegateExecution execution, String status) {
    records.status(caseNumber(execution), CaseStatus.valueOf(status));
  }

  /**
   * Task_ContactYoungPerson completed ({@code end} listener, after the validation): one more
   * attempt, its trace in {@code contactHistory}, and on the first successful contact the
   * FIRST_CONTACT milestone and the one-year check date.
   */
  public void contactAttempted(DelegateExecution task) {
    if (task.isCanceled()) {
      return;
    }
    int attempts = intVar(task, CONTACT_ATTEMPTS) + 1;
    task.setVariable(CONTACT_ATTEMPTS, attempts);
    ContactOutcome outcome = ContactOutcome.valueOf((String) task.getVariable(CONTACT_OUTCOME));
    LocalDate today = records.today();
    String line = today.format(FRENCH_DATE) + " : " + outcome.label().toLowerCase();
    Object history = task.getVariable(CONTACT_HISTORY);
    task.setVariable(
        CONTACT_HISTORY,
        history == null || history.toString().isBlank() ? line : history + " ; " + line);
    if (outcome == ContactOutcome.NOT_REACHED) {
      // The next attempt is due after the retry interval, with the usual margin.
      task.setVariable(
          CONTACT_DUE_DATE,
          delays.after(
              delays.dueIn(delays.getContactRetryInterval()), delays.getContactReminder()));
    } else {
      Date contactDate = (Date) task.getVariable(CONTACT_DATE);
      LocalDate contactDay = toLocalDate(contactDate);
      records.milestone(
          caseNumber(task), Milestone.FIRST_CONTACT, contactDay, null, null, null, null);
      if (task.getVariable(ONE_YEAR_CHECK_DATE) == null) {
        task.setVariable(ONE_YEAR_CHECK_DATE, delays.after(contactDate, delays.getOneYearCheck()));
      }
      if (outcome == ContactOutcome.ALREADY_IN_SOLUTION) {
        records.milestone(
            caseNumber(task), Milestone.IN_SOLUTION, contactDay, null, null, true, null);
      }
    }
  }

  /**
   * Start of a task that comes back (next contact attempt, new orientation, next follow-up): the
   * previous answers are cleared, so that the form starts empty and a new partner never sees what
   * the previous one answered.
   */
  public void clear(DelegateExecution execution, String variableNames) {
    for (String name : variableNames.split(",")) {
      execution.removeVariable(name.strip());
    }
  }

  /** ServiceTask_MarkUnreachable: no answer after the attempts; one last try later. */
  public void markUnreachable(DelegateExecution execution) {
    records.status(caseNumber(execution), CaseStatus.UNREACHABLE);
    execution.setVariable(
        CONTACT_DUE_DATE,
        delays.after(delays.dueIn(delays.getUnreachableLastTry()), delays.getContactReminder()));
  }

  /** ServiceTask_RecordAlreadyFollowed: the partner that already follows becomes the referent. */
  public void alreadyFollowed(DelegateExecution execution) {
    String caseNumber = caseNumber(execution);
    String partner = records.get(caseNumber).getFollowedByPartnerCode();
    execution.setVariable(REFERENT_PARTNER_CODE, partner);
    execution.setVariable(REFERENT_PARTNER_NAME, territory.partner(partner).name());
    records.referent(caseNumber, partner);
    WithoutAuthorization.run(
        () ->
            access.grantCase(
                execution.getProcessInstanceId(), TerritoryCodes.partnerGroup(partner)));
    execution.setVariable(ONE_YEAR_CHECK_DATE, delays.dueIn(delays.getOneYearCheck()));
  }

  /**
   * Task_AnalyseNeeds completed ({@code end} listener, after the validation): the needs found are
   * published as {@link NeedsAnalysed} (no personal data) for the territorial diagnosis.
   */
  public void needsAnalysed(DelegateExecution task) {
    if (task.isCanceled()) {
      return;
    }
    List<Need> others = new ArrayList<>();
    for (String other : TaskInputValidation.list(task.getVariable(OTHER_NEEDS))) {
      others.add(Need.valueOf(other));
    }
    events.publishEvent(
        new NeedsAnalysed(
            caseNumber(task),
            records.get(caseNumber(task)).getPerimeterCode(),
            Need.valueOf((String) task.getVariable(PRIMARY_NEED)),
            others,
            records.today()));
  }

  /**
   * Task_OrientToReferent completed: the chosen partner sees the case from now on; an offer of the
   * catalogue picked in the form is published as {@link OfferChosen}.
   */
  public void oriented(DelegateExecution task) {
    if (task.isCanceled()) {
      return;
    }
    String caseNumber = caseNumber(task);
    String partner = (String) task.getVariable(REFERENT_PARTNER_CODE);
    Object offer = task.getVariable(CHOSEN_OFFER_ID);
    if (offer != null && !offer.toString().isBlank()) {
      events.publishEvent(
          new OfferChosen(
              caseNumber,
              records.get(caseNumber).getPerimeterCode(),
              Long.parseLong(offer.toString().strip()),
              partner,
              records.today()));
    }
    String previous = records.get(caseNumber).getReferentPartnerCode();
    task.setVariable(REFERENT_PARTNER_NAME, territory.partner(partner).name());
    records.referent(caseNumber, partner);
    records.status(caseNumber, CaseStatus.ORIENTED);
    records.milestone(caseNumber, Milestone.ORIENTED, records.today(), partner, null, null, null);
    WithoutAuthorization.run(
        () -> {
          if (previous != null && !previous.equals(partner)) {
            access.revokeCase(task.getProcessInstanceId(), TerritoryCodes.partnerGroup(previous));
          }
          access.grantCase(task.getProcessInstanceId(), TerritoryCodes.partnerGroup(partner));
        });
  }

  /** The partner refused the orientation or let it expire: it no longer sees the case. */
  public void orientationWithdrawn(DelegateExecution execution) {
    String caseNumber = caseNumber(execution);
    String partner = records.get(caseNumber).getReferentPartnerCode();
    records.referent(caseNumber, null);
    records.status(caseNumber, CaseStatus.IN_DIAGNOSIS);
    // The orientation form must not offer the partner that refused as its preselected answer.
    execution.removeVariable(REFERENT_PARTNER_CODE);
    if (partner != null) {
      WithoutAuthorization.run(
          () ->
              access.revokeCase(
                  execution.getProcessInstanceId(), TerritoryCodes.partnerGroup(partner)));
    }
  }

  /** IntermediateThrowEvent_TakenInCharge: orientation accepted or already followed. */
  public void takenInCharge(DelegateExecution execution) {
    String caseNumber = caseNumber(execution);
    records.status(caseNumber, CaseStatus.TAKEN_IN_CHARGE);
    records.milestone(
        caseNumber,
        Milestone.TAKEN_IN_CHARGE,
        records.today(),
        referent(caseNumber),
        null,
        null,
        null);
  }

  /** IntermediateThrowEvent_InSolution: the referent recorded a solution. */
  public void inSolution(DelegateExecution execution) {
    String caseNumber = caseNumber(execution);
    records.status(caseNumber, CaseStatus.IN_SOLUTION);
    Object start = execution.getVariable(SOLUTION_START_DATE);
    records.milestone(
        caseNumber,
        Milestone.IN_SOLUTION,
        start == null ? records.today() : LocalDate.parse(start.toString()),
        referent(caseNumber),
        solutionType(execution),
        true,
        null);
  }

  /**
   * Task_RecognisePriorLearning starts: the level of the source list is the form's first answer
   * (the coordinator confirms or corrects it), unless a level was already recorded.
   */
  public void proposeHighestLevel(DelegateExecution task) {
    Object recorded = task.getVariable(PRIOR_LEARNING_HIGHEST_LEVEL);
    Object lastLevel = task.getVariable(LAST_LEVEL);
    if ((recorded == null || recorded.toString().isBlank()) && lastLevel != null) {
      task.setVariable(PRIOR_LEARNING_HIGHEST_LEVEL, lastLevel.toString());
    }
  }

  /**
   * Task_FollowUp completed ({@code end} listener, after the validation): the follow-up joins the
   * earlier ones, newest first, that the referent's next follow-up form shows.
   */
  public void followUpRecorded(DelegateExecution task) {
    if (task.isCanceled()) {
      return;
    }
    FollowUpSituation situation =
        FollowUpSituation.valueOf(task.getVariable(SITUATION).toString().strip());
    StringBuilder line =
        new StringBuilder(records.today().format(FRENCH_DATE))
            .append(" — ")
            .append(situation.label());
    SolutionType solution = situation == FollowUpSituation.IN_SOLUTION ? solutionType(task) : null;
    if (solution != null) {
      line.append(" (").append(solution.label()).append(")");
    }
    Object notes = task.getVariable(FOLLOW_UP_NOTES);
    if (notes != null && !notes.toString().isBlank()) {
      line.append(" : ").append(notes.toString().strip());
    }
    Object history = task.getVariable(FOLLOW_UP_HISTORY);
    task.setVariable(
        FOLLOW_UP_HISTORY,
        history == null || history.toString().isBlank() ? line.toString() : line + "\n" + history);
  }

  /** Task_FollowUp said the young person dropped out: back to the diagnosis status. */
  public void droppedOut(DelegateExecution execution) {
    records.status(caseNumber(execution), CaseStatus.IN_DIAGNOSIS);
  }

  /** Task_CheckSolutionAfterOneYear completed: the one-year milestone, yes or no. */
  public void oneYearChecked(DelegateExecution task) {
    if (task.isCanceled()) {
      return;
    }
    boolean inSolution = Boolean.TRUE.equals(task.getVariable(IN_SOLUTION));
    String caseNumber = caseNumber(task);
    records.milestone(
        caseNumber,
        Milestone.ONE_YEAR_CHECK,
        records.today(),
        referent(caseNumber),
        inSolution ? solutionType(task) : null,
        inSolution,
        null);
  }

  /** An end event: the case closes with its reason. */
  public void closed(DelegateExecution execution, String reason) {
    records.close(caseNumber(execution), ClosureReason.valueOf(reason));
  }

  private static SolutionType solutionType(VariableScope scope) {
    Object type = scope.getVariable(SOLUTION_TYPE);
    return type == null ? null : SolutionType.valueOf(type.toString());
  }

  /** The case of the instance: its business key (set at the start, no user can change it). */
  static String caseNumber(DelegateExecution execution) {
    String businessKey = execution.getProcessBusinessKey();
    if (businessKey == null || businessKey.isBlank()) {
      throw new IllegalStateException(
          "YouthPathwayProcess instance " + execution.getProcessInstanceId() + " has no case");
    }
    return businessKey;
  }

  private String referent(String caseNumber) {
    return records.get(caseNumber).getReferentPartnerCode();
  }

  /**
   * Candidate group of the coordinator tasks ({@code camunda:candidateGroups}): the perimeter of
   * the case record, not the {@code perimeterCode} variable the forms show.
   */
  public String coordinatorGroup(DelegateExecution execution) {
    return TerritoryCodes.coordinatorGroup(records.get(caseNumber(execution)).getPerimeterCode());
  }

  /** Candidate group of the referent's tasks: the referent partner of the case record. */
  public String referentGroup(DelegateExecution execution) {
    String partner = records.get(caseNumber(execution)).getReferentPartnerCode();
    if (partner == null) {
      throw new IllegalStateException("Case has no referent partner for a referent task");
    }
    return TerritoryCodes.partnerGroup(partner);
  }

  private static int intVar(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value instanceof Number n ? n.intValue() : 0;
  }

  static LocalDate toLocalDate(Date date) {
    return date.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
  }
}
