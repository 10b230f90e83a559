package fr.raccroche.coordination.process;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.assertj.core.api.Assertions;
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
 * OfferUpdateProcess: the timer fires six months after the last update, the partner gets one task,
 * confirming or updating the offer starts the wait again from the new date, an ended offer stops.
 */
@Deployment(resources = "bpmn/OfferUpdateProcess.bpmn")
class OfferUpdateProcessTest {
  @RegisterExtension
  static ProcessEngineExtension extension =
      ProcessEngineExtension.builder()
          .configurationResource("camunda-process-test.cfg.xml")
          .build();

  /** Stands for the catalogue: when each offer goes stale, whether it is still running. */
  public static class Staleness {
    public Date staleAt = Date.from(Instant.now().plus(180, ChronoUnit.DAYS));
    public boolean current = true;

    public Date staleAt(Object offerId) {
      return staleAt;
    }

    public boolean isCurrent(Object offerId) {
      return current;
    }

    public Date updateDue() {
      return Date.from(Instant.now().plus(15, ChronoUnit.DAYS));
    }
  }

  final Staleness staleness = new Staleness();
  final JavaDelegate confirmOffer = mock(JavaDelegate.class);

  @BeforeEach
  void setUp(ProcessEngine engine) {
    init(engine);
    Mocks.register("offerStaleness", staleness);
    Mocks.register("confirmOfferDelegate", confirmOffer);
    Mocks.register("coordinationTaskValidation", new CoordinationTaskValidation());
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  ProcessInstance start() {
    Map<String, Object> v = new HashMap<>();
    v.put("offerId", 7L);
    v.put("partnerCode", "ML-LYON");
    v.put("offerName", "Garantie jeunes");
    v.put("offerLastUpdatedOn", "01/06/2026");
    return runtimeService().startProcessInstanceByKey("OfferUpdateProcess", "offre-7", v);
  }

  Job staleTimer() {
    return managementService()
        .createJobQuery()
        .timers()
        .activityId("Timer_OfferStale")
        .singleResult();
  }

  @Test
  void aStaleOfferGivesItsPartnerOneTaskAndAConfirmationWaitsSixMonthsAgain() throws Exception {
    ProcessInstance pi = start();
    assertThat(pi).isWaitingAt("Gateway_OfferStaleOrUpdated");
    Assertions.assertThat(staleTimer().getDuedate()).isEqualTo(staleness.staleAt);
    Assertions.assertThat(taskQuery().count()).isZero();

    execute(staleTimer());
    assertThat(pi).isWaitingAt("Task_UpdateOffer");
    assertThat(task()).hasName("Mettre à jour l'offre").hasCandidateGroup("partner-ML-LYON");
    Assertions.assertThat(taskQuery().count()).isEqualTo(1);
    // No timer left while the task is open: nothing can open a second task.
    Assertions.assertThat(managementService().createJobQuery().timers().count()).isZero();

    staleness.staleAt = Date.from(Instant.now().plus(400, ChronoUnit.DAYS));
    complete(task(), withVariables("offerStillAccurate", true, "placesAvailable", 4));
    verify(confirmOffer).execute(any(DelegateExecution.class));
    assertThat(pi).hasPassed("ServiceTask_ConfirmOffer").isWaitingAt("Gateway_OfferStaleOrUpdated");
    Assertions.assertThat(staleTimer().getDuedate()).isEqualTo(staleness.staleAt);
    Assertions.assertThat(taskQuery().count()).isZero();
  }

  @Test
  void theTaskIsRefusedWithoutConfirmationOrWithNegativePlaces() {
    ProcessInstance pi = start();
    execute(staleTimer());
    assertThat(pi).isWaitingAt("Task_UpdateOffer");
    String taskId = task().getId();
    assertThatThrownBy(
            () -> taskService().complete(taskId, withVariables("offerStillAccurate", false)))
        .hasMessageContaining("Confirmez que l'offre est toujours exacte");
    assertThatThrownBy(
            () ->
                taskService()
                    .complete(
                        taskId, withVariables("offerStillAccurate", true, "placesAvailable", -1)))
        .hasMessageContaining("ne peut pas être négative");
    assertThat(pi).isWaitingAt("Task_UpdateOffer");
  }

  @Test
  void updatingTheOfferWhileWaitingMovesTheTimer() {
    ProcessInstance pi = start();
    Date first = staleTimer().getDuedate();
    staleness.staleAt = Date.from(Instant.now().plus(300, ChronoUnit.DAYS));
    runtimeService()
        .createMessageCorrelation("Msg_OfferUpdated")
        .processInstanceBusinessKey("offre-7")
        .correlate();
    assertThat(pi).hasPassed("Event_OfferUpdated").isWaitingAt("Gateway_OfferStaleOrUpdated");
    Assertions.assertThat(managementService().createJobQuery().timers().count()).isEqualTo(1);
    Assertions.assertThat(staleTimer().getDuedate())
        .isEqualTo(staleness.staleAt)
        .isNotEqualTo(first);
  }

  @Test
  void updatingTheOfferClosesTheOpenTaskAndWaitsAgain() throws Exception {
    ProcessInstance pi = start();
    execute(staleTimer());
    assertThat(pi).isWaitingAt("Task_UpdateOffer");
    runtimeService()
        .createMessageCorrelation("Msg_OfferUpdated")
        .processInstanceBusinessKey("offre-7")
        .correlate();
    assertThat(pi)
        .hasPassed("BoundaryEvent_OfferUpdatedDuringTask")
        .isWaitingAt("Gateway_OfferStaleOrUpdated");
    Assertions.assertThat(taskQuery().count()).isZero();
    verify(confirmOffer, times(0)).execute(any(DelegateExecution.class));
  }

  @Test
  void anOfferThatHasEndedStopsAskingForUpdates() {
    ProcessInstance pi = start();
    staleness.current = false;
    execute(staleTimer());
    assertThat(pi).isEnded().hasPassed("EndEvent_OfferEnded");
    Assertions.assertThat(taskQuery().count()).isZero();
  }
}
