package fr.raccroche.pathway.process;

import static fr.raccroche.pathway.process.PathwayVariables.*;

import fr.raccroche.pathway.CaseNumbers;
import fr.raccroche.pathway.CaseOrigin;
import fr.raccroche.pathway.Eligibility;
import fr.raccroche.pathway.Names;
import fr.raccroche.pathway.internal.SupportCaseEntity;
import fr.raccroche.pathway.internal.YoungPersonEntity;
import fr.raccroche.security.CaseAccessService;
import fr.raccroche.shared.Departement;
import fr.raccroche.shared.MarkdownText;
import fr.raccroche.territory.Establishment;
import fr.raccroche.territory.TerritoryCodes;
import fr.raccroche.territory.TerritoryService;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Starts {@code YouthPathwayProcess} instances for registered cases, in the caller's transaction:
 * the business key is the case number, the perimeter's coordinators are granted the instance, and
 * the case record learns its instance. Several starts run as one engine command ({@link
 * EngineBatch}). Whether a start may fail without stopping others is the caller's business ({@code
 * PathwayStarts}): here a failure is thrown, never caught.
 */
@Component
public class PathwayEngine {
  private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final RuntimeService runtime;
  private final CaseAccessService access;
  private final TerritoryService territory;
  private final PathwayDelays delays;
  private final EngineBatch engineBatch;

  PathwayEngine(
      RuntimeService runtime,
      CaseAccessService access,
      TerritoryService territory,
      PathwayDelays delays,
      EngineBatch engineBatch) {
    this.runtime = runtime;
    this.access = access;
    this.territory = territory;
    this.delays = delays;
    this.engineBatch = engineBatch;
  }

  /** A case and its person, to start. */
  public record Start(SupportCaseEntity supportCase, YoungPersonEntity person) {}

  /** Starts these pathways in one engine command, in the caller's transaction. */
  public void start(List<Start> starts) {
    if (starts.isEmpty()) {
      return;
    }
    // The establishments' names, read once (a UAI nobody registered simply is not found).
    Map<String, Establishment> establishments =
        territory.findEstablishments(
            starts.stream()
                .map(s -> s.supportCase().getUai())
                .filter(uai -> uai != null)
                .distinct()
                .toList());
    // A system act decided by the intake: not checked against the rights of whoever is signed in
    // on this thread (a coordinator whose review outcome starts a pathway after its commit).
    engineBatch.run(
        () ->
            WithoutAuthorization.run(
                () -> {
                  for (Start s : starts) {
                    start(s.supportCase(), s.person(), establishments);
                  }
                }));
  }

  /**
   * {@link #start} for {@code PathwayStartRecoveryProcess}'s job: a failure is thrown again as a
   * {@link PathwayStartException} carrying only {@code reason}'s French text (no cause: its message
   * may quote personal data, and Camunda keeps and logs a failed job's exception). Nothing is
   * swallowed: the job's transaction rolls back and the engine counts the retry down.
   */
  public void startTranslatingFailures(
      List<Start> starts, java.util.function.Function<Throwable, String> reason) {
    try {
      start(starts);
    } catch (RuntimeException e) {
      throw new PathwayStartException(reason.apply(e));
    }
  }

  /**
   * Opens the {@code PathwayStartRecoveryProcess} of a case whose pathway could not start, unless
   * one already runs: its job tries again later and, once its retries are spent, becomes an
   * incident that supervisors see in Cockpit and retry.
   */
  public void openRecovery(String caseNumber, String reason) {
    engineBatch.run(
        () ->
            WithoutAuthorization.run(
                () -> {
                  long running =
                      runtime
                          .createProcessInstanceQuery()
                          .processDefinitionKey(RECOVERY_PROCESS_KEY)
                          .processInstanceBusinessKey(caseNumber)
                          .count();
                  if (running == 0) {
                    runtime
                        .createProcessInstanceByKey(RECOVERY_PROCESS_KEY)
                        .businessKey(caseNumber)
                        .setVariable(START_FAILURE, reason)
                        .setVariable(Departement.VARIABLE, CaseNumbers.departementOf(caseNumber))
                        .execute();
                  }
                }));
  }

  private void start(
      SupportCaseEntity c, YoungPersonEntity person, Map<String, Establishment> establishments) {
    ProcessInstance instance =
        runtime
            .createProcessInstanceByKey(PROCESS_KEY)
            .businessKey(c.getCaseNumber())
            .setVariables(startVariables(c, person, establishments))
            .execute();
    c.setProcessInstanceId(instance.getId());
    c.setStartFailure(null, null);
    access.grantNewCase(instance.getId(), TerritoryCodes.coordinatorGroup(c.getPerimeterCode()));
  }

