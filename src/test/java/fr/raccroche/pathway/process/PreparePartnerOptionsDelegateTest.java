package fr.raccroche.pathway.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import fr.raccroche.pathway.Need;
import fr.raccroche.pathway.OrientationOffers;
import fr.raccroche.pathway.internal.CaseRecords;
import fr.raccroche.pathway.internal.SupportCaseEntity;
import fr.raccroche.territory.TerritoryService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.junit.jupiter.api.Test;

/** The orientation form's offers come from the catalogue SPI, in its order, with what it needs. */
class PreparePartnerOptionsDelegateTest {
  final Map<String, Object> variables = new HashMap<>();
  final CaseRecords records = mock(CaseRecords.class);

  PreparePartnerOptionsDelegateTest() {
    SupportCaseEntity lyon = new SupportCaseEntity();
    lyon.setPerimeterCode("LYON");
    when(records.get("2026-69-000001")).thenReturn(lyon);
  }

  DelegateExecution execution() {
    DelegateExecution execution = mock(DelegateExecution.class);
    when(execution.getVariable(anyString())).thenAnswer(i -> variables.get(i.getArgument(0)));
    when(execution.getProcessBusinessKey()).thenReturn("2026-69-000001");
    doAnswer(
            i -> {
              Object value = i.getArgument(1);
              variables.put(
                  i.getArgument(0), value instanceof ObjectValue o ? o.getValue() : value);
              return null;
            })
        .when(execution)
        .setVariable(anyString(), any());
    return execution;
  }

  @SuppressWarnings("unchecked")
  List<Map<String, String>> offerOptions() {
    return (List<Map<String, String>>) variables.get("offerOptions");
  }

  @Test
  void theCataloguesSuggestionsBecomeTheOfferOptionsInTheirOrder() {
    TerritoryService territory = mock(TerritoryService.class);
    when(territory.partners(null, "LYON")).thenReturn(List.of());
    List<Object[]> asked = new ArrayList<>();
    OrientationOffers catalogue =
        (perimeter, primary, others, age) -> {
          asked.add(new Object[] {perimeter, primary, others, age});
          return List.of(
              new OrientationOffers.Suggestion(
                  3, "Prépa-apprentissage — CFA (6 places, besoin principal)"),
              new OrientationOffers.Suggestion(1, "Logement jeunes — ML (2 places, autre besoin)"));
        };
    // A variable says EST; the record says LYON: the record wins.
    variables.put("perimeterCode", "EST");
    variables.put("primaryNeed", "APPRENTICESHIP");
    variables.put("otherNeeds", "[\"HOUSING\"]");
    variables.put("age", 17);

    new PreparePartnerOptionsDelegate(records, territory, List.of(catalogue)).execute(execution());

    assertThat(asked).hasSize(1);
    assertThat(asked.get(0))
        .containsExactly("LYON", Need.APPRENTICESHIP, List.of(Need.HOUSING), 17);
    assertThat(offerOptions()).extracting(o -> o.get("value")).containsExactly("3", "1");
    assertThat(offerOptions().get(0).get("label")).startsWith("Prépa-apprentissage");
  }

  @Test
  void withoutACatalogueTheFormHasNoOffers() {
    TerritoryService territory = mock(TerritoryService.class);
    when(territory.partners(null, "LYON")).thenReturn(List.of());
    variables.put("perimeterCode", "LYON");
    variables.put("primaryNeed", "HEALTH");

    new PreparePartnerOptionsDelegate(records, territory).execute(execution());

    assertThat(offerOptions()).isEmpty();
  }
}
