package fr.raccroche.pathway.process;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.util.Map;
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
 * The intake's two processes: PathwayStartRecoveryProcess (a start that failed is retried by a job,
 * then becomes an incident, and succeeds once retried) and SignalementReviewProcess (the perimeter
 * that follows the young person decides).
 */
@Deployment(
    resources = {"bpmn/PathwayStartRecoveryProcess.bpmn", "bpmn/SignalementReviewProcess.bpmn"})
class IntakeProcessesProcessTest {
  @RegisterExtension
  static ProcessEngineExtension extension =
      ProcessEngineExtension.builder()
          .configurationResource("camunda-process-test.cfg.xml")
          .build();

  final JavaDelegate startPathway = mock(JavaDelegate.class);
  final JavaDelegate applySignalement = mock(JavaDelegate.class);

  /** What the retry cycle reads from configuration (raccroche.pathway.start-retry-cycle). */
  public static final class Delays {
    public String getStartRetryCycle() {
      return "R2/PT10M";
    }
  }

  @BeforeEach
  void setUp(ProcessEngine engine) {
    init(engine);
    Mocks.register("startPathwayDelegate", startPathway);
    Mocks.register("applySignalementDecisionDelegate", applySignalement);
    Mocks.register("pathwayDelays", new Delays());
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  @Test
  void aStartThatKeepsFailingBecomesAnIncidentAndSucceedsOnceRetried() throws Exception {
    doAnswer(
            i -> {
              throw new PathwayStartException("Erreur technique (IllegalStateException)");
            })
        .when(startPathway)
        .execute(any(DelegateExecution.class));
    ProcessInstance pi =
        runtimeService()
            .startProcessInstanceByKey(
                "PathwayStartRecoveryProcess",
                "2026-69-000001",
                Map.of("startFailure", "Erreur technique (IllegalStateException)"));
    assertThat(pi).isWaitingAt("ServiceTask_StartPathway");
    Job first = job();
    org.assertj.core.api.Assertions.assertThat(first.getRetries())
        .as("the tries of the configured cycle (R2)")
        .isEqualTo(2);
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> managementService().executeJob(job().getId()))
          .hasMessageContaining("Erreur technique");
    }
    org.assertj.core.api.Assertions.assertThat(job().getRetries()).isZero();
    org.assertj.core.api.Assertions.assertThat(
            runtimeService().createIncidentQuery().processInstanceId(pi.getId()).count())
        .isEqualTo(1);

    doNothing().when(startPathway).execute(any(DelegateExecution.class));
    managementService().setJobRetries(job().getId(), 1);
    execute(job());
    assertThat(pi).isEnded().hasPassed("EndEvent_PathwayStarted");
  }

  @Test
  void theFollowingPerimetersCoordinatorsDecideOnASignalement() throws Exception {
    ProcessInstance pi =
        runtimeService()
            .startProcessInstanceByKey(
                "SignalementReviewProcess",
                "2026-69-000002",
                Map.of(
                    "perimeterCode", "LYON",
                    "signalementId", 7L,
                    "signalledByPerimeter", "EST",
                    "signalementSummary", "Signalé le 04/12/2026 par le périmètre EST."));
    assertThat(pi).isWaitingAt("Task_ReviewSignalement");
    assertThat(task())
        .hasCandidateGroup("coord-LYON")
        .hasName("Examiner le signalement d'un autre périmètre");
    complete(task(), withVariables("signalementDecision", "IGNORE"));
    verify(applySignalement).execute(any(DelegateExecution.class));
    assertThat(pi).isEnded().hasPassed("ServiceTask_ApplySignalementDecision");
  }
}
