package fr.raccroche.detection.process;

import static fr.raccroche.detection.process.ReviewVariables.CANDIDATE_PERSON_ID;
import static fr.raccroche.detection.process.ReviewVariables.DUPLICATE_PROCESS;
import static fr.raccroche.detection.process.ReviewVariables.PERIMETER_CODE;
import static fr.raccroche.detection.process.ReviewVariables.PERSON_ID;

import fr.raccroche.detection.internal.ReviewOutcomes;
import fr.raccroche.pathway.PersonErased;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Erases the review processes that carry an erased person's summary (PossibleDuplicateReviewProcess
 * and PerimeterAssignmentProcess), from Camunda's runtime and history. A review still open where
 * the erased person is only the possible duplicate of someone else ends as "two different people":
 * the other person's case opens, as the coordinators would have decided without the erased record.
 */
@Component
class ReviewErasure {
  private final RuntimeService runtime;
  private final HistoryService history;
  private final ReviewOutcomes outcomes;

  ReviewErasure(RuntimeService runtime, HistoryService history, ReviewOutcomes outcomes) {
    this.runtime = runtime;
    this.history = history;
    this.outcomes = outcomes;
  }

  @EventListener
  public void on(PersonErased erased) {
    long personId = erased.personId();
    Set<String> instances = new LinkedHashSet<>();
    for (String key : List.of("doublon-" + personId, "perimetre-" + personId)) {
      history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(key).list().stream()
          .map(HistoricProcessInstance::getId)
          .forEach(instances::add);
    }
    // Reviews where the erased person is the known record another person may duplicate.
    List<String> asCandidate = new ArrayList<>();
    history
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey(DUPLICATE_PROCESS)
        .variableValueEquals(CANDIDATE_PERSON_ID, personId)
        .list()
        .forEach(h -> asCandidate.add(h.getId()));
    for (String id : asCandidate) {
      ProcessInstance open =
          runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
      if (open != null) {
        Map<String, Object> v = runtime.getVariables(id);
        outcomes.openCase(
            ((Number) v.get(PERSON_ID)).longValue(),
            (String) v.get(PERIMETER_CODE),
            ReviewVariables.pending(v));
      }
      instances.add(id);
    }
    if (instances.isEmpty()) {
      return;
    }
    List<String> ids = List.copyOf(instances);
    runtime.deleteProcessInstancesIfExists(
        ids, "Effacement des données personnelles", true, true, false);
    history.deleteHistoricProcessInstancesIfExists(ids);
  }
}
