package fr.raccroche.coordination.process;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * First {@code end} execution listener of the coordination processes' user tasks ({@code
 * delegateExpression="${coordinationTaskValidation}"}): checks and normalises what the form sent. A
 * missing or invalid value refuses the completion with a French message (engine-rest answers 400)
 * and the task stays open. A task cancelled by an event is not validated.
 */
@Component("coordinationTaskValidation")
public class CoordinationTaskValidation implements ExecutionListener {
  public static final String OFFER_STILL_ACCURATE = "offerStillAccurate";
  public static final String PLACES_AVAILABLE = "placesAvailable";
  public static final String STRENGTHS = "strengths";
  public static final String WEAKNESSES = "weaknesses";
  public static final String DIAGNOSIS_VALIDATED = "diagnosisValidated";
  public static final String REVIEW_COMMENT = "reviewComment";

  @Override
  public void notify(DelegateExecution task) {
    if (task.isCanceled()) {
      return;
    }
    switch (task.getCurrentActivityId()) {
      case "Task_UpdateOffer" -> offerUpdate(task);
      case "Task_WriteDiagnosis" -> diagnosis(task);
      case "Task_ValidateDiagnosis" -> review(task, DIAGNOSIS_VALIDATED, "la validation");
      default -> {
        // tasks of other processes are not validated here
      }
    }
  }

  private static void offerUpdate(DelegateExecution task) {
    Object still = task.getVariable(OFFER_STILL_ACCURATE);
    if (still == null || !bool(still, "la confirmation")) {
      throw refuse(
          "Confirmez que l'offre est toujours exacte, ou mettez-la à jour depuis sa fiche du catalogue.");
    }
    task.setVariable(OFFER_STILL_ACCURATE, true);
    Object places = task.getVariable(PLACES_AVAILABLE);
    if (places != null && !places.toString().isBlank()) {
      task.setVariable(PLACES_AVAILABLE, nonNegativeInt(places, "les places disponibles"));
    } else {
      task.setVariable(PLACES_AVAILABLE, null);
    }
  }

  private static void diagnosis(DelegateExecution task) {
    required(task, STRENGTHS, 4000, "les forces du territoire");
    required(task, WEAKNESSES, 4000, "les faiblesses du territoire");
  }

  static void review(DelegateExecution task, String flag, String what) {
    Object value = task.getVariable(flag);
    if (value == null || value.toString().isBlank()) {
      throw refuse("Indiquez votre décision sur " + what + ".");
    }
    boolean yes = bool(value, what);
    task.setVariable(flag, yes);
    Object comment = task.getVariable(REVIEW_COMMENT);
    if (!yes && (comment == null || comment.toString().isBlank())) {
      throw refuse("Indiquez ce qui doit être repris (commentaire).");
    }
    if (comment != null && comment.toString().length() > 2000) {
      throw refuse("Le commentaire dépasse 2000 caractères.");
    }
  }

  static void required(DelegateExecution task, String name, int max, String what) {
    Object value = task.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      throw refuse("Indiquez " + what + ".");
    }
    if (value.toString().length() > max) {
      throw refuse("Le texte saisi pour " + what + " dépasse " + max + " caractères.");
    }
  }

  static int nonNegativeInt(Object value, String what) {
    BigDecimal number;
    try {
      number = new BigDecimal(value.toString().strip());
    } catch (NumberFormatException e) {
      throw refuse("Nombre attendu pour " + what + " : « " + value + " ».");
    }
    if (number.signum() < 0) {
      throw refuse("La valeur saisie pour " + what + " ne peut pas être négative.");
    }
    if (number.stripTrailingZeros().scale() > 0) {
      throw refuse("Nombre entier attendu pour " + what + ".");
    }
    return number.intValueExact();
  }

  static boolean bool(Object value, String what) {
    if (value instanceof Boolean b) {
      return b;
    }
    return switch (value.toString().strip().toLowerCase()) {
      case "true", "oui", "yes" -> true;
      case "false", "non", "no" -> false;
      default -> throw refuse("Réponse oui/non attendue pour " + what + ".");
    };
  }

  /** A form validation error: engine-rest answers 400 with the French message. */
  static FormFieldValidationException refuse(String frenchMessage) {
    return new FormFieldValidationException("task-input", frenchMessage);
  }
}
