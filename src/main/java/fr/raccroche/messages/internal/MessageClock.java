package fr.raccroche.messages.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * "Now" for the messages' rules: the application's {@link Clock} when one is defined, else the
 * engine's clock, so that the quiet hours and the delivery process's timers agree on the time.
 */
@Component
public class MessageClock {
  private final Clock clock;
  private final QuietHours quiet;

  MessageClock(Optional<Clock> clock, QuietHours quiet) {
    this.clock = clock.orElse(null);
    this.quiet = quiet;
  }

  public Instant now() {
    return clock != null ? clock.instant() : ClockUtil.getCurrentTime().toInstant();
  }

  /** Today in the messages' zone (the daily limit's day). */
  public LocalDate today() {
    return now().atZone(quiet.zone()).toLocalDate();
  }
}
