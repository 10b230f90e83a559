package fr.raccroche.privacy;

import fr.raccroche.detection.DetectionErasure;
import fr.raccroche.pathway.CaseEvents;
import fr.raccroche.pathway.PersonErased;
import fr.raccroche.pathway.PersonalDataErasure;
import fr.raccroche.privacy.internal.ErasureEntity;
import fr.raccroche.privacy.internal.ErasureRepository;
import fr.raccroche.shared.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention and erasure of young people's personal data. The nightly job ({@code
 * PersonalDataRetentionProcess}) anonymises everyone whose last case closed more than {@code
 * raccroche.privacy.retention-after-closure} ago, a few people per transaction; an administrator
 * withdraws a person at once on a data-protection objection. Each erasure is recorded (when, why,
 * by whom, which cases), without personal data.
 */
@Service
public class RetentionService {
  public static final String CAUSE_RETENTION = "RETENTION";
  public static final String CAUSE_WITHDRAWAL = "WITHDRAWAL";
  static final String RETENTION_JOB = "retention-job";
  private static final Logger log = LoggerFactory.getLogger(RetentionService.class);

  private final PersonalDataErasure erasure;
  private final CaseEvents cases;
  private final DetectionErasure detection;
  private final ErasureRepository erasures;
  private final PrivacyProperties properties;
  private final TransactionTemplate newTransaction;
  private final Clock clock;

  RetentionService(
      PersonalDataErasure erasure,
      CaseEvents cases,
      DetectionErasure detection,
      ErasureRepository erasures,
      PrivacyProperties properties,
      PlatformTransactionManager transactions,
      Optional<Clock> clock) {
    this.erasure = erasure;
    this.cases = cases;
    this.detection = detection;
    this.erasures = erasures;
    this.properties = properties;
    this.newTransaction = new TransactionTemplate(transactions);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock.orElse(Clock.systemDefaultZone());
  }

  /** One run of the retention job, as of now. */
  public RetentionReport applyRetention() {
    return applyRetention(Instant.now(clock));
  }

  /** One run of the retention job, as of the given instant. */
  public RetentionReport applyRetention(Instant now) {
    ZoneId zone = ZoneId.of("Europe/Paris");
    Instant closedBefore = now.atZone(zone).minus(properties.retentionAfterClosure()).toInstant();
    java.util.Map<String, Instant> closedBeforeByDepartement = new java.util.HashMap<>();
    properties
        .retentionAfterClosureByDepartement()
        .forEach(
            (departement, period) ->
                closedBeforeByDepartement.put(
                    departement, now.atZone(zone).minus(period).toInstant()));
    int persons = 0;
    int caseCount = 0;
    Set<Long> failed = new HashSet<>();
    while (true) {
      List<Long> due =
          erasure
              .dueForErasure(
                  closedBeforeByDepartement, closedBefore, properties.batchSize() + failed.size())
              .stream()
              .filter(id -> !failed.contains(id))
              .toList();
      if (due.isEmpty()) {
        break;
      }
      for (long personId : due) {
        try {
          PersonErased erased =
              newTransaction.execute(
                  status -> erase(personId, CAUSE_RETENTION, RETENTION_JOB, now));
          persons++;
          caseCount += erased.caseNumbers().size();
        } catch (RuntimeException e) {
          // The next run tries again; the person id is not personal data.
          log.error("Retention could not anonymise person {}", personId, e);
          failed.add(personId);
        }
      }
    }
    Instant rejectedBefore =
        now.atZone(zone).minus(properties.rejectedLinesRetention()).toInstant();
    Integer lines =
        newTransaction.execute(status -> detection.eraseRejectedLinesBefore(rejectedBefore));
    log.info(
        "Retention: {} people and {} cases anonymised, {} rejected lines erased",
        persons,
        caseCount,
        lines);
    return new RetentionReport(closedBefore, persons, caseCount, lines == null ? 0 : lines);
  }

  /**
   * A data-protection objection: the person's open cases close as withdrawn and their personal data
   * is erased at once, as the retention job would. Answers the cases concerned.
   */
  public List<String> withdrawAndErase(String caseNumber, String reason, String requestedBy) {
    if (reason == null || reason.isBlank()) {
      throw new InvalidInputException(
          "reason", "Indiquez le motif du retrait (opposition, demande d'effacement…).");
    }
    long personId = erasure.personOf(caseNumber);
    PersonErased erased =
        newTransaction.execute(
            status -> {
              for (String open : erasure.openCasesOf(personId)) {
                cases.withdraw(open, reason);
              }
              return erase(personId, CAUSE_WITHDRAWAL, requestedBy, Instant.now(clock));
            });
    log.info("Person {} withdrawn and erased at the request of {}", personId, requestedBy);
    return erased.caseNumbers();
  }

  private PersonErased erase(long personId, String cause, String requestedBy, Instant at) {
    PersonErased erased = erasure.erase(personId);
    erasures.save(
        new ErasureEntity(
            at, personId, String.join(",", erased.caseNumbers()), cause, requestedBy));
    return erased;
  }
}