  /**
   * The pathway's variables at its start: what its expressions, decisions and Tasklist's columns
   * need, and one {@code youngPerson} object (JSON) with what the forms show of the young person.
   * Few variables make a lean start (each is a row, and at full history two more); the person's
   * details, a copy of the case record, are kept out of Camunda's history (see {@code
   * raccroche.privacy.variables-without-history}).
   */
  private Map<String, Object> startVariables(
      SupportCaseEntity c, YoungPersonEntity p, Map<String, Establishment> establishments) {
    Map<String, Object> v = new HashMap<>();
    v.put(CASE_NUMBER, c.getCaseNumber());
    v.put(Departement.VARIABLE, c.getDepartement()); // the instance's tenant
    v.put(PERIMETER_CODE, c.getPerimeterCode());
    v.put(DISPLAY_NAME, p.getFirstName() + " " + p.getLastName().toUpperCase(Locale.FRENCH));
    // Tasklist's cards and its search by name (runtime only, no history).
    v.put(BIRTH_DATE, p.getBirthDate().format(FRENCH_DATE));
    v.put(
        SEARCH_NAME,
        Names.fold(p.getFirstName())
            + " "
            + Names.fold(p.getLastName())
            + " "
            + Names.fold(p.getFirstName()));
    v.put(AGE, Eligibility.age(p.getBirthDate(), c.getDetectedOn()));
    v.put(AGE_ELIGIBILITY, Eligibility.of(p.getBirthDate(), c.getDetectedOn()).name());
    v.put(LAST_LEVEL, c.getLastLevel().name());
    v.put(JUSTICE_FOLLOW_UP, c.isJusticeFollowUp());
    v.put(FOLLOWED_BY_PARTNER_CODE, c.getFollowedByPartnerCode());
    v.put(ENROLLED_ELSEWHERE, c.isEnrolledElsewhere());
    String dueIn =
        c.getOrigin() == CaseOrigin.SELF_REFERRAL
            ? delays.getSelfReferralInterviewDue()
            : delays.getContactReminder();
    v.put(CONTACT_DUE_DATE, delays.after(toDate(c.getDetectedOn()), dueIn));
    Map<String, String> person = new LinkedHashMap<>();
    person.put(BIRTH_DATE, p.getBirthDate().format(FRENCH_DATE));
    person.put(PHONE, nullToEmpty(p.getPhone()));
    person.put(EMAIL, nullToEmpty(p.getEmail()));
    person.put(ADDRESS, address(p));
    person.put(LEGAL_GUARDIAN, nullToEmpty(p.getLegalGuardian()));
    person.put(GUARDIAN_PHONE, nullToEmpty(p.getGuardianPhone()));
    person.put(ESTABLISHMENT_NAME, establishmentLabel(c, establishments));
    person.put(LAST_TRAINING, nullToEmpty(c.getLastTraining()));
    person.put(
        LEAVING_DATE, c.getLeavingDate() == null ? "" : c.getLeavingDate().format(FRENCH_DATE));
    person.put(LEAVING_REASON, nullToEmpty(c.getLeavingReason()));
    person.put(
        SOURCE_LABEL,
        c.getOrigin() == CaseOrigin.TRANSFER
            ? CaseOrigin.TRANSFER.label()
            : c.getOrigin() == CaseOrigin.SELF_REFERRAL || c.getSource() == null
                ? CaseOrigin.SELF_REFERRAL.label()
                : c.getSource().label());
    // Trust boundary (docs/security.md R5): the forms render these as Markdown; escaped here.
    person.replaceAll((key, value) -> MarkdownText.escape(value));
    v.put(DISPLAY_NAME, MarkdownText.escape((String) v.get(DISPLAY_NAME)));
    v.put(
        YOUNG_PERSON,
        Variables.objectValue(person)
            .serializationDataFormat(Variables.SerializationDataFormats.JSON)
            .create());
    return v;
  }

  /**
   * The establishment as the forms show it: the directory's name when the UAI is registered, else
   * the name the list gave, marked "non référencé" (never a failure: most lists name schools nobody
   * registered).
   */
  static String establishmentLabel(SupportCaseEntity c, Map<String, Establishment> registered) {
    String uai = c.getUai();
    if (uai == null) {
      return nullToEmpty(c.getEstablishmentLabel());
    }
    Establishment e = registered.get(uai);
    if (e != null) {
      return e.name() + " (" + e.uai() + ")";
    }
    return (c.getEstablishmentLabel() == null ? "" : c.getEstablishmentLabel() + " ")
        + "("
        + uai
        + ", non référencé)";
  }

  private static String address(YoungPersonEntity p) {
    StringBuilder b = new StringBuilder();
    if (p.getAddress() != null) b.append(p.getAddress());
    String city = (nullToEmpty(p.getPostalCode()) + " " + nullToEmpty(p.getCommuneName())).strip();
    if (!city.isEmpty()) {
      if (b.length() > 0) b.append(", ");
      b.append(city);
    }
    return b.toString();
  }

  private static Date toDate(LocalDate date) {
    return Date.from(date.atStartOfDay(ZoneId.systemDefault()).toInstant());
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
