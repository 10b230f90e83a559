package fr.raccroche.pathway.process;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Reminder timers (Timer_ContactReminder, Timer_OrientationReminder): the waiting task rises to
 * high priority and gets a comment, so that it stands out in Tasklist. The comment holds no
 * personal data.
 */
@Component("sendReminderDelegate")
public class SendReminderDelegate implements JavaDelegate {
  static final int REMINDER_PRIORITY = 80;
  private final TaskService tasks;

  public SendReminderDelegate(TaskService tasks) {
    this.tasks = tasks;
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
  }
}
