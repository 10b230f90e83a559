package fr.raccroche.pathway.process;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import fr.raccroche.pathway.internal.CaseRecords;
import fr.raccroche.pathway.internal.SupportCaseEntity;
import fr.raccroche.pathway.internal.YoungPersonRepository;
import fr.raccroche.security.CaseAccessService;
import fr.raccroche.territory.Partner;
import fr.raccroche.territory.PartnerType;
import fr.raccroche.territory.TerritoryService;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * The beans {@code YouthPathwayProcess} calls, for the in-memory engine: the real glue ({@link
 * CaseProgress}, {@link TaskInputValidation}, delegates, {@link PathwayDelays}) over mocked
 * records, access and territory, so that tests can verify what was recorded.
 */
final class PathwayTestSupport {
  final CaseRecords records = mock(CaseRecords.class);
  final CaseAccessService access = mock(CaseAccessService.class);
  final TerritoryService territory = mock(TerritoryService.class);
  final YoungPersonRepository people = mock(YoungPersonRepository.class);
  final PathwayDelays delays;
  final SupportCaseEntity caseEntity = new SupportCaseEntity();

  static final Partner ML_LYON =
      new Partner(
          "ML-LYON",
          "Mission locale de Lyon",
          PartnerType.MISSION_LOCALE,
          false,
          List.of("LYON"),
          null,
          null);
  static final Partner CIO_LYON =
      new Partner("CIO-LYON", "CIO de Lyon", PartnerType.CIO, false, List.of("LYON"), null, null);
  static final Partner MLDS =
      new Partner("MLDS-69", "MLDS du Rhône", PartnerType.MLDS, true, List.of(), null, null);

  PathwayTestSupport(ProcessEngine engine) throws Exception {
    delays = new PathwayDelays(Optional.empty());
    when(records.today()).thenAnswer(i -> LocalDate.now());
    when(records.get(anyString())).thenReturn(caseEntity);
    // The record is the truth the glue reads: perimeter and referent follow what it writes.
    caseEntity.setPerimeterCode("LYON");
    doAnswer(
            i -> {
              caseEntity.setPerimeterCode(i.getArgument(1));
              return null;
            })
        .when(records)
        .perimeter(anyString(), any());
    doAnswer(
            i -> {
              caseEntity.setReferentPartnerCode(i.getArgument(1));
              return null;
            })
        .when(records)
        .referent(anyString(), any());
    when(territory.partners(isNull(), eq("LYON"))).thenReturn(List.of(CIO_LYON, ML_LYON, MLDS));
    when(territory.partners(isNull(), eq("EST"))).thenReturn(List.of(MLDS));
    when(territory.partner("ML-LYON")).thenReturn(ML_LYON);
    when(territory.partner("CIO-LYON")).thenReturn(CIO_LYON);
    when(territory.partner("MLDS-69")).thenReturn(MLDS);
    Mocks.register("pathwayDelays", delays);
    Mocks.register("caseProgress", new CaseProgress(records, access, territory, delays));
    Mocks.register(
        "taskInputValidation",
        new TaskInputValidation(
            records,
            territory,
            Optional.empty(),
            new DatePlausibility(records, people, Optional.empty())));
    Mocks.register(
        "preparePartnerOptionsDelegate", new PreparePartnerOptionsDelegate(records, territory));
    Mocks.register(
        "transferCaseDelegate",
        new TransferCaseDelegate(
            records,
            access,
            engine.getTaskService(),
            new PreparePartnerOptionsDelegate(records, territory)));
    Mocks.register("sendReminderDelegate", new SendReminderDelegate(engine.getTaskService()));
  }
}
