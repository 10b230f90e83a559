package fr.raccroche.coordination.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.Date;
import java.util.Optional;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
 * TerritorialDiagnosisProcess: the yearly timer opens the campaign; each perimeter's coordinators
 * write, the supervisors validate or send it back with a comment.
 */
@Deployment(resources = "bpmn/TerritorialDiagnosisProcess.bpmn")
class TerritorialDiagnosisProcessTest {
  @RegisterExtension
  static ProcessEngineExtension extension =
      ProcessEngineExtension.builder()
          .configurationResource("camunda-process-test.cfg.xml")
          .build();

  final JavaDelegate openDiagnoses = mock(JavaDelegate.class);
  final JavaDelegate computeFigures = mock(JavaDelegate.class);
  final JavaDelegate recordDiagnosis = mock(JavaDelegate.class);
  final JavaDelegate recordReview = mock(JavaDelegate.class);

  @BeforeEach
  void setUp(ProcessEngine engine) throws Exception {
    init(engine);
    Mocks.register("coordinationSettings", new CoordinationSettings(Optional.empty()));
    Mocks.register("openDiagnosesDelegate", openDiagnoses);
    Mocks.register("computeDiagnosisFiguresDelegate", computeFigures);
    Mocks.register("recordDiagnosisDelegate", recordDiagnosis);
    Mocks.register("recordDiagnosisReviewDelegate", recordReview);
    Mocks.register("coordinationTaskValidation", new CoordinationTaskValidation());
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
  }

  @Test
  void theYearlyTimerOpensTheCampaignAndComesBackAYearLater() throws Exception {
    Job timer = managementService().createJobQuery().timers().singleResult();
    Assertions.assertThat(timer).as("the start timer is scheduled at deployment").isNotNull();
    Date first = timer.getDuedate();
    // The job executor fires it when due: the engine's clock is then the due date.
    ClockUtil.setCurrentTime(first);
    execute(timer);
    verify(openDiagnoses).execute(any(DelegateExecution.class));
    Job next = managementService().createJobQuery().timers().singleResult();
    Assertions.assertThat(next.getDuedate()).isAfter(first);
    Assertions.assertThat(next.getDuedate().getTime() - first.getTime())
        .isBetween(364L * 24 * 3600 * 1000, 367L * 24 * 3600 * 1000);
  }

  ProcessInstance open() {
    return runtimeService()
        .createMessageCorrelation("Msg_DiagnosisOpened")
        .processInstanceBusinessKey("diagnostic-LYON-2025-2026")
        .setVariable("perimeterCode", "LYON")
        .setVariable("schoolYear", "2025-2026")
        .correlateStartMessage();
  }

  @Test
  void theCoordinatorsWriteAndTheSupervisorsValidate() throws Exception {
    ProcessInstance pi = open();
    verify(computeFigures).execute(any(DelegateExecution.class));
    assertThat(pi).isWaitingAt("Task_WriteDiagnosis");
    assertThat(task()).hasName("Rédiger le diagnostic territorial").hasCandidateGroup("coord-LYON");
    Assertions.assertThat(task().getDueDate()).isAfter(new Date());
    complete(
        task(),
        withVariables(
            "strengths", "Mission locale très présente", "weaknesses", "Pas d'offre logement"));
    verify(recordDiagnosis).execute(any(DelegateExecution.class));
    assertThat(pi).isWaitingAt("Task_ValidateDiagnosis");
    assertThat(task())
        .hasName("Valider le diagnostic territorial")
        .hasCandidateGroup("supervisors");
    complete(task(), withVariables("diagnosisValidated", true));
    verify(recordReview).execute(any(DelegateExecution.class));
    assertThat(pi).isEnded().hasPassed("EndEvent_DiagnosisValidated");
  }

  @Test
  void aDiagnosisSentBackGoesToTheCoordinatorsAgain() throws Exception {
    ProcessInstance pi = open();
    assertThat(pi).isWaitingAt("Task_WriteDiagnosis");
    complete(task(), withVariables("strengths", "Forces", "weaknesses", "Faiblesses"));
    assertThat(pi).isWaitingAt("Task_ValidateDiagnosis");
    complete(
        task(),
        withVariables(
            "diagnosisValidated", "false", "reviewComment", "Chiffrez le manque de places"));
    assertThat(pi).hasPassed("Gateway_DiagnosisValidated").isWaitingAt("Task_WriteDiagnosis");
    complete(task(), withVariables("strengths", "Forces", "weaknesses", "Faiblesses et places"));
    assertThat(pi).isWaitingAt("Task_ValidateDiagnosis");
    complete(task(), withVariables("diagnosisValidated", "true"));
    assertThat(pi).isEnded();
    verify(recordDiagnosis, times(2)).execute(any(DelegateExecution.class));
    verify(recordReview, times(2)).execute(any(DelegateExecution.class));
  }

  @Test
  void incompleteAnswersAreRefusedInFrench() {
    ProcessInstance pi = open();
    assertThat(pi).isWaitingAt("Task_WriteDiagnosis");
    String write = task().getId();
    Assertions.assertThatThrownBy(
            () -> taskService().complete(write, withVariables("strengths", "Forces")))
        .hasMessageContaining("Indiquez les faiblesses du territoire");
    Assertions.assertThatThrownBy(
            () ->
                taskService()
                    .complete(
                        write, withVariables("strengths", "x".repeat(4001), "weaknesses", "y")))
        .hasMessageContaining("dépasse 4000 caractères");
    complete(task(), withVariables("strengths", "Forces", "weaknesses", "Faiblesses"));
    assertThat(pi).isWaitingAt("Task_ValidateDiagnosis");
    String review = task().getId();
    Assertions.assertThatThrownBy(
            () -> taskService().complete(review, withVariables("diagnosisValidated", false)))
        .hasMessageContaining("commentaire");
    Assertions.assertThatThrownBy(
            () -> taskService().complete(review, withVariables("diagnosisValidated", "peut-être")))
        .hasMessageContaining("oui/non");
    assertThat(pi).isWaitingAt("Task_ValidateDiagnosis");
  }
}
