package fr.raccroche.indicators;

import fr.raccroche.indicators.IndicatorFigures.Row;
import fr.raccroche.indicators.IndicatorReport.Line;
import fr.raccroche.indicators.IndicatorService.Period;
import fr.raccroche.indicators.RegionalReport.DepartementTrend;
import fr.raccroche.indicators.internal.FigureQueries;
import fr.raccroche.indicators.internal.ReportAssembler;
import fr.raccroche.territory.OfficialDepartements;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The regional steering view ({@link RegionalReport}): the départements of the deployment that
 * belong to the region {@code raccroche.region} (a COG region code, e.g. 84; by default the region
 * of {@code raccroche.departement}), names from the official COG ({@link OfficialDepartements}).
 * Always masked: the regional steering group reads what the prefecture reads.
 */
@Service
@Transactional(readOnly = true)
public class RegionalIndicators {
  private final IndicatorService indicators;
  private final FigureQueries facts;
  private final OfficialDepartements official;
  private final String region;
  private final Clock clock;

  RegionalIndicators(
      IndicatorService indicators,
      FigureQueries facts,
      OfficialDepartements official,
      @Value("${raccroche.region:}") String region,
      Optional<Clock> clock) {
    this.indicators = indicators;
    this.facts = facts;
    this.official = official;
    String code =
        region == null || region.isBlank()
            ? official
                .departement(indicators.departement())
                .map(OfficialDepartements.Departement::region)
                .orElse(null)
            : region.strip();
    if (code == null || official.region(code).isEmpty()) {
      throw new IllegalStateException(
          "raccroche.region must be a region code of the COG (e.g. 84), got '" + region + "'");
    }
    this.region = code;
    this.clock = clock.orElse(Clock.systemDefaultZone());
  }

  public String regionCode() {
    return region;
  }

  public String regionName() {
    return official.region(region).orElseThrow().name();
  }

  /** The départements of the deployment in the region, by code. */
  public SortedSet<String> departements() {
    SortedSet<String> codes = new TreeSet<>();
    for (String d : indicators.departements()) {
      if (official.departement(d).map(x -> region.equals(x.region())).orElse(false)) {
        codes.add(d);
      }
    }
    return codes;
  }

  /** The regional view of a quarter, masked. */
  public RegionalReport report(Period period) {
    List<String> codes = List.copyOf(departements());
    int threshold = indicators.smallCountThreshold();
    ReportAssembler a = new ReportAssembler(true, threshold);
    // one read of the counts for every département and their sum
    Map<String, IndicatorFigures> each =
        codes.isEmpty() ? Map.of() : indicators.computeEach(period, codes);
    List<Row> rows = new ArrayList<>();
    for (String d : codes) {
      IndicatorFigures f = each.get(d);
      rows.add(new Row(d, f.total(), f.delays()));
    }
    List<Line> lines = a.lines(rows, d -> official.name(d), false);
    IndicatorFigures all = codes.isEmpty() ? null : each.get(null);
    var none = new IndicatorFigures.Counts(0, 0, 0, 0);
    // A young person who moved from one département to another is in both départements' counts,
    // and once in the region's.
    var total =
        codes.size() < 2
            ? (all == null ? none : all.total())
            : all.total().minus(facts.countedTwice(period.schoolYear(), period.quarter(), codes));
    Figure leavers = a.count(total.leavers());
    Figure taken = a.count(total.takenInCharge());
    Figure cohort = a.count(total.oneYearCohort());
    Figure solution = a.count(total.solutionAfterOneYear());
    Figure takenRate = ReportAssembler.rate(taken, leavers);
    Figure solutionRate = ReportAssembler.rate(solution, cohort);
    Line consolidated =
        new Line(
            region,
            regionName(),
            leavers,
            taken,
            takenRate,
            cohort,
            solution,
            solutionRate,
            all == null ? null : a.delays(all.delays()));
    String sy = period.schoolYear().toString();
    List<DepartementTrend> trend = new ArrayList<>();
    for (String d : codes) {
      trend.add(
          new DepartementTrend(
              d, official.name(d), indicators.trend(d, period.schoolYear(), null, a)));
    }
    return new RegionalReport(
        region,
        regionName(),
        sy,
        period.quarter().toString(),
        period.quarter().label(),
        Instant.now(clock),
        true,
        threshold,
        lines,
        consolidated,
        a.objectives(
            ReportAssembler.sorted(indicators.regionObjectives(sy)),
            leavers,
            taken,
            takenRate,
            solution,
            solutionRate),
        trend);
  }

  public List<Objective> objectives(String schoolYear) {
    return indicators.regionObjectives(SchoolYear.parse(schoolYear).toString());
  }

  @Transactional
  public Objective setObjective(
      String schoolYear, String indicator, String kind, BigDecimal target, String user) {
    return indicators.setRegionObjective(schoolYear, indicator, kind, target, user);
  }
}
