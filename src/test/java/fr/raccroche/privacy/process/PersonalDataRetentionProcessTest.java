package fr.raccroche.privacy.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * PersonalDataRetentionProcess: its timer start follows the configured cron, each firing runs the
 * retention once and ends, and the next night's timer is there again.
 */
class PersonalDataRetentionProcessTest {
  @RegisterExtension
  static ProcessEngineExtension extension =
      ProcessEngineExtension.builder()
          .configurationResource("camunda-process-test.cfg.xml")
          .build();

  final JavaDelegate applyRetention = mock(JavaDelegate.class);
  ProcessEngine engine;
  String deployment;

  /** The schedule bean as the app builds it: its cron from configuration. */
  public static class Schedule {
    private final String cron;

    Schedule(String cron) {
      this.cron = cron;
    }

    public String getRetentionCron() {
      return cron;
    }
  }

  @BeforeEach
  void deploy(ProcessEngine engine) {
    this.engine = engine;
    init(engine);
    ClockUtil.setCurrentTime(
        Date.from(ZonedDateTime.of(2026, 3, 1, 12, 0, 0, 0, ZoneId.systemDefault()).toInstant()));
    Mocks.register("privacySchedule", new Schedule("0 15 2 * * ?"));
    Mocks.register("applyRetentionDelegate", applyRetention);
    // Deployed after the mocks: a timer start reads its cycle when the process is deployed.
    deployment =
        engine
            .getRepositoryService()
            .createDeployment()
            .addClasspathResource("bpmn/PersonalDataRetentionProcess.bpmn")
            .deploy()
            .getId();
  }

  @AfterEach
  void reset() {
    engine.getRepositoryService().deleteDeployment(deployment, true);
    Mocks.reset();
    ClockUtil.reset();
  }

  Job timer() {
    return engine
        .getManagementService()
        .createJobQuery()
        .processDefinitionKey("PersonalDataRetentionProcess")
        .timers()
        .singleResult();
  }

  @Test
  void eachNightTheRetentionRunsOnceAndTheNextNightIsScheduled() throws Exception {
    Job first = timer();
    assertThat(first.getDuedate())
        .isEqualTo(
            Date.from(
                ZonedDateTime.of(2026, 3, 2, 2, 15, 0, 0, ZoneId.systemDefault()).toInstant()));

    ClockUtil.setCurrentTime(first.getDuedate());
    engine.getManagementService().executeJob(first.getId());

    verify(applyRetention, times(1)).execute(any(DelegateExecution.class));
    HistoricProcessInstance run =
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey("PersonalDataRetentionProcess")
            .singleResult();
    assertThat(run.getEndTime()).isNotNull();
    assertThat(run.getEndActivityId()).isEqualTo("EndEvent_RetentionApplied");
    assertThat(timer().getDuedate())
        .isEqualTo(
            Date.from(
                ZonedDateTime.of(2026, 3, 3, 2, 15, 0, 0, ZoneId.systemDefault()).toInstant()));
  }
}
