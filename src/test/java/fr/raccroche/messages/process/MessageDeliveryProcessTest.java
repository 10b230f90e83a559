package fr.raccroche.messages.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
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
 * MessageDeliveryProcess (every path: at once, deferred by its timer, refused for good, incident
 * after the last retry) and OverdueTasksDigestProcess (its cron from configuration).
 */
@Deployment(resources = {"bpmn/MessageDeliveryProcess.bpmn", "bpmn/OverdueTasksDigestProcess.bpmn"})
class MessageDeliveryProcessTest {
  @RegisterExtension
  static ProcessEngineExtension extension =
      ProcessEngineExtension.builder()
          .configurationResource("camunda-process-test.cfg.xml")
          .build();

  final JavaDelegate digests = mock(JavaDelegate.class);
  final MessageSchedule schedule = mock(MessageSchedule.class);

  @BeforeEach
  void setUp(ProcessEngine engine) {
    init(engine);
    when(schedule.getDigestCron()).thenReturn("0 30 8 ? * MON-FRI");
    Mocks.register("sendOverdueDigestsDelegate", digests);
    Mocks.register("messageSchedule", schedule);
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
  }

  ProcessInstance start(Instant sendAt) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("messageId", 42L);
    variables.put("sendAt", sendAt == null ? null : Date.from(sendAt));
    return runtimeService().startProcessInstanceByKey("MessageDeliveryProcess", "42", variables);
  }

  LockedExternalTask fetch() {
    List<LockedExternalTask> tasks =
        externalTaskService().fetchAndLock(1, "test").topic("send-message", 60_000).execute();
    Assertions.assertThat(tasks).hasSize(1);
    Assertions.assertThat(tasks.get(0).getBusinessKey()).isEqualTo("42");
    return tasks.get(0);
  }

  @Test
  void aMessageForNowGoesStraightToTheSendMessageTopic() {
    ProcessInstance p = start(null);
    assertThat(p).isWaitingAt("ExternalTask_SendMessage");
    externalTaskService().complete(fetch().getId(), "test");
    assertThat(p).hasPassed("EndEvent_MessageSent").isEnded();
  }

  @Test
  void aDeferredMessageWaitsForItsTimeThenIsSent() {
    Instant monday8 = Instant.parse("2026-03-16T07:00:00Z");
    ProcessInstance p = start(monday8);
    assertThat(p).isWaitingAt("Timer_SendingAllowed");
    Job timer = managementService().createJobQuery().processInstanceId(p.getId()).singleResult();
    Assertions.assertThat(timer.getDuedate()).isEqualTo(Date.from(monday8));
    execute(timer);
    assertThat(p).isWaitingAt("ExternalTask_SendMessage");
    externalTaskService().complete(fetch().getId(), "test");
    assertThat(p).hasPassed("Timer_SendingAllowed", "EndEvent_MessageSent").isEnded();
  }

  @Test
  void aMessageRefusedForGoodEndsWithoutSendingNorIncident() {
    ProcessInstance p = start(null);
    externalTaskService().handleBpmnError(fetch().getId(), "test", "MessageRejected", "refused");
    assertThat(p).hasPassed("EndEvent_MessageNotSent").isEnded();
    Assertions.assertThat(runtimeService().createIncidentQuery().count()).isZero();
  }

  @Test
  void theLastFailedAttemptBecomesAnIncidentAndARetrySendsIt() {
    ProcessInstance p = start(null);
    LockedExternalTask task = fetch();
    externalTaskService().handleFailure(task.getId(), "test", "HTTP 503", null, 0, 0);
    Assertions.assertThat(
            runtimeService()
                .createIncidentQuery()
                .processInstanceId(p.getId())
                .singleResult()
                .getIncidentType())
        .isEqualTo("failedExternalTask");
    assertThat(p).isWaitingAt("ExternalTask_SendMessage");
    externalTaskService().setRetries(task.getId(), 1);
    externalTaskService().complete(fetch().getId(), "test");
    assertThat(p).hasPassed("EndEvent_MessageSent").isEnded();
  }

  @Test
  void theDigestStartsOnItsConfiguredCron() throws Exception {
    Job timer =
        managementService()
            .createJobQuery()
            .processDefinitionKey("OverdueTasksDigestProcess")
            .timers()
            .singleResult();
    Assertions.assertThat(timer).isNotNull();
    execute(timer);
    verify(digests, times(1)).execute(any(DelegateExecution.class));
    Assertions.assertThat(
            historyService()
                .createHistoricActivityInstanceQuery()
                .activityId("EndEvent_DigestsQueued")
                .count())
        .isEqualTo(1);
  }
}
