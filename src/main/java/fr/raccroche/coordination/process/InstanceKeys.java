package fr.raccroche.coordination.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * What a coordination instance is about, from its business key ({@code
 * diagnostic-<perimeter>-<school year>}, {@code projet-<id>}, {@code offre-<id>}), set when the
 * application started it. A task worker can write process variables, not the business key: the
 * delegates read the subject of the instance here, never from a variable (docs/security.md, R1).
 */
final class InstanceKeys {
  private static final String DIAGNOSIS = "diagnostic-";
  private static final String PROJECT = "projet-";
  private static final String OFFER = "offre-";
  // "2025-2026"
  private static final int SCHOOL_YEAR_LENGTH = 9;

  private InstanceKeys() {}

  static String diagnosisPerimeter(DelegateExecution execution) {
    String key = key(execution, DIAGNOSIS);
    return key.substring(DIAGNOSIS.length(), key.length() - SCHOOL_YEAR_LENGTH - 1);
  }

  static String diagnosisSchoolYear(DelegateExecution execution) {
    String key = key(execution, DIAGNOSIS);
    return key.substring(key.length() - SCHOOL_YEAR_LENGTH);
  }

  static long projectId(DelegateExecution execution) {
    return Long.parseLong(key(execution, PROJECT).substring(PROJECT.length()));
  }

  static long offerId(DelegateExecution execution) {
    return Long.parseLong(key(execution, OFFER).substring(OFFER.length()));
  }

  private static String key(DelegateExecution execution, String prefix) {
    String key = execution.getProcessBusinessKey();
    if (key == null || !key.startsWith(prefix)) {
      throw new IllegalStateException(
          "Instance " + execution.getProcessInstanceId() + " has no " + prefix + " business key");
    }
    return key;
  }
}
