package fr.raccroche.pathway.process;

import fr.raccroche.pathway.CaseCorrespondence;
import fr.raccroche.pathway.internal.CaseRecords;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Reminder timers (Timer_ContactReminder, Timer_OrientationReminder): the waiting task rises to
 * high priority and gets a comment, so that it stands out in Tasklist. The comment holds no
 * personal data. An orientation waiting for the partner's answer also sends an e-mail to the
 * partner's contact address (the referent of the case record), through the messages module: a
 * reminder reaches people who are not signed in.
 */
@Component("sendReminderDelegate")
public class SendReminderDelegate implements JavaDelegate {
  static final int REMINDER_PRIORITY = 80;
  private final TaskService tasks;
  private final CaseRecords records;
  private final ObjectProvider<CaseCorrespondence> correspondence;

  /** Without messages (the process tests). */
  public SendReminderDelegate(TaskService tasks) {
    this(tasks, null, null);
  }

  @org.springframework.beans.factory.annotation.Autowired
  public SendReminderDelegate(
      TaskService tasks, CaseRecords records, ObjectProvider<CaseCorrespondence> correspondence) {
    this.tasks = tasks;
    this.records = records;
    this.correspondence = correspondence;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String taskKey = (String) execution.getVariableLocal("remindedTask");
    WithoutAuthorization.run(
        () -> {
          for (Task task :
              tasks
                  .createTaskQuery()
                  .processInstanceId(execution.getProcessInstanceId())
                  .taskDefinitionKey(taskKey)
                  .listPage(0, 100)) {
            task.setPriority(REMINDER_PRIORITY);
            tasks.saveTask(task);
            tasks.createComment(
                task.getId(),
                execution.getProcessInstanceId(),
                "Relance automatique : tâche en attente.");
          }
        });
    CaseCorrespondence messages = correspondence == null ? null : correspondence.getIfAvailable();
    if (PathwayVariables.TASK_ACCEPT.equals(taskKey) && messages != null) {
      String caseNumber = CaseProgress.caseNumber(execution);
      String partner = records.get(caseNumber).getReferentPartnerCode();
      if (partner != null) {
        messages.remindPartner(caseNumber, partner);
      }
    }
  }
}
