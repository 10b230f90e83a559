package fr.raccroche.detection.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.raccroche.pathway.SchoolLevel;
import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Levels as schools, CFA, agricultural schools and Missions locales write them. */
class LevelReaderTest {

  @ParameterizedTest(name = "« {0} » → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // collège
        "3e | COLLEGE",
        "3ème | COLLEGE",
        "3eme | COLLEGE",
        "Troisième | COLLEGE",
        "3e prépa-métiers | COLLEGE",
        "3e SEGPA | COLLEGE",
        "4ème | COLLEGE",
        "Collège | COLLEGE",
        "ULIS collège | COLLEGE",
        "niveau VI | COLLEGE",
        "Vbis | COLLEGE",
        "V bis | COLLEGE",
        "10310019110 | COLLEGE",
        // CAP / BEP
        "CAP | CAP_BEP",
        "CAP 1re année | CAP_BEP",
        "CAP 2e année | CAP_BEP",
        "1CAP2 | CAP_BEP",
        "2CAP2 | CAP_BEP",
        "1ère année de CAP | CAP_BEP",
        "Terminale CAP | CAP_BEP",
        "BEP | CAP_BEP",
        "CAPa Jardinier paysagiste | CAP_BEP",
        "3 | CAP_BEP",
        "Niveau 3 | CAP_BEP",
        "V | CAP_BEP",
        "Niveau V | CAP_BEP",
        "50025003310 | CAP_BEP",
        "MEF 50025003310 | CAP_BEP",
        "50022606 | CAP_BEP",
        // lycée
        "2nde | LYCEE",
        "2de | LYCEE",
        "Seconde | LYCEE",
        "2nde GT | LYCEE",
        "2nde pro Métiers de la relation client | LYCEE",
        "1re | LYCEE",
        "1ère | LYCEE",
        "Première | LYCEE",
        "1re STMG | LYCEE",
        "Tle | LYCEE",
        "Term. pro | LYCEE",
        "Terminale | LYCEE",
        "Bac pro | LYCEE",
        "Bac pro 1re année | LYCEE",
        "Niveau bac | LYCEE",
        "Niveau 4 | LYCEE",
        "niveau IV | LYCEE",
        "4 | LYCEE",
        "IV | LYCEE",
        "24724213310 | LYCEE",
        "40025214 | LYCEE",
        // supérieur
        "BTS 1re année | HIGHER",
        "BTS MCO | HIGHER",
        "DUT | HIGHER",
        "Licence 1 | HIGHER",
        "L1 | HIGHER",
        "Université | HIGHER",
        "Bac+2 | HIGHER",
        "bac + 1 | HIGHER",
        "Niveau 5 | HIGHER",
        "III | HIGHER",
        "32031213210 | HIGHER",
        // unknown
        "Sans objet | UNKNOWN",
        "? | UNKNOWN",
        "Prépa | UNKNOWN"
      })
  void readsTheLevelAsWritten(String written, SchoolLevel expected) {
    assertThat(LevelReader.read(written)).isEqualTo(expected);
  }

  @Test
  void blankIsUnknown() {
    assertThat(LevelReader.read(null)).isEqualTo(SchoolLevel.UNKNOWN);
    assertThat(LevelReader.read("  ")).isEqualTo(SchoolLevel.UNKNOWN);
  }

  @Test
  void importedLevelsReachTheCaseAsTheirSchoolLevel() {
    // ImportProcessor.level is what a new case's lastLevel is made of.
    assertThat(LeaverRows.level("Tle")).isEqualTo(SchoolLevel.LYCEE);
    assertThat(LeaverRows.level("1CAP2")).isEqualTo(SchoolLevel.CAP_BEP);
  }

  /**
   * The case: "Tle", "2nde" or "niveau 4" read as UNKNOWN made OrientationDecision
   * recommend an E2C (the rule for young people with a low level) for a training need; read right,
   * a 19-year-old who reached terminale with a training need goes to the Mission locale, and one
   * who left in 3e still to the E2C.
   */
  @Test
  void theOrientationDecisionGetsTheLevelReadFromTheList() throws Exception {
    DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    DmnDecision orientation;
    try (InputStream in = getClass().getResourceAsStream("/bpmn/OrientationDecision.dmn")) {
      orientation = dmn.parseDecision("OrientationDecision", in);
    }
    for (String written : new String[] {"Tle", "2nde", "niveau 4", "1re pro", "Terminale"}) {
      assertThat(recommend(dmn, orientation, written)).as(written).isEqualTo("MISSION_LOCALE");
    }
    assertThat(recommend(dmn, orientation, "3e")).isEqualTo("E2C");
    assertThat(recommend(dmn, orientation, "Sans objet")).isEqualTo("E2C");
  }

  private static String recommend(DmnEngine dmn, DmnDecision decision, String writtenLevel) {
    Map<String, Object> v =
        new java.util.HashMap<>(
            Map.of(
                "justiceFollowUp",
                false,
                "age",
                19,
                "primaryNeed",
                "TRAINING",
                "priorLearningHighestLevel",
                LevelReader.read(writtenLevel).name()));
    return dmn.evaluateDecision(decision, v)
        .getFirstResult()
        .getEntry("recommendedPartnerType")
        .toString();
  }
}
