package fr.raccroche.pathway.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every rule of DetectionQualificationDecision and OrientationDecision, on the DMN engine alone.
 */
class PathwayDecisionsProcessTest {
  static DmnEngine dmn;
  static DmnDecision qualification;
  static DmnDecision orientation;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in =
        PathwayDecisionsProcessTest.class.getResourceAsStream(
            "/bpmn/DetectionQualificationDecision.dmn")) {
      qualification = dmn.parseDecision("DetectionQualificationDecision", in);
    }
    try (InputStream in =
        PathwayDecisionsProcessTest.class.getResourceAsStream("/bpmn/OrientationDecision.dmn")) {
      orientation = dmn.parseDecision("OrientationDecision", in);
    }
  }

  static String qualify(boolean enrolledElsewhere, int age, String followedBy) {
    Map<String, Object> v = new HashMap<>();
    v.put("enrolledElsewhere", enrolledElsewhere);
    // The decision reads the verdict of Eligibility (the one place with the bounds), as the
    // pathway's start variables give it.
    v.put("ageEligibility", YouthPathwayProcessTest.verdict(age).name());
    v.put("followedByPartnerCode", followedBy);
    return dmn.evaluateDecision(qualification, v).getSingleResult().getSingleEntry();
  }

  @ParameterizedTest(name = "enrolled={0} age={1} followedBy={2} → {3}")
  @CsvSource(
      nullValues = "null",
      value = {
        "true, 17, null, FALSE_DETECTION",
        "true, 17, ML-LYON, FALSE_DETECTION",
        "false, 15, null, NOT_ELIGIBLE",
        "false, 26, null, NOT_ELIGIBLE",
        "false, 26, ML-LYON, NOT_ELIGIBLE",
        "false, 19, ML-LYON, ALREADY_FOLLOWED",
        "false, 16, null, TO_CONTACT",
        "false, 25, null, TO_CONTACT",
        "false, 31, null, NOT_ELIGIBLE"
      })
  void qualifiesTheDetection(boolean enrolled, int age, String followedBy, String expected) {
    assertThat(qualify(enrolled, age, followedBy)).isEqualTo(expected);
  }

  static DmnDecisionResultEntries orient(boolean justice, int age, String need, String level) {
    Map<String, Object> v = new HashMap<>();
    v.put("justiceFollowUp", justice);
    v.put("age", age);
    v.put("primaryNeed", need);
    v.put("priorLearningHighestLevel", level);
    return dmn.evaluateDecision(orientation, v).getSingleResult();
  }

  @ParameterizedTest(name = "justice={0} age={1} need={2} level={3} → {4} {5}")
  @CsvSource({
    "true, 19, EMPLOYMENT, LYCEE, PJJ, HIGH",
    "false, 17, TRAINING, COLLEGE, MLDS, HIGH",
    "false, 16, APPRENTICESHIP, CAP_BEP, MLDS, HIGH",
    "false, 17, HOUSING, LYCEE, MISSION_LOCALE, HIGH",
    "false, 19, APPRENTICESHIP, COLLEGE, CFA, NORMAL",
    "false, 19, GUIDANCE, LYCEE, CIO, NORMAL",
    "false, 22, GUIDANCE, LYCEE, MISSION_LOCALE, NORMAL",
    "false, 19, TRAINING, COLLEGE, E2C, NORMAL",
    "false, 19, TRAINING, UNKNOWN, E2C, NORMAL",
    "false, 19, TRAINING, LYCEE, MISSION_LOCALE, NORMAL",
    "false, 20, EMPLOYMENT, CAP_BEP, FRANCE_TRAVAIL, NORMAL",
    "false, 20, LEGAL_JUSTICE, CAP_BEP, PJJ, HIGH",
    "false, 20, HEALTH, CAP_BEP, MISSION_LOCALE, HIGH",
    "false, 20, MOBILITY, CAP_BEP, MISSION_LOCALE, HIGH"
  })
  void recommendsAPartnerType(
      boolean justice, int age, String need, String level, String type, String priority) {
    DmnDecisionResultEntries result = orient(justice, age, need, level);
    assertThat((String) result.getEntry("recommendedPartnerType")).isEqualTo(type);
    assertThat((String) result.getEntry("orientationPriority")).isEqualTo(priority);
  }

  @Test
  void everyOrientationRuleIsReachable() {
    // The default rule: a need outside every other rule.
    Map<String, Object> v = new HashMap<>();
    v.put("justiceFollowUp", false);
    v.put("age", 22);
    v.put("primaryNeed", null);
    v.put("priorLearningHighestLevel", "LYCEE");
    DmnDecisionResultEntries result = dmn.evaluateDecision(orientation, v).getSingleResult();
    assertThat((String) result.getEntry("recommendedPartnerType")).isEqualTo("MISSION_LOCALE");
    assertThat((String) result.getEntry("orientationPriority")).isEqualTo("NORMAL");
  }
}
