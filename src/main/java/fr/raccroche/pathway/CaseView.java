package fr.raccroche.pathway;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A case with its person, status, milestones (the timeline) and open tasks; the establishment as
 * the list named it ({@code establishmentRegistered} false: "non référencé"), and why its pathway
 * could not start, if it could not ("démarrage en échec"); the messages sent about it (the
 * timeline's SMS and e-mails, without their content). {@code age} is the age at detection, as the
 * forms show it; {@code ageToday} today's. The {@code story} is everything done on the case in date
 * order (milestones of the record, the answers of each completed task, messages), and {@code
 * nextSteps} what the engine has scheduled (next contact attempt, one-year check…); codes come with
 * their names ({@code perimeterName}, {@code referentPartnerName}); {@code chosenOfferName} is the
 * catalogue offer of the orientation the referent holds, if one was chosen. A young person who
 * moved to another département of the deployment: the former case names where it went ({@code
 * transferredToDepartement}, {@code transferredToCaseNumber}: nothing else of the new case) and no
 * longer shows the contact details, which now serve the other département; the new case names the
 * département it came from ({@code transferredFromDepartement}: nothing of the former case).
 */
public record CaseView(
    String caseNumber,
    PersonDetails person,
    Integer age,
    String perimeterCode,
    CaseStatus status,
    String statusLabel,
    ClosureReason closureReason,
    String closureReasonLabel,
    CaseOrigin origin,
    LeaverSource source,
    LocalDate detectedOn,
    LocalDate leavingDate,
    String leavingReason,
    String lastTraining,
    SchoolLevel lastLevel,
    String uai,
    String referentPartnerCode,
    String processInstanceId,
    List<PersonSources.Listing> sources,
    List<MilestoneView> milestones,
    List<OpenTask> openTasks,
    String establishmentLabel,
    boolean establishmentRegistered,
    String startFailure,
    List<CaseCorrespondence.TimelineEntry> messages,
    Integer ageToday,
    String perimeterName,
    String referentPartnerName,
    List<StoryEntry> story,
    List<NextStep> nextSteps,
    String chosenOfferName,
    String transferredToDepartement,
    String transferredToCaseNumber,
    String transferredFromDepartement) {

  /**
   * One entry of the story: its date, kind ({@code milestone}, {@code source} — a list that named
   * the young person —, {@code task} completed, {@code open-task}, {@code message}), title and
   * details.
   */
  public record StoryEntry(LocalDate on, String kind, String title, List<String> details) {}

  /** A step the engine has scheduled ("Nouvelle tentative de contact le", its date). */
  public record NextStep(String label, LocalDate on) {}

  /** One step of the timeline. */
  public record MilestoneView(
      Milestone milestone,
      String label,
      LocalDate occurredOn,
      String perimeterCode,
      String partnerCode,
      SolutionType solutionType,
      Boolean inSolution,
      ClosureReason closureReason) {}

  /** A task waiting for someone, as Tasklist shows it. */
  public record OpenTask(
      String id,
      String taskDefinitionKey,
      String name,
      String assignee,
      Instant created,
      Instant due,
      List<String> candidateGroups,
      List<String> candidateNames,
      String assigneeName) {}

  /** The case number and status only: what reaches a log line says nothing of the person. */
  @Override
  public String toString() {
    return "CaseView[caseNumber=" + caseNumber + ", status=" + status + "]";
  }
}
