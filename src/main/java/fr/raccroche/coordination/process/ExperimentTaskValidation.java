package fr.raccroche.coordination.process;

import static fr.raccroche.coordination.process.CoordinationTaskValidation.*;
import static fr.raccroche.coordination.process.ExperimentProcesses.*;

import fr.raccroche.coordination.ExperimentService;
import fr.raccroche.shared.InvalidInputException;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * First {@code end} execution listener of {@code ExperimentProjectProcess}'s user tasks ({@code
 * delegateExpression="${experimentTaskValidation}"}): a missing or invalid answer refuses the
 * completion with a French message (engine-rest answers 400) and the task stays open; a grant above
 * the amount requested or above what is left of the call's envelope is refused.
 */
@Component("experimentTaskValidation")
public class ExperimentTaskValidation implements ExecutionListener {
  private final ExperimentService experiments;

  public ExperimentTaskValidation(ExperimentService experiments) {
    this.experiments = experiments;
  }

  @Override
  public void notify(DelegateExecution task) {
    if (task.isCanceled()) {
      return;
    }
    switch (task.getCurrentActivityId()) {
      case "Task_SelectProject" -> selection(task);
      case "Task_WriteInterimReport" ->
          required(task, INTERIM_REPORT, 8000, "le rapport intermédiaire");
      case "Task_WriteFinalReport" -> required(task, FINAL_REPORT, 8000, "le rapport final");
      case "Task_EvaluateProject" -> required(task, EVALUATION, 8000, "l'évaluation");
      default -> {
        // tasks of other processes are not validated here
      }
    }
  }

  private void selection(DelegateExecution task) {
    Object value = task.getVariable(PROJECT_SELECTED);
    if (value == null || value.toString().isBlank()) {
      throw refuse("Indiquez si le projet est retenu.");
    }
    boolean selected = bool(value, "la sélection du projet");
    task.setVariable(PROJECT_SELECTED, selected);
    BigDecimal amount = null;
    Object granted = task.getVariable(AMOUNT_GRANTED);
    if (selected && granted != null && !granted.toString().isBlank()) {
      try {
        amount = new BigDecimal(granted.toString().strip().replace(',', '.'));
      } catch (NumberFormatException e) {
        throw refuse("Montant invalide pour le montant accordé : « " + granted + " ».");
      }
    }
    Object comment = task.getVariable(SELECTION_COMMENT);
    if (!selected && (comment == null || comment.toString().isBlank())) {
      throw refuse("Indiquez pourquoi le projet n'est pas retenu (commentaire).");
    }
    if (comment != null && comment.toString().length() > 2000) {
      throw refuse("Le commentaire dépasse 2000 caractères.");
    }
    try {
      experiments.checkGrant(InstanceKeys.projectId(task), selected, amount);
    } catch (InvalidInputException e) {
      throw refuse(e.getMessage());
    }
    task.setVariable(AMOUNT_GRANTED, amount == null ? null : amount.toPlainString());
  }
}
