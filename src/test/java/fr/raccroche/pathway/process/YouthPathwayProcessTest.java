package fr.raccroche.pathway.process;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import fr.raccroche.pathway.CaseStatus;
import fr.raccroche.pathway.ClosureReason;
import fr.raccroche.pathway.Milestone;
import fr.raccroche.pathway.SolutionType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path, timer and message of YouthPathwayProcess, on the in-memory engine. */
@Deployment(
    resources = {
      "bpmn/YouthPathwayProcess.bpmn",
      "bpmn/DetectionQualificationDecision.dmn",
      "bpmn/OrientationDecision.dmn"
    })
class YouthPathwayProcessTest {
  static final String CASE = "2025-69-000001";
  static BpmnModelInstance model;

  /**
   * Not named camunda.cfg.xml: Camunda's static engine registry would build that engine inside the
   * Spring Boot integration tests too, and engine-rest would use it.
   */
  @RegisterExtension
  static ProcessEngineExtension extension =
      ProcessEngineExtension.builder()
          .configurationResource("camunda-process-test.cfg.xml")
          .build();

  ProcessEngine engine;
  PathwayTestSupport beans;

  @BeforeEach
  void setUp(ProcessEngine engine) throws Exception {
    this.engine = engine;
    init(engine);
    beans = new PathwayTestSupport(engine);
  }

  @AfterEach
  void resetMocks() {
    Mocks.reset();
  }

  /** Flow-node coverage of the pathway, written to target/ and held to 100 %. */
  @AfterAll
  static void flowNodeCoverage() throws Exception {
    model =
        Bpmn.readModelFromStream(
            YouthPathwayProcessTest.class.getResourceAsStream("/bpmn/YouthPathwayProcess.bpmn"));
    Set<String> PASSED = FlowNodeCoverage.passed("YouthPathwayProcess");
    Collection<FlowNode> nodes = model.getModelElementsByType(FlowNode.class);
    Set<String> all =
        nodes.stream().map(FlowNode::getId).collect(Collectors.toCollection(TreeSet::new));
    Set<String> missed = new TreeSet<>(all);
    missed.removeAll(PASSED);
    double coverage = 1.0 - (double) missed.size() / all.size();
    Path report = Path.of("target", "process-coverage", "YouthPathwayProcess.txt");
    Files.createDirectories(report.getParent());
    Files.writeString(
        report,
        String.format(
            "YouthPathwayProcess flow-node coverage: %.1f %% (%d of %d)%nNot passed: %s%n",
            coverage * 100, all.size() - missed.size(), all.size(), missed));
    System.out.printf(
        "YouthPathwayProcess flow-node coverage: %.1f %% (not passed: %s)%n",
        coverage * 100, missed);
    Assertions.assertThat(coverage).as("flow-node coverage, not passed: " + missed).isEqualTo(1.0);
  }

  // ---- helpers

  /**
   * The verdict of the one place that knows the bounds, for someone {@code age} years old today.
   */
  static fr.raccroche.pathway.Eligibility.AgeVerdict verdict(int age) {
    java.time.LocalDate today = java.time.LocalDate.now();
    return fr.raccroche.pathway.Eligibility.of(today.minusYears(age).minusDays(10), today);
  }

  static Map<String, Object> person(int age) {
    Map<String, Object> v = new HashMap<>();
    v.put("caseNumber", CASE);
    v.put("perimeterCode", "LYON");
    v.put("displayName", "Lina TESTEUSE");
    v.put("age", age);
    v.put("ageEligibility", verdict(age).name());
    v.put("birthDate", "01/01/2008");
    v.put("phone", "");
    v.put("email", "");
    v.put("address", "");
    v.put("legalGuardian", "");
    v.put("guardianPhone", "");
    v.put("establishmentName", "");
    v.put("lastTraining", "CAP cuisine");
    v.put("lastLevel", "CAP_BEP");
    v.put("leavingDate", "15/01/2026");
    v.put("leavingReason", "");
    v.put("sourceLabel", "Éducation nationale");
    v.put("justiceFollowUp", false);
    v.put("followedByPartnerCode", null);
    v.put("enrolledElsewhere", false);
    v.put("contactAttempts", 0);
    v.put("contactDueDate", new Date());
    return v;
  }

  ProcessInstance start(Map<String, Object> variables) {
    return runtimeService().startProcessInstanceByKey("YouthPathwayProcess", CASE, variables);
  }

  ProcessInstance start(int age) {
    return start(person(age));
  }

  Task task(ProcessInstance pi, String key) {
    return taskService()
        .createTaskQuery()
        .processInstanceId(pi.getId())
        .taskDefinitionKey(key)
        .singleResult();
  }

