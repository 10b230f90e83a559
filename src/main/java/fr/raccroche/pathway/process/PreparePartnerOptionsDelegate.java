package fr.raccroche.pathway.process;

import static fr.raccroche.pathway.process.PathwayVariables.*;

import fr.raccroche.pathway.Need;
import fr.raccroche.pathway.OrientationOffers;
import fr.raccroche.pathway.internal.CaseRecords;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * ServiceTask_PreparePartnerOptions, before Task_OrientToReferent: the partners serving the case's
 * perimeter, the recommended type first, as the options of the form's select ({@code
 * partnerOptions}, a JSON list of label/value), and the French label of the recommendation; and the
 * offers of the local catalogue matching the young person, best first ({@code offerOptions}, from
 * an {@link OrientationOffers} when a module provides one, else none).
 */
@Component("preparePartnerOptionsDelegate")
public class PreparePartnerOptionsDelegate implements JavaDelegate {
  private final CaseRecords records;
  private final TerritoryService territory;
  private final List<OrientationOffers> offers;

  public PreparePartnerOptionsDelegate(CaseRecords records, TerritoryService territory) {
    this(records, territory, List.of());
  }

  @Autowired
  public PreparePartnerOptionsDelegate(
      CaseRecords records, TerritoryService territory, List<OrientationOffers> offers) {
    this.records = records;
    this.territory = territory;
    this.offers = List.copyOf(offers);
  }

  @Override
  public void execute(DelegateExecution execution) {
    // The perimeter of the case record, not of a variable (docs/security.md R1).
    String perimeter = records.get(CaseProgress.caseNumber(execution)).getPerimeterCode();
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
      // The form explains when no partner of the recommended type serves the perimeter.
      option.put("recommended", String.valueOf(partner.type() == recommendedType));
      options.add(option);
    }
    // The first partner of the recommended type is the form's first answer (the coordinator may
    // choose another one); after a refusal the variable is removed and nothing is preselected.
    if (execution.getVariable(REFERENT_PARTNER_CODE) == null) {
      partners.stream()
          .filter(p -> recommendedType != null && p.type() == recommendedType)
          .findFirst()
          .ifPresent(p -> execution.setVariable(REFERENT_PARTNER_CODE, p.code()));
    }
    execution.setVariable(
        PARTNER_OPTIONS,
        Variables.objectValue(options)
            .serializationDataFormat(Variables.SerializationDataFormats.JSON)
            .create());
    execution.setVariable(
        RECOMMENDED_PARTNER_TYPE_LABEL,
        recommendedType == null ? "Aucune" : recommendedType.label());
    execution.setVariable(OFFER_OPTIONS, json(offerOptions(execution, perimeter)));
  }

  private List<Map<String, String>> offerOptions(DelegateExecution execution, String perimeter) {
    Need primary = need(execution.getVariable(PRIMARY_NEED));
    List<Need> others = new ArrayList<>();
    for (String other : TaskInputValidation.list(execution.getVariable(OTHER_NEEDS))) {
      Need need = need(other);
      if (need != null) {
        others.add(need);
      }
    }
    Object age = execution.getVariable(AGE);
    List<Map<String, String>> options = new ArrayList<>();
    for (OrientationOffers catalogue : offers) {
      for (OrientationOffers.Suggestion s :
          catalogue.suggest(
              perimeter, primary, others, age instanceof Number n ? n.intValue() : null)) {
        Map<String, String> option = new LinkedHashMap<>();
        option.put("label", s.label());
        option.put("value", String.valueOf(s.offerId()));
        option.put("partner", s.partnerCode() == null ? "" : s.partnerCode());
        options.add(option);
      }
    }
    return options;
  }

  private static Need need(Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    try {
      return Need.valueOf(value.toString().strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Object json(List<Map<String, String>> options) {
    return Variables.objectValue(options)
        .serializationDataFormat(Variables.SerializationDataFormats.JSON)
        .create();
  }
}
