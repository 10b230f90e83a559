package fr.raccroche.pathway.process;

import static fr.raccroche.pathway.process.PathwayVariables.*;

import fr.raccroche.territory.Partner;
import fr.raccroche.territory.PartnerType;
import fr.raccroche.territory.TerritoryService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * ServiceTask_PreparePartnerOptions, before Task_OrientToReferent: the partners serving the case's
 * perimeter, the recommended type first, as the options of the form's select ({@code
 * partnerOptions}, a JSON list of label/value), and the French label of the recommendation.
 */
@Component("preparePartnerOptionsDelegate")
public class PreparePartnerOptionsDelegate implements JavaDelegate {
  private final TerritoryService territory;

  public PreparePartnerOptionsDelegate(TerritoryService territory) {
    this.territory = territory;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String perimeter = (String) execution.getVariable(PERIMETER_CODE);
    // The OrientationDecision result (single result: a map of its outputs) as flat variables.
    if (execution.getVariable(ORIENTATION_DECISION) instanceof Map<?, ?> decision) {
      execution.setVariable(RECOMMENDED_PARTNER_TYPE, decision.get(RECOMMENDED_PARTNER_TYPE));
      execution.setVariable(ORIENTATION_PRIORITY, decision.get(ORIENTATION_PRIORITY));
    }
    Object recommended = execution.getVariable(RECOMMENDED_PARTNER_TYPE);
    PartnerType recommendedType =
        recommended == null ? null : PartnerType.valueOf(recommended.toString());
    List<Partner> partners = new ArrayList<>(territory.partners(null, perimeter));
    partners.sort(
        Comparator.comparing((Partner p) -> p.type() != recommendedType)
            .thenComparing(Partner::name));
    List<Map<String, String>> options = new ArrayList<>();
    for (Partner partner : partners) {
      Map<String, String> option = new LinkedHashMap<>();
      option.put(
          "label",
          partner.name()
              + " ("
              + partner.type().label()
              + ")"
              + (partner.type() == recommendedType ? " — recommandé" : ""));
      option.put("value", partner.code());
      options.add(option);
    }
    execution.setVariable(
        PARTNER_OPTIONS,
        Variables.objectValue(options)
            .serializationDataFormat(Variables.SerializationDataFormats.JSON)
            .create());
    execution.setVariable(
        RECOMMENDED_PARTNER_TYPE_LABEL,
        recommendedType == null ? "Aucune" : recommendedType.label());
  }
}