  void complete(ProcessInstance pi, String key, Object... keyValues) {
    Task t = task(pi, key);
    Assertions.assertThat(t).as("task " + key).isNotNull();
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      variables.put((String) keyValues[i], keyValues[i + 1]);
    }
    taskService().complete(t.getId(), variables);
  }

  Job timer(ProcessInstance pi, String activityId) {
    return managementService()
        .createJobQuery()
        .processInstanceId(pi.getId())
        .activityId(activityId)
        .singleResult();
  }

  void fire(ProcessInstance pi, String activityId) {
    Job job = timer(pi, activityId);
    assertThat(job).as("timer " + activityId).isNotNull();
    execute(job);
  }

  static String today() {
    return LocalDate.now().toString();
  }

  ProcessInstance reached(int age) {
    ProcessInstance pi = start(age);
    complete(pi, "Task_ContactYoungPerson", "contactOutcome", "REACHED", "contactDate", today());
    return pi;
  }

  ProcessInstance oriented(int age, String primaryNeed) {
    ProcessInstance pi = reached(age);
    complete(
        pi,
        "Task_AnalyseNeeds",
        "primaryNeed",
        primaryNeed,
        "otherNeeds",
        List.of("MOBILITY"),
        "projectDescription",
        "Cuisinier");
    complete(
        pi,
        "Task_RecognisePriorLearning",
        "priorLearningHighestLevel",
        "CAP_BEP",
        "priorLearningVaeEligible",
        "false");
    complete(pi, "Task_OrientToReferent", "referentPartnerCode", "ML-LYON");
    return pi;
  }

  ProcessInstance takenInCharge() {
    ProcessInstance pi = oriented(19, "TRAINING");
    complete(pi, "Task_AcceptOrientation", "orientationAccepted", "true");
    return pi;
  }

  // ---- qualification

  @Test
  void aYoungPersonInScopeIsToContactByThePerimetersCoordinators() {
    ProcessInstance pi = start(17);
    assertThat(pi).isWaitingAt("Task_ContactYoungPerson").hasVariables("qualification");
    assertThat(pi).variables().containsEntry("qualification", "TO_CONTACT");
    assertThat(task(pi, "Task_ContactYoungPerson"))
        .hasCandidateGroup("coord-LYON")
        .hasName("Contacter le jeune");
    verify(beans.records).status(CASE, CaseStatus.TO_CONTACT);
  }

  @Test
  void outOfScopeAgesCloseNotEligible() {
    ProcessInstance pi = start(27);
    assertThat(pi).isEnded().hasPassed("EndEvent_NotEligible");
    verify(beans.records).close(CASE, ClosureReason.NOT_ELIGIBLE);
  }

  @Test
  void aYoungPersonEnrolledElsewhereIsAFalseDetection() {
    Map<String, Object> v = person(17);
    v.put("enrolledElsewhere", true);
    ProcessInstance pi = start(v);
    assertThat(pi).isEnded().hasPassed("EndEvent_FalseDetection");
    verify(beans.records).close(CASE, ClosureReason.FALSE_DETECTION);
  }

  @Test
  void aYoungPersonAlreadyFollowedIsTakenInChargeByThatPartner() {
    Map<String, Object> v = person(19);
    v.put("followedByPartnerCode", "ML-LYON");
    beans.caseEntity.setFollowedByPartnerCode("ML-LYON");
    ProcessInstance pi = start(v);
    assertThat(pi)
        .hasPassed("ServiceTask_RecordAlreadyFollowed", "IntermediateThrowEvent_TakenInCharge")
        .hasNotPassed("Task_ContactYoungPerson", "SubProcess_Diagnosis")
        .isWaitingAt("Task_FollowUp", "Timer_OneYearCheck");
    assertThat(pi)
        .variables()
        .containsEntry("referentPartnerCode", "ML-LYON")
        .containsKey("oneYearCheckDate");
    verify(beans.access).grantCase(pi.getId(), "partner-ML-LYON");
    verify(beans.records)
        .milestone(
            eq(CASE),
            eq(Milestone.TAKEN_IN_CHARGE),
            any(),
            eq("ML-LYON"),
            isNull(),
            isNull(),
            isNull());
    assertThat(task(pi, "Task_FollowUp")).hasCandidateGroup("partner-ML-LYON");
  }

  // ---- contact

  @Test
  void theFirstSuccessfulContactIsAMilestoneAndSetsTheOneYearCheck() {
    ProcessInstance pi = start(18);
    String yesterday = LocalDate.now().minusDays(1).toString();
    complete(pi, "Task_ContactYoungPerson", "contactOutcome", "REACHED", "contactDate", yesterday);
    assertThat(pi)
        .hasPassed("EndEvent_ContactDone", "Gateway_ContactResult")
        .isWaitingAt("Task_AnalyseNeeds");
    verify(beans.records)
        .milestone(
            CASE, Milestone.FIRST_CONTACT, LocalDate.now().minusDays(1), null, null, null, null);
    assertThat(pi).variables().containsEntry("contactAttempts", 1).containsKey("oneYearCheckDate");
    Assertions.assertThat((String) runtimeService().getVariable(pi.getId(), "contactHistory"))
        .contains("jeune joint");
    Job oneYear = timer(pi, "Timer_OneYearCheck");
    Assertions.assertThat(oneYear.getDuedate())
        .isAfter(new Date(System.currentTimeMillis() + 360L * 24 * 3600 * 1000));
    assertThat(task(pi, "Task_AnalyseNeeds")).hasCandidateGroup("coord-LYON");
    verify(beans.records).status(CASE, CaseStatus.IN_DIAGNOSIS);
  }

  @Test
  void threeUnsuccessfulAttemptsAWeekApartThenOneLastTryThenUnreachable() {
    ProcessInstance pi = start(18);
    for (int attempt = 1; attempt <= 3; attempt++) {
      complete(pi, "Task_ContactYoungPerson", "contactOutcome", "NOT_REACHED");
      if (attempt < 3) {
        assertThat(pi).isWaitingAt("Timer_NextContactAttempt");
        fire(pi, "Timer_NextContactAttempt");
      }
    }
    assertThat(pi).hasPassed("ServiceTask_MarkUnreachable").isWaitingAt("Timer_LastContactAttempt");
    verify(beans.records).status(CASE, CaseStatus.UNREACHABLE);
    Assertions.assertThat((String) runtimeService().getVariable(pi.getId(), "contactHistory"))
        .contains("jeune non joint ;");
    fire(pi, "Timer_LastContactAttempt");
    complete(pi, "Task_ContactYoungPerson", "contactOutcome", "NOT_REACHED");
    assertThat(pi).isEnded().hasPassed("EndEvent_ContactFailed", "EndEvent_Unreachable");
    verify(beans.records).close(CASE, ClosureReason.UNREACHABLE);
    verify(beans.records, never())
        .milestone(eq(CASE), eq(Milestone.FIRST_CONTACT), any(), any(), any(), any(), any());
  }

  @Test
  void theLastTryMayStillReachTheYoungPerson() {
    ProcessInstance pi = start(18);
    for (int attempt = 1; attempt <= 3; attempt++) {
      complete(pi, "Task_ContactYoungPerson", "contactOutcome", "NOT_REACHED");
      if (attempt < 3) {
        fire(pi, "Timer_NextContactAttempt");
      }
    }
    fire(pi, "Timer_LastContactAttempt");
    complete(pi, "Task_ContactYoungPerson", "contactOutcome", "REACHED", "contactDate", today());
    assertThat(pi).isWaitingAt("Task_AnalyseNeeds");
  }

  @Test
  void aWeekWithoutAttemptRemindsTheCoordinatorAndKeepsTheTask() {
    ProcessInstance pi = start(18);
    fire(pi, "Timer_ContactReminder");
    assertThat(pi)
        .hasPassed("ServiceTask_RemindContact", "EndEvent_ContactReminded")
        .isWaitingAt("Task_ContactYoungPerson");
    Task t = task(pi, "Task_ContactYoungPerson");
    Assertions.assertThat(t.getPriority()).isEqualTo(SendReminderDelegate.REMINDER_PRIORITY);
    Assertions.assertThat(taskService().getTaskComments(t.getId()))
        .extracting(c -> c.getFullMessage())
        .contains("Relance automatique : tâche en attente.");
  }

  @Test
  void aRefusalAtContactClosesTheCaseRefused() {
    ProcessInstance pi = start(18);
    complete(pi, "Task_ContactYoungPerson", "contactOutcome", "REFUSED", "contactDate", today());
    assertThat(pi).isEnded().hasPassed("EndEvent_SupportRefusedAtContact");
    verify(beans.records).close(CASE, ClosureReason.REFUSED);
  }

  @Test
  void aYoungPersonAlreadyInSolutionClosesWithTheSolutionConfirmed() {
    ProcessInstance pi = start(18);
    complete(pi, "Task_ContactYoungPerson", "contactOutcome", "ALREADY_IN_SOLUTION");
    assertThat(pi).isEnded().hasPassed("EndEvent_AlreadyInSolution");
    verify(beans.records)
        .milestone(CASE, Milestone.IN_SOLUTION, LocalDate.now(), null, null, true, null);
    verify(beans.records).close(CASE, ClosureReason.SOLUTION_CONFIRMED);
  }

  // ---- bad input leaves the process where it was

  @Test
  void aContactWithoutOutcomeIsRefusedInFrench() {
    ProcessInstance pi = start(18);
    Task t = task(pi, "Task_ContactYoungPerson");
    assertThatThrownBy(() -> taskService().complete(t.getId()))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("Indiquez le résultat de la tentative de contact.");
    assertThat(pi).isWaitingAt("Task_ContactYoungPerson");
    Assertions.assertThat(runtimeService().getVariable(pi.getId(), "contactAttempts")).isEqualTo(0);
  }

  @Test
  void aContactDateInTheFutureIsRefused() {
    ProcessInstance pi = start(18);
    Task t = task(pi, "Task_ContactYoungPerson");
    String tomorrow = LocalDate.now().plusDays(1).toString();
    assertThatThrownBy(
            () ->
                taskService()
                    .complete(
                        t.getId(),
                        withVariables("contactOutcome", "REACHED", "contactDate", tomorrow)))
        .hasMessageContaining("ne peut pas être dans le futur");
    assertThatThrownBy(
            () ->
                taskService()
                    .complete(
                        t.getId(),
                        withVariables("contactOutcome", "REACHED", "contactDate", "12/13/2026")))
        .hasMessageContaining("Date invalide");
    assertThatThrownBy(
            () -> taskService().complete(t.getId(), withVariables("contactOutcome", "PEUT-ETRE")))
        .hasMessageContaining("Valeur inconnue");
    assertThat(pi).isWaitingAt("Task_ContactYoungPerson");
  }

  @Test
  void aMissingDateDefaultsToToday() {
    ProcessInstance pi = start(18);
    complete(pi, "Task_ContactYoungPerson", "contactOutcome", "REACHED");
    verify(beans.records)
        .milestone(CASE, Milestone.FIRST_CONTACT, LocalDate.now(), null, null, null, null);
  }

  @Test
  void needsAndPriorLearningNeedKnownCodes() {
    ProcessInstance pi = reached(18);
    Task needs = task(pi, "Task_AnalyseNeeds");
    assertThatThrownBy(() -> taskService().complete(needs.getId()))
        .hasMessageContaining("Indiquez le besoin principal.");
    assertThatThrownBy(
            () ->
                taskService()
                    .complete(
                        needs.getId(),
                        withVariables(
                            "primaryNeed",
                            "TRAINING",
                            "otherNeeds",
                            "[\"TRAINING\",\"VACANCES\"]")))
        .hasMessageContaining("Besoin inconnu : « VACANCES »");
    complete(pi, "Task_AnalyseNeeds", "primaryNeed", "TRAINING");
    Task prior = task(pi, "Task_RecognisePriorLearning");
    assertThatThrownBy(
            () ->
                taskService()
                    .complete(
                        prior.getId(), withVariables("priorLearningHighestLevel", "DOCTORAT")))
        .hasMessageContaining("Valeur inconnue pour le niveau le plus élevé atteint");
    assertThatThrownBy(
            () ->
                taskService()
                    .complete(
                        prior.getId(),
                        withVariables(
                            "priorLearningHighestLevel",
                            "LYCEE",
                            "priorLearningVaeEligible",
                            "peut-être")))
        .hasMessageContaining("Réponse oui/non attendue");
  }

  @Test
  void anOrientationToAPartnerOutsideThePerimeterIsRefused() {
    ProcessInstance pi = reached(18);
    complete(pi, "Task_AnalyseNeeds", "primaryNeed", "TRAINING");
    complete(pi, "Task_RecognisePriorLearning", "priorLearningHighestLevel", "LYCEE");
    Task orient = task(pi, "Task_OrientToReferent");
    assertThatThrownBy(
            () ->
                taskService()
                    .complete(orient.getId(), withVariables("referentPartnerCode", "ML-NORD")))
        .hasMessageContaining("n'existe pas ou n'intervient pas sur le périmètre LYON");
    // The recommended partner is preselected; a coordinator who clears the select sends nothing.
    assertThatThrownBy(
            () -> taskService().complete(orient.getId(), withVariables("referentPartnerCode", "")))
        .hasMessageContaining("Choisissez la structure référente.");
    assertThat(pi).isWaitingAt("Task_OrientToReferent");
  }

  @Test
  void aRefusedOrientationNeedsItsReasonAndASolutionNeedsItsTypeAndDate() {
    ProcessInstance pi = oriented(19, "TRAINING");
    Task accept = task(pi, "Task_AcceptOrientation");
    assertThatThrownBy(
            () ->
                taskService().complete(accept.getId(), withVariables("orientationAccepted", false)))
        .hasMessageContaining("Indiquez le motif du refus de l'orientation.");
    assertThatThrownBy(() -> taskService().complete(accept.getId()))
        .hasMessageContaining("accepte l'orientation");
    complete(pi, "Task_AcceptOrientation", "orientationAccepted", true);
    Task followUp = task(pi, "Task_FollowUp");
    assertThatThrownBy(
            () ->
                taskService().complete(followUp.getId(), withVariables("situation", "IN_SOLUTION")))
        .hasMessageContaining("Indiquez le type de solution.");
    assertThatThrownBy(
            () ->
                taskService()
                    .complete(
                        followUp.getId(),
                        withVariables("situation", "IN_SOLUTION", "solutionType", "EMPLOYMENT")))
        .hasMessageContaining("Indiquez la date de début de la solution.");
    assertThat(pi).isWaitingAt("Task_FollowUp");
  }

  // ---- diagnosis, orientation, follow-up, one-year check

  @Test
  void theWholePathwayToASolutionConfirmedAfterOneYear() {
    ProcessInstance pi = reached(19);
    complete(
        pi,
        "Task_AnalyseNeeds",
        "primaryNeed",
        "TRAINING",
        "otherNeeds",
        List.of("MOBILITY", "RESOURCES"),
        "projectDescription",
        "Devenir cuisinier");
    complete(
        pi,
        "Task_RecognisePriorLearning",
        "priorLearningHighestLevel",
        "CAP_BEP",
        "priorLearningUnitsPassed",
        "EP1",
        "priorLearningVaeEligible",
        true);
    assertThat(pi)
        .hasPassed("BusinessRuleTask_DecideOrientation", "ServiceTask_PreparePartnerOptions")
        .isWaitingAt("Task_OrientToReferent");
    assertThat(pi)
        .variables()
        .containsEntry("recommendedPartnerType", "MISSION_LOCALE")
        .containsEntry("recommendedPartnerTypeLabel", "Mission locale")
        .containsEntry("orientationPriority", "NORMAL");
    @SuppressWarnings("unchecked")
    List<Map<String, String>> options =
        (List<Map<String, String>>) runtimeService().getVariable(pi.getId(), "partnerOptions");
    Assertions.assertThat(options)
        .extracting(o -> o.get("value"))
        .containsExactly("ML-LYON", "CIO-LYON", "MLDS-69");
    Assertions.assertThat(options.get(0).get("label")).endsWith("recommandé");

    complete(pi, "Task_OrientToReferent", "referentPartnerCode", "ML-LYON");
    assertThat(task(pi, "Task_AcceptOrientation")).hasCandidateGroup("partner-ML-LYON");
    assertThat(pi).variables().containsEntry("referentPartnerName", "Mission locale de Lyon");
    verify(beans.access).grantCase(pi.getId(), "partner-ML-LYON");
    verify(beans.records).status(CASE, CaseStatus.ORIENTED);
    verify(beans.records)
        .milestone(
            eq(CASE), eq(Milestone.ORIENTED), any(), eq("ML-LYON"), isNull(), isNull(), isNull());

    complete(pi, "Task_AcceptOrientation", "orientationAccepted", "true");
    assertThat(pi)
        .hasPassed("EndEvent_OrientationAccepted", "IntermediateThrowEvent_TakenInCharge")
        .isWaitingAt("Task_FollowUp", "Timer_OneYearCheck");
    verify(beans.records).status(CASE, CaseStatus.TAKEN_IN_CHARGE);

    // The referent records a follow-up at once, then another: each opens the next one.
    complete(
        pi, "Task_FollowUp", "situation", "IN_PROGRESS", "followUpNotes", "Premier rendez-vous.");
    assertThat(pi).isWaitingAt("Task_FollowUp");
    assertThat(task(pi, "Task_FollowUp")).hasCandidateGroup("partner-ML-LYON");
    Assertions.assertThat(task(pi, "Task_FollowUp").getDueDate())
        .isAfter(new Date(System.currentTimeMillis() + 80L * 24 * 3600 * 1000));
    complete(
        pi,
        "Task_FollowUp",
        "situation",
        "IN_SOLUTION",
        "solutionType",
        "APPRENTICESHIP",
        "solutionStartDate",
        today());
    assertThat(pi).hasPassed("IntermediateThrowEvent_InSolution").isWaitingAt("Task_FollowUp");
    // The next follow-up form shows the earlier ones, newest first.
    String today =
        LocalDate.now().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    Assertions.assertThat((String) runtimeService().getVariable(pi.getId(), "followUpHistory"))
        .isEqualTo(
            today
                + " — En solution (Apprentissage)\n"
                + today
                + " — En cours d'accompagnement : Premier rendez-vous.");
    verify(beans.records).status(CASE, CaseStatus.IN_SOLUTION);
    verify(beans.records)
        .milestone(
            CASE,
            Milestone.IN_SOLUTION,
            LocalDate.now(),
            "ML-LYON",
            SolutionType.APPRENTICESHIP,
            true,
            null);

    fire(pi, "Timer_OneYearCheck");
    assertThat(pi).isWaitingAt("Task_CheckSolutionAfterOneYear");
    assertThat(task(pi, "Task_CheckSolutionAfterOneYear")).hasCandidateGroup("coord-LYON");
    complete(
        pi,
        "Task_CheckSolutionAfterOneYear",
        "inSolution",
        "true",
        "solutionType",
        "APPRENTICESHIP");
    assertThat(pi).isEnded().hasPassed("EndEvent_SolutionConfirmed");
    verify(beans.records)
        .milestone(
            CASE,
            Milestone.ONE_YEAR_CHECK,
            LocalDate.now(),
            "ML-LYON",
            SolutionType.APPRENTICESHIP,
            true,
            null);
    verify(beans.records).close(CASE, ClosureReason.SOLUTION_CONFIRMED);
  }

  @Test
  void noSolutionAfterOneYearClosesTheCaseSo() {
    ProcessInstance pi = reached(20);
    fire(pi, "Timer_OneYearCheck");
    complete(pi, "Task_CheckSolutionAfterOneYear", "inSolution", false);
    assertThat(pi).isEnded().hasPassed("EndEvent_NoSolutionAfterOneYear");
    verify(beans.records)
        .milestone(CASE, Milestone.ONE_YEAR_CHECK, LocalDate.now(), null, null, false, null);
    verify(beans.records).close(CASE, ClosureReason.NO_SOLUTION_AFTER_ONE_YEAR);
  }

  @Test
  void aRefusedOrientationGoesBackToTheCoordinatorAndThePartnerLosesAccess() {
    ProcessInstance pi = oriented(19, "TRAINING");
    complete(
        pi,
        "Task_AcceptOrientation",
        "orientationAccepted",
        "false",
        "refusalReason",
        "Plus de places");
    assertThat(pi)
        .hasPassed("ServiceTask_WithdrawOrientation")
        .isWaitingAt("Task_OrientToReferent");
    verify(beans.access).revokeCase(pi.getId(), "partner-ML-LYON");
    verify(beans.records).referent(CASE, null);
  }

  @Test
  void anUnansweredOrientationIsRemindedAfterTenDaysAndExpiresAfterThirty() {
    ProcessInstance pi = oriented(19, "TRAINING");
    fire(pi, "Timer_OrientationReminder");
    assertThat(pi)
        .hasPassed("ServiceTask_RemindPartner", "EndEvent_PartnerReminded")
        .isWaitingAt("Task_AcceptOrientation");
    Assertions.assertThat(task(pi, "Task_AcceptOrientation").getPriority())
        .isEqualTo(SendReminderDelegate.REMINDER_PRIORITY);
    fire(pi, "Timer_OrientationExpired");
    assertThat(pi)
        .hasPassed("ServiceTask_WithdrawOrientation")
        .isWaitingAt("Task_OrientToReferent");
    assertThat(task(pi, "Task_AcceptOrientation")).isNull();
  }

  @Test
  void aDropOutGoesBackToOrientation() {
    ProcessInstance pi = takenInCharge();
    complete(pi, "Task_FollowUp", "situation", "DROPPED_OUT");
    assertThat(pi).hasPassed("EndEvent_DroppedOut").isWaitingAt("Task_OrientToReferent");
    verify(beans.records, atLeastOnce()).status(CASE, CaseStatus.IN_DIAGNOSIS);
  }

  @Test
  void aFollowUpWithoutNewsForThreeMonthsIsRemindedToTheReferent() {
    ProcessInstance pi = takenInCharge();
    fire(pi, "Timer_FollowUpReminder");
    assertThat(pi)
        .hasPassed("ServiceTask_RemindReferent", "EndEvent_ReferentReminded")
        .isWaitingAt("Task_FollowUp");
    Assertions.assertThat(task(pi, "Task_FollowUp").getPriority())
        .isEqualTo(SendReminderDelegate.REMINDER_PRIORITY);
  }

  @Test
  void theOneYearCheckEndsTheSupportUnderWayWithItsOpenTasks() {
    ProcessInstance pi = takenInCharge();
    fire(pi, "Timer_OneYearCheck");
    assertThat(pi)
        .hasPassed("Gateway_SupportSplit", "EndEvent_OneYearReached")
        .isWaitingAt("Task_CheckSolutionAfterOneYear");
    assertThat(task(pi, "Task_FollowUp")).isNull();
    Assertions.assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).list())
        .as("no reminder left behind")
        .isEmpty();
  }

  @Test
  void thePriorLearningFormStartsWithTheLevelOfTheSourceList() {
    ProcessInstance pi = reached(19);
    complete(pi, "Task_AnalyseNeeds", "primaryNeed", "TRAINING");
    assertThat(pi).variables().containsEntry("priorLearningHighestLevel", "CAP_BEP");
    complete(pi, "Task_RecognisePriorLearning", "priorLearningHighestLevel", "LYCEE");
    assertThat(pi).variables().containsEntry("priorLearningHighestLevel", "LYCEE");
  }

  @Test
  void theRecommendedPartnerIsPreselectedButNotAgainAfterItsRefusal() {
    ProcessInstance pi = reached(19);
    complete(pi, "Task_AnalyseNeeds", "primaryNeed", "TRAINING");
    complete(pi, "Task_RecognisePriorLearning");
    assertThat(pi).variables().containsEntry("referentPartnerCode", "ML-LYON");
    @SuppressWarnings("unchecked")
    List<Map<String, String>> options =
        (List<Map<String, String>>) runtimeService().getVariable(pi.getId(), "partnerOptions");
    Assertions.assertThat(options)
        .extracting(o -> o.get("value") + "=" + o.get("recommended"))
        .containsExactly("ML-LYON=true", "CIO-LYON=false", "MLDS-69=false");
    complete(pi, "Task_OrientToReferent");
    complete(
        pi, "Task_AcceptOrientation", "orientationAccepted", false, "refusalReason", "Complet");
    assertThat(pi).isWaitingAt("Task_OrientToReferent");
    Assertions.assertThat(runtimeService().getVariable(pi.getId(), "referentPartnerCode")).isNull();
    assertThatThrownBy(() -> complete(pi, "Task_OrientToReferent"))
        .hasMessageContaining("Choisissez la structure référente.");
  }

  @Test
  void anOfferOfAnotherPartnerThanTheChosenOneIsRefused() {
    ProcessInstance pi = reached(19);
    complete(pi, "Task_AnalyseNeeds", "primaryNeed", "TRAINING");
    complete(pi, "Task_RecognisePriorLearning");
    runtimeService()
        .setVariable(
            pi.getId(),
            "offerOptions",
            org.camunda.bpm.engine.variable.Variables.objectValue(
                    List.of(
                        Map.of("label", "Bilan — CIO", "value", "7", "partner", "CIO-LYON"),
                        Map.of(
                            "label", "Garantie jeunes — ML", "value", "8", "partner", "ML-LYON")))
                .serializationDataFormat("application/json")
                .create());
    assertThatThrownBy(
            () ->
                complete(
                    pi,
                    "Task_OrientToReferent",
                    "referentPartnerCode",
                    "ML-LYON",
                    "chosenOfferId",
                    "7"))
        .hasMessageContaining("ne fait pas partie des offres proposées pour la structure choisie");
    complete(pi, "Task_OrientToReferent", "referentPartnerCode", "ML-LYON", "chosenOfferId", "8");
    assertThat(pi).isWaitingAt("Task_AcceptOrientation");
  }

  @Test
  void implausibleDatesAreRefusedInFrench() {
    beans.caseEntity.setDetectedOn(LocalDate.now().minusDays(10));
    beans.caseEntity.setLeavingDate(LocalDate.now().minusMonths(2));
    ProcessInstance pi = start(19);
    // 04/12 read as 12 April: before the detection.
    String beforeDetection = LocalDate.now().minusDays(11).toString();
    assertThatThrownBy(
            () ->
                complete(
                    pi,
                    "Task_ContactYoungPerson",
                    "contactOutcome",
                    "REACHED",
                    "contactDate",
                    beforeDetection))
        .hasMessageContaining("précède le repérage du jeune");
    assertThat(pi).isWaitingAt("Task_ContactYoungPerson");
    complete(pi, "Task_ContactYoungPerson", "contactOutcome", "REACHED", "contactDate", today());

    complete(pi, "Task_AnalyseNeeds", "primaryNeed", "TRAINING");
    complete(pi, "Task_RecognisePriorLearning");
    complete(pi, "Task_OrientToReferent", "referentPartnerCode", "ML-LYON");
    complete(pi, "Task_AcceptOrientation", "orientationAccepted", true);
    String beforeLeaving = LocalDate.now().minusMonths(3).toString();
    assertThatThrownBy(
            () ->
                complete(
                    pi,
                    "Task_FollowUp",
                    "situation",
                    "IN_SOLUTION",
                    "solutionType",
                    "EMPLOYMENT",
                    "solutionStartDate",
                    beforeLeaving))
        .hasMessageContaining("précède la sortie de formation du jeune");
    assertThat(pi).isWaitingAt("Task_FollowUp");
  }

  @Test
  void minorsAreRecommendedTheMldsWithHighPriority() {
    ProcessInstance pi = reached(17);
    complete(pi, "Task_AnalyseNeeds", "primaryNeed", "TRAINING");
    complete(pi, "Task_RecognisePriorLearning", "priorLearningHighestLevel", "COLLEGE");
    assertThat(pi)
        .variables()
        .containsEntry("recommendedPartnerType", "MLDS")
        .containsEntry("orientationPriority", "HIGH");
  }

  // ---- events at any time

  @Test
  void reEnrolmentClosesReturnedToTraining() {
    ProcessInstance pi = reached(18);
    runtimeService()
        .createMessageCorrelation("Msg_YoungPersonReEnrolled")
        .processInstanceBusinessKey(CASE)
        .setVariable("reEnrolmentClosure", "RETURNED_TO_TRAINING")
        .correlate();
    assertThat(pi).isEnded().hasPassed("EndEvent_ReturnedToTraining");
    verify(beans.records).close(CASE, ClosureReason.RETURNED_TO_TRAINING);
  }

  @Test
  void anEnrolmentOlderThanTheLeavingIsAFalseDetection() {
    ProcessInstance pi = start(18);
    runtimeService()
        .createMessageCorrelation("Msg_YoungPersonReEnrolled")
        .processInstanceBusinessKey(CASE)
        .setVariable("reEnrolmentClosure", "FALSE_DETECTION")
        .correlate();
    assertThat(pi).isEnded().hasPassed("EndEvent_FalseDetectionOnReEnrolment");
    verify(beans.records).close(CASE, ClosureReason.FALSE_DETECTION);
  }

  @Test
  void aMoveToAnotherPerimeterTransfersTheCaseAndItsOpenTasks() {
    ProcessInstance pi = start(18);
    String taskId = task(pi, "Task_ContactYoungPerson").getId();
    taskService().claim(taskId, "coord.lyon");
    runtimeService()
        .createMessageCorrelation("Msg_YoungPersonMovedAway")
        .processInstanceBusinessKey(CASE)
        .setVariable("newPerimeterCode", "EST")
        .correlate();
    assertThat(pi)
        .isActive()
        .hasPassed("ServiceTask_TransferCase", "EndEvent_CaseTransferred")
        .isWaitingAt("Task_ContactYoungPerson");
    Task moved = task(pi, "Task_ContactYoungPerson");
    Assertions.assertThat(moved.getId()).isEqualTo(taskId);
    assertThat(moved).hasCandidateGroup("coord-EST").isNotAssigned();
    Assertions.assertThat(
            taskService()
                .createTaskQuery()
                .taskCandidateGroup("coord-LYON")
                .processInstanceId(pi.getId())
                .count())
        .isZero();
    assertThat(pi).variables().containsEntry("perimeterCode", "EST");
    verify(beans.access).grantCase(pi.getId(), "coord-EST");
    verify(beans.access).revokeCase(pi.getId(), "coord-LYON");
    verify(beans.records).perimeter(CASE, "EST");
    // Tasks created later go to the new perimeter too.
    complete(pi, "Task_ContactYoungPerson", "contactOutcome", "REACHED", "contactDate", today());
    assertThat(task(pi, "Task_AnalyseNeeds")).hasCandidateGroup("coord-EST");
  }

  @Test
  void aMoveDuringTheOrientationOffersTheNewPerimetersPartners() {
    ProcessInstance pi = reached(19);
    complete(pi, "Task_AnalyseNeeds", "primaryNeed", "TRAINING");
    complete(pi, "Task_RecognisePriorLearning", "priorLearningHighestLevel", "LYCEE");
    runtimeService()
        .createMessageCorrelation("Msg_YoungPersonMovedAway")
        .processInstanceBusinessKey(CASE)
        .setVariable("newPerimeterCode", "EST")
        .correlate();
    assertThat(task(pi, "Task_OrientToReferent")).hasCandidateGroup("coord-EST");
    @SuppressWarnings("unchecked")
    List<Map<String, String>> options =
        (List<Map<String, String>>) runtimeService().getVariable(pi.getId(), "partnerOptions");
    Assertions.assertThat(options).extracting(o -> o.get("value")).containsExactly("MLDS-69");
  }

  @Test
  void leavingTheDepartementClosesTransferred() {
    ProcessInstance pi = takenInCharge();
    runtimeService().correlateMessage("Msg_YoungPersonLeftDepartement", CASE);
    assertThat(pi).isEnded().hasPassed("EndEvent_TransferredOut");
    verify(beans.records).close(CASE, ClosureReason.TRANSFERRED);
  }

  @Test
  void aRefusalAtAnyTimeClosesRefused() {
    ProcessInstance pi = oriented(19, "EMPLOYMENT");
    runtimeService().correlateMessage("Msg_SupportRefused", CASE);
    assertThat(pi).isEnded().hasPassed("EndEvent_SupportRefused");
    verify(beans.records).close(CASE, ClosureReason.REFUSED);
  }

  @Test
  void aWithdrawalClosesWithdrawn() {
    ProcessInstance pi = start(18);
    runtimeService()
        .createMessageCorrelation("Msg_CaseWithdrawn")
        .processInstanceBusinessKey(CASE)
        .setVariable("withdrawalReason", "Opposition")
        .correlate();
    assertThat(pi).isEnded().hasPassed("EndEvent_Withdrawn");
    verify(beans.records).close(CASE, ClosureReason.WITHDRAWN);
  }
}
