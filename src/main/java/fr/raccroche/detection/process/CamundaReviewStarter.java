package fr.raccroche.detection.process;

import static fr.raccroche.detection.process.ReviewVariables.*;

import fr.raccroche.detection.internal.PendingCase;
import fr.raccroche.detection.internal.ReviewStarter;
import fr.raccroche.pathway.PersonDirectory;
import fr.raccroche.shared.Departement;
import fr.raccroche.shared.MarkdownText;
import fr.raccroche.territory.TerritoryService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** Opens the reviews of an import as Camunda processes (Tasklist tasks for the right people). */
@Component
class CamundaReviewStarter implements ReviewStarter {
  private final RuntimeService runtime;
  private final PersonDirectory directory;
  private final TerritoryService territory;

  CamundaReviewStarter(
      RuntimeService runtime, PersonDirectory directory, TerritoryService territory) {
    this.runtime = runtime;
    this.directory = directory;
    this.territory = territory;
  }

  @Override
  public void possibleDuplicate(
      long newPersonId, long candidatePersonId, String perimeterCode, PendingCase pending) {
    Map<String, Object> v = ReviewVariables.pending(pending);
    v.put(PERSON_ID, newPersonId);
    v.put(CANDIDATE_PERSON_ID, candidatePersonId);
    v.put(PERIMETER_CODE, perimeterCode);
    territory
        .findPerimeter(perimeterCode)
        .ifPresent(p -> v.put(Departement.VARIABLE, p.departement())); // the instance's tenant
    v.put(PERSON_SUMMARY, MarkdownText.escape(directory.summary(newPersonId)));
    v.put(CANDIDATE_SUMMARY, MarkdownText.escape(directory.summary(candidatePersonId)));
    v.put(SOURCE_LABEL, pending.source() == null ? "" : pending.source().label());
    runtime.startProcessInstanceByKey(DUPLICATE_PROCESS, "doublon-" + newPersonId, v);
  }

  @Override
  public void assignPerimeter(long personId, PendingCase pending, String departement) {
    Map<String, Object> v = ReviewVariables.pending(pending);
    v.put(PERSON_ID, personId);
    v.put(Departement.VARIABLE, departement); // the instance's tenant
    v.put(PERSON_SUMMARY, MarkdownText.escape(directory.summary(personId)));
    v.put(SOURCE_LABEL, pending.source() == null ? "" : pending.source().label());
    List<Map<String, String>> options = new ArrayList<>();
    territory.perimeters().stream()
        .filter(p -> p.departement().equals(departement))
        .forEach(
            p -> {
              Map<String, String> o = new LinkedHashMap<>();
              o.put("label", p.name() + " (" + p.code() + ")");
              o.put("value", p.code());
              options.add(o);
            });
    v.put(
        PERIMETER_OPTIONS,
        Variables.objectValue(options)
            .serializationDataFormat(Variables.SerializationDataFormats.JSON)
            .create());
    runtime.startProcessInstanceByKey(PERIMETER_PROCESS, "perimetre-" + personId, v);
  }
}
