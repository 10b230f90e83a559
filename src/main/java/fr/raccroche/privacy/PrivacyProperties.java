package fr.raccroche.privacy;

import java.time.Period;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code raccroche.privacy.*}: how long personal data is kept, and when the retention job runs.
 *
 * @param retentionAfterClosure how long after the closure of a young person's last case their
 *     personal data is kept (default two years)
 * @param rejectedLinesRetention how long the original text of rejected import lines is kept (they
 *     name people who never became cases)
 * @param retentionCron when the retention job runs (Camunda cycle, Quartz-style cron), in the night
 * @param batchSize people anonymised per transaction
 * @param variablesWithoutHistory process variables that copy personal data from the app's records
 *     (what the forms show): at full history, Camunda keeps no history of them
 * @param retentionAfterClosureByDepartement the départements that keep personal data for another
 *     period than {@code retentionAfterClosure} (code → period; docs/specification.md §6): a young
 *     person is anonymised once each of their cases has waited its own département's period
 */
@ConfigurationProperties("raccroche.privacy")
public record PrivacyProperties(
    Period retentionAfterClosure,
    Period rejectedLinesRetention,
    String retentionCron,
    Integer batchSize,
    List<String> variablesWithoutHistory,
    java.util.Map<String, Period> retentionAfterClosureByDepartement) {
  public PrivacyProperties {
    retentionAfterClosure =
        retentionAfterClosure == null ? Period.ofYears(2) : retentionAfterClosure;
    rejectedLinesRetention =
        rejectedLinesRetention == null ? Period.ofMonths(6) : rejectedLinesRetention;
    retentionCron = retentionCron == null ? "0 30 1 * * ?" : retentionCron;
    batchSize = batchSize == null || batchSize < 1 ? 100 : batchSize;
    variablesWithoutHistory =
        variablesWithoutHistory == null ? List.of() : List.copyOf(variablesWithoutHistory);
    retentionAfterClosureByDepartement =
        retentionAfterClosureByDepartement == null
            ? java.util.Map.of()
            : java.util.Map.copyOf(retentionAfterClosureByDepartement);
  }
}
