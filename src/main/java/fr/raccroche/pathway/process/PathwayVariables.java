package fr.raccroche.pathway.process;

/** Names of the YouthPathwayProcess variables (a public contract: docs/pathway-variables.md). */
public final class PathwayVariables {
  public static final String PROCESS_KEY = "YouthPathwayProcess";

  /** The process that retries a pathway whose start failed (its business key: the case number). */
  public static final String RECOVERY_PROCESS_KEY = "PathwayStartRecoveryProcess";

  /** PathwayStartRecoveryProcess: why the start failed, in French (no personal data). */
  public static final String START_FAILURE = "startFailure";

  public static final String CASE_NUMBER = "caseNumber";
  public static final String PERIMETER_CODE = "perimeterCode";
  public static final String DISPLAY_NAME = "displayName";

  /**
   * What the forms show of the young person (an object, JSON): the keys below from {@link
   * #BIRTH_DATE} to {@link #SOURCE_LABEL}. A copy of the case record, never in Camunda's history.
   */
  public static final String YOUNG_PERSON = "youngPerson";

  /**
   * Folded first and last names ("rayan lefevre rayan": either order matches), for the search by
   * name above Tasklist's list. Personal data: no history ({@code
   * raccroche.privacy.variables-without-history}). The process variable {@link #BIRTH_DATE}
   * ("dd/MM/yyyy") is shown on the task cards, with no history either.
   */
  public static final String SEARCH_NAME = "searchName";

  public static final String AGE = "age";

  /**
   * The verdict of {@code Eligibility} on the age at detection (the qualification decision reads
   * it).
   */
  public static final String AGE_ELIGIBILITY = "ageEligibility";

  public static final String BIRTH_DATE = "birthDate";
  public static final String PHONE = "phone";
  public static final String EMAIL = "email";
  public static final String ADDRESS = "address";
  public static final String LEGAL_GUARDIAN = "legalGuardian";
  public static final String GUARDIAN_PHONE = "guardianPhone";
  public static final String ESTABLISHMENT_NAME = "establishmentName";
  public static final String LAST_TRAINING = "lastTraining";
  public static final String LAST_LEVEL = "lastLevel";
  public static final String LEAVING_DATE = "leavingDate";
  public static final String LEAVING_REASON = "leavingReason";
  public static final String SOURCE_LABEL = "sourceLabel";
  public static final String JUSTICE_FOLLOW_UP = "justiceFollowUp";
  public static final String FOLLOWED_BY_PARTNER_CODE = "followedByPartnerCode";
  public static final String ENROLLED_ELSEWHERE = "enrolledElsewhere";
  public static final String CONTACT_DUE_DATE = "contactDueDate";

  public static final String QUALIFICATION = "qualification";
  public static final String RECOMMENDED_PARTNER_TYPE = "recommendedPartnerType";
  public static final String RECOMMENDED_PARTNER_TYPE_LABEL = "recommendedPartnerTypeLabel";
  public static final String ORIENTATION_PRIORITY = "orientationPriority";
  public static final String ORIENTATION_DECISION = "orientationDecision";

  public static final String CONTACT_OUTCOME = "contactOutcome";
  public static final String CONTACT_DATE = "contactDate";
  public static final String CONTACT_NOTES = "contactNotes";
  public static final String CONTACT_ATTEMPTS = "contactAttempts";
  public static final String CONTACT_HISTORY = "contactHistory";
  // The contact form's optional message (queued by TaskInputValidation, then removed).
  public static final String MESSAGE_CHANNEL = "messageChannel";
  public static final String MESSAGE_TEMPLATE = "messageTemplate";
  public static final String MESSAGE_RECIPIENT = "messageRecipient";
  public static final String MESSAGE_TEXT = "messageText";
  public static final String ONE_YEAR_CHECK_DATE = "oneYearCheckDate";

  public static final String PRIMARY_NEED = "primaryNeed";
  public static final String OTHER_NEEDS = "otherNeeds";
  public static final String PROJECT_DESCRIPTION = "projectDescription";
  public static final String CONSTRAINTS = "constraints";

  public static final String PRIOR_LEARNING_HIGHEST_LEVEL = "priorLearningHighestLevel";

  public static final String PARTNER_OPTIONS = "partnerOptions";
  public static final String OFFER_OPTIONS = "offerOptions";
  public static final String CHOSEN_OFFER_ID = "chosenOfferId";
  public static final String REFERENT_PARTNER_CODE = "referentPartnerCode";
  public static final String REFERENT_PARTNER_NAME = "referentPartnerName";
  public static final String ORIENTATION_ACCEPTED = "orientationAccepted";
  public static final String REFUSAL_REASON = "refusalReason";

  public static final String SITUATION = "situation";
  public static final String SOLUTION_TYPE = "solutionType";
  public static final String SOLUTION_START_DATE = "solutionStartDate";
  public static final String FOLLOW_UP_NOTES = "followUpNotes";

  /**
   * The earlier follow-ups, newest first, as shown to the referent ("04/12/2026 — En cours : …").
   */
  public static final String FOLLOW_UP_HISTORY = "followUpHistory";

  public static final String IN_SOLUTION = "inSolution";

  public static final String RE_ENROLMENT_CLOSURE = "reEnrolmentClosure";
  public static final String NEW_PERIMETER_CODE = "newPerimeterCode";
  public static final String WITHDRAWAL_REASON = "withdrawalReason";

  public static final String MSG_RE_ENROLLED = "Msg_YoungPersonReEnrolled";
  public static final String MSG_MOVED_AWAY = "Msg_YoungPersonMovedAway";
  public static final String MSG_LEFT_DEPARTEMENT = "Msg_YoungPersonLeftDepartement";
  public static final String MSG_SUPPORT_REFUSED = "Msg_SupportRefused";
  public static final String MSG_WITHDRAWN = "Msg_CaseWithdrawn";

  public static final String TASK_CONTACT = "Task_ContactYoungPerson";
  public static final String TASK_ANALYSE_NEEDS = "Task_AnalyseNeeds";
  public static final String TASK_PRIOR_LEARNING = "Task_RecognisePriorLearning";
  public static final String TASK_ORIENT = "Task_OrientToReferent";
  public static final String TASK_ACCEPT = "Task_AcceptOrientation";
  public static final String TASK_FOLLOW_UP = "Task_FollowUp";
  public static final String TASK_ONE_YEAR_CHECK = "Task_CheckSolutionAfterOneYear";

  private PathwayVariables() {}
}
