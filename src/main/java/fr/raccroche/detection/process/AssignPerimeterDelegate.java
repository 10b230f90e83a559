package fr.raccroche.detection.process;

import static fr.raccroche.detection.process.ReviewVariables.*;

import fr.raccroche.detection.internal.ReviewOutcomes;
import fr.raccroche.territory.TerritoryService;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_OpenCaseInPerimeter of PerimeterAssignmentProcess: the case opens where assigned. */
@Component("assignPerimeterDelegate")
class AssignPerimeterDelegate implements JavaDelegate {
  private final ReviewOutcomes outcomes;
  private final TerritoryService territory;

  AssignPerimeterDelegate(ReviewOutcomes outcomes, TerritoryService territory) {
    this.outcomes = outcomes;
    this.territory = territory;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object perimeter = execution.getVariable(ASSIGNED_PERIMETER_CODE);
    String departement =
        perimeter == null
            ? null
            : territory.findPerimeter(perimeter.toString()).map(p -> p.departement()).orElse(null);
    // One of the import's département's perimeters, never another département's (the form's value
    // is untrusted; the instance's tenant is the import's département).
    if (departement == null
        || (execution.getTenantId() != null && !execution.getTenantId().equals(departement))) {
      throw new BadUserRequestException("Choisissez un périmètre de la liste.");
    }
    execution.setVariable(
        CASE_NUMBER,
        outcomes.openCase(reviewedPerson(execution), perimeter.toString(), pending(execution)));
  }
}
