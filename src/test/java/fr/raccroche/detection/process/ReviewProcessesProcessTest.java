package fr.raccroche.detection.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * PossibleDuplicateReviewProcess and PerimeterAssignmentProcess: who gets the task, what it calls.
 */
@Deployment(
    resources = {
      "bpmn/PossibleDuplicateReviewProcess.bpmn",
      "bpmn/PerimeterAssignmentProcess.bpmn"
    })
class ReviewProcessesProcessTest {
  @RegisterExtension
  static ProcessEngineExtension extension =
      ProcessEngineExtension.builder()
          .configurationResource("camunda-process-test.cfg.xml")
          .build();

  final JavaDelegate applyDuplicateDecision = mock(JavaDelegate.class);
  final JavaDelegate assignPerimeter = mock(JavaDelegate.class);

  @BeforeEach
  void setUp(ProcessEngine engine) throws Exception {
    init(engine);
    Mocks.register("applyDuplicateDecisionDelegate", applyDuplicateDecision);
    Mocks.register("assignPerimeterDelegate", assignPerimeter);
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  @Test
  void aPossibleDuplicateIsReviewedByThePerimetersCoordinatorsThenApplied() throws Exception {
    Map<String, Object> v = new HashMap<>();
    v.put("personId", 2L);
    v.put("candidatePersonId", 1L);
    v.put("perimeterCode", "LYON");
    v.put("personSummary", "Maelle PRESQUEPAREILLE");
    v.put("candidateSummary", "Maëlle PRESQUEPAREIL");
    ProcessInstance pi =
        runtimeService()
            .startProcessInstanceByKey("PossibleDuplicateReviewProcess", "doublon-2", v);
    assertThat(pi).isWaitingAt("Task_ReviewPossibleDuplicate");
    assertThat(task()).hasCandidateGroup("coord-LYON").hasName("Examiner un doublon possible");
    complete(task(), withVariables("duplicateDecision", "MERGE"));
    verify(applyDuplicateDecision).execute(any(DelegateExecution.class));
    assertThat(pi)
        .isEnded()
        .hasPassed("ServiceTask_ApplyDuplicateDecision", "EndEvent_DuplicateResolved");
  }

  @Test
  void aFailingDecisionLeavesTheTaskOpen() throws Exception {
    doAnswer(
            i -> {
              throw new org.camunda.bpm.engine.BadUserRequestException(
                  "Indiquez s'il s'agit de la même personne.");
            })
        .when(applyDuplicateDecision)
        .execute(any(DelegateExecution.class));
    ProcessInstance pi =
        runtimeService()
            .startProcessInstanceByKey(
                "PossibleDuplicateReviewProcess",
                withVariables("personId", 2L, "candidatePersonId", 1L, "perimeterCode", "EST"));
    String taskId =
        taskService().createTaskQuery().processInstanceId(pi.getId()).singleResult().getId();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> taskService().complete(taskId))
        .hasMessageContaining("même personne");
    assertThat(pi).isWaitingAt("Task_ReviewPossibleDuplicate");
  }

  @Test
  void anUnroutedYoungPersonIsAssignedByTheSupervisorsThenTheCaseOpens() throws Exception {
    ProcessInstance pi =
        runtimeService()
            .startProcessInstanceByKey(
                "PerimeterAssignmentProcess",
                "perimetre-3",
                withVariables("personId", 3L, "personSummary", "Paul SANSPERIMETRE"));
    assertThat(pi).isWaitingAt("Task_AssignPerimeter");
    assertThat(task()).hasCandidateGroup("supervisors").hasName("Affecter un périmètre");
    complete(task(), withVariables("assignedPerimeterCode", "NORD"));
    verify(assignPerimeter).execute(any(DelegateExecution.class));
    assertThat(pi)
        .isEnded()
        .hasPassed("ServiceTask_OpenCaseInPerimeter", "EndEvent_PerimeterAssigned");
  }
}
