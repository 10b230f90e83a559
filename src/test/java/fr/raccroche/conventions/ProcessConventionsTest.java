package fr.raccroche.conventions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessConventionsTest {

  @Test
  void theProjectsProcessesDecisionsAndFormsFollowTheConventions() throws Exception {
    List<String> violations = ProcessConventions.check(Path.of("bpmn"), Path.of("forms"));
    assertThat(violations).isEmpty();
  }

  @Test
  void theCheckCatchesEveryKindOfViolation() throws Exception {
    Path bad = Path.of("src/test/resources/conventions/bad");
    List<String> violations = ProcessConventions.check(bad.resolve("bpmn"), bad.resolve("forms"));
    assertThat(violations)
        .contains(
            "form-Bad.form: form id 'form_bad' is not of the form form-<task-in-kebab-case>",
            "form-Bad.form: file name differs from form id 'form_bad'",
            "BadProcess.bpmn: file name differs from process id 'Process_1x2y3z4'",
            "BadProcess.bpmn: process has a generated id 'Process_1x2y3z4'",
            "BadProcess.bpmn: process 'Process_1x2y3z4' has no camunda:historyTimeToLive",
            "BadProcess.bpmn: no BPMN-DI (the diagram would not open in Camunda Modeler)",
            "BadProcess.bpmn: userTask has a generated id 'Activity_0abcdef'",
            "BadProcess.bpmn: user task 'Activity_0abcdef' refers to unknown form 'form-missing'",
            "BadProcess.bpmn: user task 'Activity_0abcdef' must bind its form with formRefBinding=\"deployment\"",
            "BadProcess.bpmn: user task 'Activity_0abcdef' has candidate group 'coordinators' outside the naming",
            "BadProcess.bpmn: user task 'Task_NoForm' has no camunda:formRef",
            "BadProcess.bpmn: user task 'Task_NoForm' has no candidate group",
            "BadProcess.bpmn: timer 'Timer_Literal' has a literal P7D (take it from configuration)",
            "BadDecision.dmn: file name differs from decision id 'Decision_0abc123'",
            "BadDecision.dmn: decision has a generated id 'Decision_0abc123'",
            "BadDecision.dmn: decision 'Decision_0abc123' has no camunda:historyTimeToLive");
  }

  @Test
  void acceptsTheGroupNaming() {
    for (String group :
        List.of(
            "coord-${perimeterCode}",
            "partner-${referentPartnerCode}",
            "supervisors",
            "coord-LYON",
            "partner-ML-LYON")) {
      assertThat(ProcessConventions.CANDIDATE_GROUP.matcher(group).matches()).as(group).isTrue();
    }
  }
}
