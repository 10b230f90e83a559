package fr.raccroche.privacy.internal;

import fr.raccroche.pathway.CaseNumbers;
import fr.raccroche.pathway.PersonalDataRead;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes {@link PersonalDataRead} events to the access log, synchronously and in a transaction of
 * its own (reads are read-only transactions): if the line cannot be written, the read fails.
 */
@Component
public class AccessLogRecorder {
  private final AccessLogRepository log;
  private final Clock clock;

  AccessLogRecorder(AccessLogRepository log, Optional<Clock> clock) {
    this.log = log;
    this.clock = clock.orElse(Clock.systemDefaultZone());
  }

  @EventListener
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void on(PersonalDataRead read) {
    Instant now = Instant.now(clock);
    List<AccessLogEntity> entries = new ArrayList<>();
    for (String caseNumber : read.caseNumbers()) {
      entries.add(
          new AccessLogEntity(
              now,
              truncate(read.userId(), 64),
              truncate(caseNumber, 64),
              read.surface().name(),
              truncate(read.remoteAddress(), 64),
              departementOf(caseNumber, read)));
    }
    log.saveAll(entries);
  }

  /** The entry's département: the case number's, else the event's (an import), else none. */
  private static String departementOf(String caseNumber, PersonalDataRead read) {
    if (CaseNumbers.isValid(caseNumber)) {
      return CaseNumbers.departementOf(caseNumber);
    }
    return read.departement();
  }

  private static String truncate(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }
}
