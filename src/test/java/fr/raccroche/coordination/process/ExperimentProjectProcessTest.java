package fr.raccroche.coordination.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import fr.raccroche.coordination.ExperimentService;
import fr.raccroche.shared.InvalidInputException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ExperimentProjectProcess: the supervisors select or reject; a selected project starts on its
 * date, the carrier partner writes the interim report six months in and the final report at the
 * end, the supervisors evaluate.
 */
@Deployment(resources = "bpmn/ExperimentProjectProcess.bpmn")
class ExperimentProjectProcessTest {
  @RegisterExtension
  static ProcessEngineExtension extension =
      ProcessEngineExtension.builder()
          .configurationResource("camunda-process-test.cfg.xml")
          .build();

  /** The project's dates, as the schedule bean reads them from the project. */
  public static class Schedule {
    static Date day(String iso) {
      return Date.from(LocalDate.parse(iso).atStartOfDay(ZoneId.systemDefault()).toInstant());
    }

    public Date startsAt(Object projectId) {
      return day("2030-01-01");
    }

    public Date interimReportDue(Object projectId) {
      return day("2030-07-01");
    }

    public Date endsAt(Object projectId) {
      return day("2031-01-01");
    }

    public Date reportDue() {
      return day("2030-02-01");
    }
  }

  final ExperimentProgress progress = mock(ExperimentProgress.class);
  final ExperimentService experiments = mock(ExperimentService.class);

  @BeforeEach
  void setUp(ProcessEngine engine) {
    init(engine);
    Mocks.register("experimentSchedule", new Schedule());
    Mocks.register("experimentProgress", progress);
    Mocks.register("experimentTaskValidation", new ExperimentTaskValidation(experiments));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  ProcessInstance submit() {
    Map<String, Object> v = new HashMap<>();
    v.put("projectId", 12L);
    v.put("carrierPartnerCode", "ML-LYON");
    v.put("perimeterCode", "LYON");
    v.put("projectTitle", "Remobilisation par le sport");
    v.put("callTitle", "Appel 2026");
    return runtimeService().startProcessInstanceByKey("ExperimentProjectProcess", "projet-12", v);
  }

  Job timer(String activity) {
    return managementService().createJobQuery().timers().activityId(activity).singleResult();
  }

  @Test
  void aSelectedProjectRunsReportsAndIsEvaluated() {
    ProcessInstance pi = submit();
    assertThat(pi).isWaitingAt("Task_SelectProject");
    assertThat(task())
        .hasName("Décider de la sélection du projet")
        .hasCandidateGroup("supervisors");
    complete(task(), withVariables("projectSelected", true, "amountGranted", 8000));
    verify(progress).decided(any(DelegateExecution.class));
    assertThat(pi).isWaitingAt("Timer_ProjectStarts");
    Assertions.assertThat(timer("Timer_ProjectStarts").getDuedate())
        .isEqualTo(Schedule.day("2030-01-01"));

    execute(timer("Timer_ProjectStarts"));
    verify(progress).started(any(DelegateExecution.class));
    assertThat(pi).isWaitingAt("Timer_InterimReportDue");
    Assertions.assertThat(timer("Timer_InterimReportDue").getDuedate())
        .isEqualTo(Schedule.day("2030-07-01"));

    execute(timer("Timer_InterimReportDue"));
    assertThat(pi).isWaitingAt("Task_WriteInterimReport");
    assertThat(task())
        .hasName("Rédiger le rapport intermédiaire")
        .hasCandidateGroup("partner-ML-LYON");
    complete(task(), withVariables("interimReport", "Douze jeunes accueillis"));
    verify(progress).interimReported(any(DelegateExecution.class));
    assertThat(pi).isWaitingAt("Timer_ProjectEnds");
    Assertions.assertThat(timer("Timer_ProjectEnds").getDuedate())
        .isEqualTo(Schedule.day("2031-01-01"));

    execute(timer("Timer_ProjectEnds"));
    assertThat(pi).isWaitingAt("Task_WriteFinalReport");
    assertThat(task()).hasName("Rédiger le rapport final").hasCandidateGroup("partner-ML-LYON");
    complete(task(), withVariables("finalReport", "Huit jeunes en solution"));
    verify(progress).finalReported(any(DelegateExecution.class));
    assertThat(pi).isWaitingAt("Task_EvaluateProject");
    assertThat(task()).hasName("Évaluer l'expérimentation").hasCandidateGroup("supervisors");
    complete(task(), withVariables("evaluation", "À essaimer"));
    verify(progress).evaluated(any(DelegateExecution.class));
    assertThat(pi).isEnded().hasPassed("EndEvent_ProjectEvaluated");
  }

  @Test
  void aRejectedProjectEndsWithItsReason() {
    ProcessInstance pi = submit();
    assertThat(pi).isWaitingAt("Task_SelectProject");
    complete(task(), withVariables("projectSelected", false, "selectionComment", "Hors priorités"));
    verify(progress).decided(any(DelegateExecution.class));
    verify(progress, never()).started(any(DelegateExecution.class));
    assertThat(pi).isEnded().hasPassed("EndEvent_ProjectRejected");
  }

  @Test
  void aGrantAboveTheRequestOrTheEnvelopeAndMissingAnswersAreRefused() {
    doThrow(
            new InvalidInputException(
                "amountGranted",
                "Le montant accordé (amountGranted) dépasse le montant demandé (5 000,00 €)."))
        .when(experiments)
        .checkGrant(
            anyLong(), anyBoolean(), org.mockito.ArgumentMatchers.eq(new BigDecimal("9000")));
    ProcessInstance pi = submit();
    assertThat(pi).isWaitingAt("Task_SelectProject");
    String id = task().getId();
    Assertions.assertThatThrownBy(
            () ->
                taskService()
                    .complete(id, withVariables("projectSelected", true, "amountGranted", 9000)))
        .hasMessageContaining("dépasse le montant demandé");
    Assertions.assertThatThrownBy(
            () -> taskService().complete(id, withVariables("projectSelected", false)))
        .hasMessageContaining("pourquoi le projet n'est pas retenu");
    Assertions.assertThatThrownBy(() -> taskService().complete(id, new HashMap<>()))
        .hasMessageContaining("Indiquez si le projet est retenu");
    verify(progress, never()).decided(any(DelegateExecution.class));
    assertThat(pi).isWaitingAt("Task_SelectProject");

    complete(task(), withVariables("projectSelected", true, "amountGranted", 4000));
    execute(timer("Timer_ProjectStarts"));
    execute(timer("Timer_InterimReportDue"));
    assertThat(pi).isWaitingAt("Task_WriteInterimReport");
    String report = task().getId();
    Assertions.assertThatThrownBy(
            () -> taskService().complete(report, withVariables("interimReport", " ")))
        .hasMessageContaining("Indiquez le rapport intermédiaire");
  }
}
