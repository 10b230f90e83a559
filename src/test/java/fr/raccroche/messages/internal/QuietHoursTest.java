package fr.raccroche.messages.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Quiet hours across midnight, Sunday, both together, a daylight-saving night, settings. */
class QuietHoursTest {
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  final QuietHours rules = QuietHours.of("21:00-08:00", "SUNDAY", PARIS);

  static Instant at(int year, int month, int day, int hour, int minute) {
    return LocalDateTime.of(year, month, day, hour, minute).atZone(PARIS).toInstant();
  }

  @Test
  void aWeekdayDaytimeMessageGoesAtOnce() {
    assertThat(rules.deferral(at(2026, 3, 10, 8, 0))).isEmpty();
    assertThat(rules.deferral(at(2026, 3, 10, 20, 59))).isEmpty();
  }

  @Test
  void eveningAndNightMessagesWaitForEightOClock() {
    assertThat(rules.deferral(at(2026, 3, 10, 21, 0))).contains(at(2026, 3, 11, 8, 0));
    assertThat(rules.deferral(at(2026, 3, 11, 2, 15))).contains(at(2026, 3, 11, 8, 0));
  }

  @Test
  void saturdayNightAndSundayWaitForMonday() {
    assertThat(rules.deferral(at(2026, 3, 14, 22, 30))).contains(at(2026, 3, 16, 8, 0));
    assertThat(rules.deferral(at(2026, 3, 15, 12, 0))).contains(at(2026, 3, 16, 8, 0));
  }

  @Test
  void theNightSummerTimeBeginsStillEndsAtEightParisTime() {
    // 29 March 2026: clocks go from 02:00 to 03:00 in Paris.
    assertThat(rules.deferral(at(2026, 3, 27, 23, 0))).contains(at(2026, 3, 28, 8, 0));
    assertThat(rules.deferral(at(2026, 3, 28, 23, 0))).contains(at(2026, 3, 30, 8, 0));
  }

  @Test
  void emptySettingsDisableTheRules() {
    QuietHours none = QuietHours.of("", "", PARIS);
    assertThat(none.deferral(at(2026, 3, 15, 3, 0))).isEmpty();
  }

  @Test
  void aDaytimeWindowIsQuietInsideOnly() {
    QuietHours lunch = QuietHours.of("12:00-14:00", "", PARIS);
    assertThat(lunch.deferral(at(2026, 3, 10, 13, 0))).contains(at(2026, 3, 10, 14, 0));
    assertThat(lunch.deferral(at(2026, 3, 10, 14, 0))).isEmpty();
  }

  @Test
  void wrongSettingsStopTheStartupNamingTheProperty() {
    assertThatThrownBy(() -> QuietHours.of("21h-8h", "SUNDAY", PARIS))
        .hasMessageContaining("raccroche.messages.quiet-hours");
    assertThatThrownBy(() -> QuietHours.of("21:00-08:00", "DIMANCHE", PARIS))
        .hasMessageContaining("raccroche.messages.quiet-days");
  }
}
