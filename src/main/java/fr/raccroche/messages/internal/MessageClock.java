package fr.raccroche.messages.internal;

import java.time.Instant;
import java.time.LocalDate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * "Now" for the messages' rules: the engine's clock, the one the delivery process's timers and the
 * worker's back-off follow, so that the quiet hours, the daily limit and those timers agree on the
 * time. In production it is the system clock; the day is read in the quiet hours' zone (the
 * installation's, {@code raccroche.time-zone}).
 */
@Component
public class MessageClock {
  private final QuietHours quiet;

  MessageClock(QuietHours quiet) {
    this.quiet = quiet;
  }

  public Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /** Today in the messages' zone (the daily limit's day). */
  public LocalDate today() {
    return now().atZone(quiet.zone()).toLocalDate();
  }
}
