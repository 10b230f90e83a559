package fr.raccroche.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.raccroche.indicators.Quarter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The installation's zone decides what "today" is: around midnight UTC, and across a
 * daylight-saving change.
 */
class AppTimeZoneTest {
  private TimeZone before;

  @BeforeEach
  void remember() {
    before = TimeZone.getDefault();
  }

  @AfterEach
  void restore() {
    TimeZone.setDefault(before);
  }

  static StandardEnvironment environment(String zone) {
    StandardEnvironment env = new StandardEnvironment();
    if (zone != null) {
      env.getPropertySources()
          .addFirst(new MapPropertySource("test", Map.of(AppTimeZone.PROPERTY, zone)));
    }
    return env;
  }

  @Test
  void theJvmsDefaultZoneBecomesTheConfiguredOneParisByDefault() {
    TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    new AppTimeZone.JvmDefault().postProcessEnvironment(environment(null), new SpringApplication());
    assertThat(ZoneId.systemDefault()).isEqualTo(ZoneId.of("Europe/Paris"));

    new AppTimeZone.JvmDefault()
        .postProcessEnvironment(environment("America/Cayenne"), new SpringApplication());
    assertThat(ZoneId.systemDefault()).isEqualTo(ZoneId.of("America/Cayenne"));
  }

  @Test
  void aWrongZoneStopsTheStartWithAMessageForTheOperator() {
    assertThatThrownBy(
            () ->
                new AppTimeZone.JvmDefault()
                    .postProcessEnvironment(environment("Paris"), new SpringApplication()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("raccroche.time-zone = 'Paris' is not a time zone id");
  }

  @Test
  void aContactEnteredAtHalfPastMidnightInParisIsDatedThatDayNotTheDayBefore() {
    Instant halfPastMidnightInParis = Instant.parse("2026-12-04T23:30:00Z");
    Clock paris =
        Clock.fixed(halfPastMidnightInParis, ZoneId.of("UTC"))
            .withZone(new AppTimeZone().clock(environment(null)).getZone());
    assertThat(LocalDate.now(paris)).isEqualTo(LocalDate.of(2026, 12, 5));
    Clock cayenne =
        Clock.fixed(halfPastMidnightInParis, ZoneId.of("UTC"))
            .withZone(new AppTimeZone().clock(environment("America/Cayenne")).getZone());
    assertThat(LocalDate.now(cayenne)).isEqualTo(LocalDate.of(2026, 12, 4));
  }

  @Test
  void theNewQuarterBeginsAtMidnightInParisNotInUtc() {
    // 1 April 2026, 00:30 in Paris (summer time): still 31 March in UTC.
    Instant instant = Instant.parse("2026-03-31T22:30:00Z");
    ZoneId zone = new AppTimeZone().clock(environment(null)).getZone();
    assertThat(Quarter.of(LocalDate.ofInstant(instant, zone)).toString()).isEqualTo("2026-Q2");
    assertThat(Quarter.of(LocalDate.ofInstant(instant, ZoneId.of("UTC"))).toString())
        .isEqualTo("2026-Q1");
  }

  @Test
  void aDayAcrossTheDaylightSavingChangeIsTwentyThreeHoursLongAndStartsAtLocalMidnight()
      throws Exception {
    TimeZone.setDefault(TimeZone.getTimeZone("Europe/Paris"));
    // Delays from a day start at that day's midnight where the département is.
    Instant start = LocalDate.of(2026, 3, 29).atStartOfDay(ZoneId.systemDefault()).toInstant();
    Instant next = LocalDate.of(2026, 3, 30).atStartOfDay(ZoneId.systemDefault()).toInstant();
    assertThat(start).isEqualTo(Instant.parse("2026-03-28T23:00:00Z"));
    assertThat(next).isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));
    // A timer one day after 28 March fires at midnight in Paris, then one day later at the next
    // midnight though that day is 23 hours long.
    var settings =
        new fr.raccroche.coordination.process.CoordinationSettings(java.util.Optional.empty());
    assertThat(settings.after(LocalDate.of(2026, 3, 28), "P1D").toInstant()).isEqualTo(start);
    assertThat(settings.after(LocalDate.of(2026, 3, 28), "P2D").toInstant()).isEqualTo(next);
  }
}
