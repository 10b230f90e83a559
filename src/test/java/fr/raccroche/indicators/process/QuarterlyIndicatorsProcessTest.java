package fr.raccroche.indicators.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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
 * QuarterlyIndicatorsProcess: the timer reads its cron from configuration and starts a run; a
 * supervisor starts one by hand for a quarter; the supervisors review each draft and publish it or
 * ask for a recomputation (a new draft).
 */
@Deployment(resources = "bpmn/QuarterlyIndicatorsProcess.bpmn")
class QuarterlyIndicatorsProcessTest {
  @RegisterExtension
  static ProcessEngineExtension extension =
      ProcessEngineExtension.builder()
          .configurationResource("camunda-process-test.cfg.xml")
          .build();

  final JavaDelegate compute = mock(JavaDelegate.class);
  final JavaDelegate publish = mock(JavaDelegate.class);
  final IndicatorSchedule schedule = mock(IndicatorSchedule.class);
  final AtomicLong drafts = new AtomicLong();
  final JavaDelegate startPerDepartement = mock(JavaDelegate.class);

  @BeforeEach
  void setUp(ProcessEngine engine) throws Exception {
    init(engine);
    when(schedule.getCron()).thenReturn("0 0 6 1 1,4,7,10 ?");
    doAnswer(
            i -> {
              DelegateExecution e = i.getArgument(0);
              e.setVariable("snapshotId", drafts.incrementAndGet());
              if (e.getVariable("quarter") == null) {
                e.setVariable("schoolYear", "2025-2026");
                e.setVariable("quarter", "2026-Q1");
              }
              return null;
            })
        .when(compute)
        .execute(any(DelegateExecution.class));
    Mocks.register("computeQuarterlySnapshotDelegate", compute);
    Mocks.register("publishQuarterlySnapshotDelegate", publish);
    // The timer's instance starts one instance per département: here 69 and 42, by the message.
    doAnswer(
            i -> {
              for (String departement : java.util.List.of("69", "42")) {
                runtimeService()
                    .createMessageCorrelation("Msg_QuarterlyIndicatorsRequested")
                    .processInstanceBusinessKey("2025-2026/2026-Q1/" + departement)
                    .setVariable("schoolYear", "2025-2026")
                    .setVariable("quarter", "2026-Q1")
                    .setVariable("departement", departement)
                    .correlateStartMessage();
              }
              return null;
            })
        .when(startPerDepartement)
        .execute(any(DelegateExecution.class));
    Mocks.register("startQuarterPerDepartementDelegate", startPerDepartement);
    Mocks.register("indicatorSchedule", schedule);
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  @Test
  void theTimerStartsARunOnTheFirstDayOfEachQuarterAt6() throws Exception {
    Job timer = managementService().createJobQuery().timers().singleResult();
    assertThat(timer).isNotNull();
    java.time.LocalDateTime due =
        java.time.LocalDateTime.ofInstant(
            timer.getDuedate().toInstant(), java.time.ZoneId.systemDefault());
    org.assertj.core.api.Assertions.assertThat(due.getDayOfMonth()).isEqualTo(1);
    org.assertj.core.api.Assertions.assertThat(due.getMonthValue() % 3).isEqualTo(1);
    org.assertj.core.api.Assertions.assertThat(due.getHour()).isEqualTo(6);
    managementService().executeJob(timer.getId());
    // The timer's own instance only starts one run per département, and ends.
    var timerRun =
        historyService()
            .createHistoricActivityInstanceQuery()
            .activityId("EndEvent_QuartersStarted")
            .singleResult();
    org.assertj.core.api.Assertions.assertThat(timerRun).isNotNull();
    var runs =
        runtimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey("QuarterlyIndicatorsProcess")
            .orderByBusinessKey()
            .asc()
            .list();
    org.assertj.core.api.Assertions.assertThat(runs)
        .extracting(ProcessInstance::getBusinessKey)
        .containsExactly("2025-2026/2026-Q1/42", "2025-2026/2026-Q1/69");
    for (ProcessInstance pi : runs) {
      assertThat(pi).isWaitingAt("Task_ReviewQuarterlySnapshot");
      assertThat(task(pi))
          .hasCandidateGroup("supervisors")
          .hasName("Relire les indicateurs trimestriels");
    }
    // the next quarter's timer is already waiting
    org.assertj.core.api.Assertions.assertThat(
            managementService().createJobQuery().timers().count())
        .isEqualTo(1);
  }

  @Test
  void aSupervisorStartsARunByHandAndPublishesTheReviewedDraft() throws Exception {
    ProcessInstance pi =
        runtimeService()
            .createMessageCorrelation("Msg_QuarterlyIndicatorsRequested")
            .processInstanceBusinessKey("2025-2026/2026-Q1")
            .setVariable("schoolYear", "2025-2026")
            .setVariable("quarter", "2026-Q1")
            .correlateStartMessage();
    assertThat(pi).isWaitingAt("Task_ReviewQuarterlySnapshot");
    verify(compute, times(1)).execute(any(DelegateExecution.class));
    complete(task(), withVariables("reviewDecision", "PUBLISH", "reviewComment", "RAS"));
    verify(publish).execute(any(DelegateExecution.class));
    assertThat(pi)
        .isEnded()
        .hasPassed("ServiceTask_PublishQuarterlySnapshot", "EndEvent_SnapshotPublished")
        .variables()
        .containsEntry("snapshotId", 1L);
  }

  @Test
  void aRecomputationGivesANewDraftToReviewAndNeverPublishesTheFirst() throws Exception {
    ProcessInstance pi =
        runtimeService()
            .createMessageCorrelation("Msg_QuarterlyIndicatorsRequested")
            .setVariable("schoolYear", "2025-2026")
            .setVariable("quarter", "2026-Q1")
            .correlateStartMessage();
    assertThat(pi).isWaitingAt("Task_ReviewQuarterlySnapshot");
    complete(task(), withVariables("reviewDecision", "RECOMPUTE", "reviewComment", "À refaire"));
    assertThat(pi).isWaitingAt("Task_ReviewQuarterlySnapshot");
    verify(compute, times(2)).execute(any(DelegateExecution.class));
    verify(publish, times(0)).execute(any(DelegateExecution.class));
    assertThat(pi).variables().containsEntry("snapshotId", 2L);
    complete(task(), withVariables("reviewDecision", "PUBLISH"));
    assertThat(pi).isEnded().hasPassed("EndEvent_SnapshotPublished");
  }
}
