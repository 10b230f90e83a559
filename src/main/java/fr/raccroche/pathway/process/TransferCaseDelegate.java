package fr.raccroche.pathway.process;

import static fr.raccroche.pathway.process.PathwayVariables.*;

import fr.raccroche.pathway.Milestone;
import fr.raccroche.pathway.internal.CaseRecords;
import fr.raccroche.security.CaseAccessService;
import fr.raccroche.territory.TerritoryCodes;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * ServiceTask_TransferCase (event subprocess Msg_YoungPersonMovedAway): the case moves to the new
 * perimeter; its open coordinator tasks follow (candidate group {@code coord-<new>}), the new
 * coordinators see the case and the former ones no longer do.
 */
@Component("transferCaseDelegate")
public class TransferCaseDelegate implements JavaDelegate {
  private final CaseRecords records;
  private final CaseAccessService access;
  private final TaskService tasks;
  private final PreparePartnerOptionsDelegate partnerOptions;

  public TransferCaseDelegate(
      CaseRecords records,
      CaseAccessService access,
      TaskService tasks,
      PreparePartnerOptionsDelegate partnerOptions) {
    this.records = records;
    this.access = access;
    this.tasks = tasks;
    this.partnerOptions = partnerOptions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // The case and where it is now come from the business key and the record (docs/security.md
    // R1); the destination was checked by CaseEvents before the message was sent.
    String caseNumber = CaseProgress.caseNumber(execution);
    String from = records.get(caseNumber).getPerimeterCode();
    String to = (String) execution.getVariable(NEW_PERIMETER_CODE);
    if (to == null || to.equals(from)) {
      return;
    }
    String oldGroup = TerritoryCodes.coordinatorGroup(from);
    String newGroup = TerritoryCodes.coordinatorGroup(to);
    String processInstanceId = execution.getProcessInstanceId();
    WithoutAuthorization.run(
        () -> {
          for (Task task :
              tasks.createTaskQuery().processInstanceId(processInstanceId).listPage(0, 100)) {
            boolean oldCandidate =
                tasks.getIdentityLinksForTask(task.getId()).stream()
                    .anyMatch(
                        link ->
                            IdentityLinkType.CANDIDATE.equals(link.getType())
                                && oldGroup.equals(link.getGroupId()));
            if (!oldCandidate) {
              continue; // a partner's task stays with the partner
            }
            tasks.deleteCandidateGroup(task.getId(), oldGroup);
            access.revokeTask(task.getId(), oldGroup);
            tasks.addCandidateGroup(task.getId(), newGroup);
            if (task.getAssignee() != null) {
              // The former perimeter's coordinator no longer works this case.
              tasks.setAssignee(task.getId(), null);
            }
          }
          access.grantCase(processInstanceId, newGroup);
          access.revokeCase(processInstanceId, oldGroup);
        });
    records.perimeter(caseNumber, to);
    execution.setVariable(PERIMETER_CODE, to);
    if (execution.hasVariable(PARTNER_OPTIONS)) {
      // An orientation under way offers the new perimeter's partners.
      partnerOptions.execute(execution);
    }
    records.milestone(caseNumber, Milestone.TRANSFERRED, records.today(), null, null, null, null);
  }
}
