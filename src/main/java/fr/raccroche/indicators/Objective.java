package fr.raccroche.indicators;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A target for one indicator, school year and perimeter ({@code perimeter} null = the département):
 * a count ({@code COUNT}) or a rate in percent ({@code RATE}: I2 over I1, I3 solutions over the
 * cohort). Reached when the figure is at least the target.
 */
public record Objective(
    String schoolYear,
    String perimeter,
    IndicatorKey indicator,
    Kind kind,
    BigDecimal target,
    String updatedBy,
    Instant updatedAt) {

  public enum Kind {
    COUNT,
    RATE
  }
}
