package fr.raccroche.pathway;

import fr.raccroche.pathway.internal.CaseRecords;
import fr.raccroche.pathway.process.PathwayVariables;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A message sent to the young person while the case's {@code Task_ContactYoungPerson} is open is an
 * attempt to reach them: it gets a line in the task's {@code contactHistory} ("12/03/2026 : SMS au
 * jeune : Premier contact") and a comment on the task, with no content. The {@code contactAttempts}
 * counter still counts the completed attempts a week apart, which decide "injoignable" (three texts
 * in an afternoon are not three weeks of trying).
 */
@Service
@Transactional
public class ContactAttempts {
  private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private final CaseRecords records;
  private final TaskService tasks;
  private final RuntimeService runtime;

  ContactAttempts(CaseRecords records, TaskService tasks, RuntimeService runtime) {
    this.records = records;
    this.tasks = tasks;
    this.runtime = runtime;
  }

  /** Records the message as an attempt of the open contact task, if there is one: its id. */
  public Optional<String> recordMessage(String caseNumber, String frenchLine) {
    String instance = records.get(caseNumber).getProcessInstanceId();
    if (instance == null) {
      return Optional.empty();
    }
    Task task =
        tasks
            .createTaskQuery()
            .processInstanceId(instance)
            .taskDefinitionKey(PathwayVariables.TASK_CONTACT)
            .singleResult();
    if (task == null) {
      return Optional.empty();
    }
    String line = records.today().format(FRENCH_DATE) + " : " + frenchLine;
    Object history = runtime.getVariable(task.getExecutionId(), PathwayVariables.CONTACT_HISTORY);
    runtime.setVariable(
        task.getExecutionId(),
        PathwayVariables.CONTACT_HISTORY,
        history == null || history.toString().isBlank() ? line : history + " ; " + line);
    tasks.createComment(task.getId(), instance, "Tentative de contact : " + frenchLine + ".");
    return Optional.of(task.getId());
  }
}
