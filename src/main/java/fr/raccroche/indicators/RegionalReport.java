package fr.raccroche.indicators;

import fr.raccroche.indicators.IndicatorReport.Line;
import fr.raccroche.indicators.IndicatorReport.ObjectiveView;
import fr.raccroche.indicators.IndicatorReport.TrendPoint;
import java.time.Instant;
import java.util.List;

/**
 * The regional steering view of a quarter: the indicators of each département of the region side by
 * side and consolidated (computed now from the counts, the same definitions as a département's
 * report), small counts masked as in the prefecture's report (primary and secondary rules down each
 * column, rates and medians masked when a count they come from is), the region's objectives against
 * the consolidated figures, and the trend of each département (its published quarters of the school
 * year). Aggregates only: no case, no person.
 *
 * @param departements one line per département (code, official name, figures, delays)
 * @param region the consolidated line (the region's code and name)
 */
public record RegionalReport(
    String regionCode,
    String regionName,
    String schoolYear,
    String quarter,
    String quarterLabel,
    Instant computedAt,
    boolean masked,
    int smallCountThreshold,
    List<Line> departements,
    Line region,
    List<ObjectiveView> objectives,
    List<DepartementTrend> trend) {

  /** A département's published quarters of the school year. */
  public record DepartementTrend(String departement, String name, List<TrendPoint> points) {}
}
