package fr.raccroche.messages.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * When no message goes out: a daily window ({@code raccroche.messages.quiet-hours}, {@code
 * 21:00-08:00} by default, possibly across midnight) and whole days ({@code
 * raccroche.messages.quiet-days}, Sunday by default), in the configured zone. A message asked for
 * then is deferred to the next allowed time.
 */
public final class QuietHours {
  private final LocalTime start;
  private final LocalTime end;
  private final Set<DayOfWeek> days;
  private final ZoneId zone;

  QuietHours(LocalTime start, LocalTime end, Set<DayOfWeek> days, ZoneId zone) {
    this.start = start;
    this.end = end;
    this.days = days;
    this.zone = zone;
  }

  /**
   * From the settings; a wrong value stops the application at startup naming the property.
   *
   * @param window {@code HH:mm-HH:mm}, or empty for no quiet hours
   * @param quietDays day names ({@code SUNDAY}, {@code SATURDAY,SUNDAY}), or empty for none
   */
  public static QuietHours of(String window, String quietDays, ZoneId zone) {
    LocalTime start = null;
    LocalTime end = null;
    if (window != null && !window.isBlank()) {
      String[] bounds = window.strip().split("-");
      try {
        if (bounds.length != 2) {
          throw new DateTimeParseException("two bounds expected", window, 0);
        }
        start = LocalTime.parse(bounds[0].strip());
        end = LocalTime.parse(bounds[1].strip());
      } catch (DateTimeParseException e) {
        throw new IllegalStateException(
            "raccroche.messages.quiet-hours must be HH:mm-HH:mm (e.g. 21:00-08:00) or empty, got '"
                + window
                + "'");
      }
      if (start.equals(end)) {
        throw new IllegalStateException(
            "raccroche.messages.quiet-hours must not start and end at the same time");
      }
    }
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    if (quietDays != null && !quietDays.isBlank()) {
      for (String day : quietDays.split(",")) {
        try {
          days.add(DayOfWeek.valueOf(day.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          throw new IllegalStateException(
              "raccroche.messages.quiet-days must list day names (e.g. SUNDAY), got '"
                  + quietDays
                  + "'");
        }
      }
    }
    if (days.size() == 7) {
      throw new IllegalStateException("raccroche.messages.quiet-days cannot be every day");
    }
    return new QuietHours(start, end, days, zone);
  }

  public ZoneId zone() {
    return zone;
  }

  /** Empty when a message may go at {@code now}; otherwise the next time one may. */
  public Optional<Instant> deferral(Instant now) {
    ZonedDateTime t = now.atZone(zone);
    // A quiet day then a quiet night (Sunday, then Monday before 08:00) need two moves.
    for (int i = 0; i < 16; i++) {
      if (days.contains(t.getDayOfWeek())) {
        t = t.toLocalDate().plusDays(1).atStartOfDay(zone);
        continue;
      }
      if (start != null && quiet(t.toLocalTime())) {
        if (start.isAfter(end) && !t.toLocalTime().isBefore(start)) {
          t = t.toLocalDate().plusDays(1).atTime(end).atZone(zone);
        } else {
          t = t.toLocalDate().atTime(end).atZone(zone);
        }
        continue;
      }
      break;
    }
    Instant allowed = t.toInstant();
    return allowed.equals(now) ? Optional.empty() : Optional.of(allowed);
  }

  private boolean quiet(LocalTime time) {
    if (start.isBefore(end)) {
      return !time.isBefore(start) && time.isBefore(end);
    }
    return !time.isBefore(start) || time.isBefore(end);
  }
}
