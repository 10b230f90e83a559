package fr.raccroche.indicators.process;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When {@code QuarterlyIndicatorsProcess} starts by itself: its timer start event reads {@code
 * ${indicatorSchedule.cron}} ({@code raccroche.indicators.schedule-cron}, a Camunda cron: seconds,
 * minutes, hours, day of month, month, day of week). Default: the first day of each quarter, 06:00.
 */
@Component("indicatorSchedule")
public class IndicatorSchedule {
  private final String cron;

  IndicatorSchedule(
      @Value("${raccroche.indicators.schedule-cron:0 0 6 1 1,4,7,10 ?}") String cron) {
    if (cron == null || cron.strip().split("\\s+").length < 6) {
      throw new IllegalStateException(
          "raccroche.indicators.schedule-cron must be a cron expression with 6 or 7 fields, got '"
              + cron
              + "'");
    }
    this.cron = cron.strip();
  }

  public String getCron() {
    return cron;
  }
}
