package fr.raccroche.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import fr.raccroche.indicators.IndicatorFigures.Counts;
import fr.raccroche.indicators.IndicatorFigures.Row;
import fr.raccroche.indicators.internal.FigureQueries;
import fr.raccroche.pathway.CaseOrigin;
import fr.raccroche.pathway.CaseRegistered;
import fr.raccroche.pathway.ClosureReason;
import fr.raccroche.pathway.LeaverSource;
import fr.raccroche.pathway.Milestone;
import fr.raccroche.pathway.MilestoneReached;
import fr.raccroche.pathway.SchoolLevel;
import fr.raccroche.pathway.SolutionType;
import fr.raccroche.testsupport.RaccrocheIntegrationTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pre-aggregated counts ({@code indicator_count}) that the live reports read, against the scan
 * of the reporting table ({@link FigureQueries}, the former query) and against counts worked out by
 * hand: a young person detected twice, a case transferred, taken in charge, closed out of scope;
 * two threads writing the same cells; a rebuild from the facts giving back exactly the counts kept
 * up to date case by case. School years 2032-2033 and 2033-2034, apart from the other tests' data.
 */
@RaccrocheIntegrationTest
class IndicatorCountsIntegrationTest {
  static final AtomicLong NUMBERS = new AtomicLong();
  static final List<String> SCOPES = java.util.Arrays.asList(null, "LYON", "EST", "NORD");
  static final String[][] PERIODS = {
    {"2032-2033", "2032-Q3"},
    {"2032-2033", "2032-Q4"},
    {"2032-2033", "2033-Q1"},
    {"2032-2033", "2033-Q2"},
    {"2032-2033", "2033-Q3"},
    {"2033-2034", "2033-Q4"},
    {"2033-2034", "2034-Q1"}
  };

  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcTemplate jdbc;
  @Autowired IndicatorService indicators;
  @Autowired FigureQueries scan;

  @BeforeEach
  void seed() {
    SyntheticDepartement.ensureSeeded(jdbc, transactions, events);
  }

  static long person() {
    return 970_000_000L + NUMBERS.incrementAndGet();
  }

  static String caseNumber() {
    return "CNT-" + NUMBERS.incrementAndGet();
  }

  void register(String caseNumber, long person, String perimeter, LocalDate leaving) {
    transactions.executeWithoutResult(
        tx -> events.publishEvent(registered(caseNumber, person, perimeter, leaving)));
  }

  static CaseRegistered registered(
      String caseNumber, long person, String perimeter, LocalDate leaving) {
    return new CaseRegistered(
        caseNumber,
        person,
        perimeter,
        CaseOrigin.IMPORT,
        LeaverSource.EN,
        "F",
        17,
        SchoolLevel.values()[0],
        "Démission",
        leaving,
        leaving.plusDays(3));
  }

  void milestone(
      String caseNumber,
      Milestone m,
      LocalDate on,
      String perimeter,
      Boolean inSolution,
      ClosureReason closure) {
    transactions.executeWithoutResult(
        tx ->
            events.publishEvent(
                new MilestoneReached(
                    caseNumber,
                    m,
                    on,
                    perimeter,
                    null,
                    Boolean.TRUE.equals(inSolution) ? SolutionType.EMPLOYMENT : null,
                    inSolution,
                    closure)));
  }

  Counts counts(String schoolYear, String quarter, String perimeter) {
    return indicators.compute(indicators.period(schoolYear, quarter), perimeter).total();
  }

  /** The figures of the counts, equal to those of the scan, for every period and scope here. */
  void assertCountsMatchTheScan() {
    for (String[] p : PERIODS) {
      var period = indicators.period(p[0], p[1]);
      for (String perimeter : SCOPES) {
        IndicatorFigures counted =
            transactions.execute(tx -> indicators.compute(period, perimeter));
        IndicatorFigures scanned =
            transactions.execute(
                tx -> scan.compute(period.schoolYear(), period.quarter(), perimeter));
        assertThat(normalised(counted))
            .as(p[0] + " " + p[1] + " " + perimeter)
            .isEqualTo(normalised(scanned));
      }
    }
  }

  /** Breakdown rows in code order (the databases order a missing value differently). */
  static IndicatorFigures normalised(IndicatorFigures f) {
    Map<String, List<Row>> b = new LinkedHashMap<>();
    f.breakdowns()
        .forEach(
            (d, rows) -> {
              List<Row> sorted = new ArrayList<>(rows);
              sorted.sort(Comparator.comparing(Row::code));
              b.put(d, sorted);
            });
    return new IndicatorFigures(f.total(), f.delays(), f.perimeters(), b);
  }

  static Counts plus(Counts base, long leavers, long taken, long cohort, long solution) {
    return new Counts(
        base.leavers() + leavers,
        base.takenInCharge() + taken,
        base.oneYearCohort() + cohort,
        base.solutionAfterOneYear() + solution);
  }

  @Test
  void theCountsFollowReDetectionsTransfersTakingInChargeAndClosures() {
    Map<String, Counts> base = new HashMap<>();
    for (String[] p : PERIODS) {
      for (String s : SCOPES) {
        base.put(p[1] + s, counts(p[0], p[1], s));
      }
    }
    long p = person();
    String a = caseNumber();
    String b = caseNumber();
    // A young person leaves in October in LYON…
    register(a, p, "LYON", LocalDate.of(2032, 10, 5));
    assertThat(counts("2032-2033", "2032-Q4", null))
        .isEqualTo(plus(base.get("2032-Q4null"), 1, 0, 0, 0));
    assertThat(counts("2032-2033", "2032-Q4", "LYON"))
        .isEqualTo(plus(base.get("2032-Q4LYON"), 1, 0, 0, 0));
    assertThat(counts("2032-2033", "2032-Q3", null)).isEqualTo(base.get("2032-Q3null"));
    // …is detected again in January in EST: one more leaver in EST, still one in the département.
    register(b, p, "EST", LocalDate.of(2033, 1, 10));
    assertThat(counts("2032-2033", "2033-Q1", null))
        .isEqualTo(plus(base.get("2033-Q1null"), 1, 0, 0, 0));
    assertThat(counts("2032-2033", "2033-Q1", "EST"))
        .isEqualTo(plus(base.get("2033-Q1EST"), 1, 0, 0, 0));
    assertThat(counts("2032-2033", "2032-Q4", "EST")).isEqualTo(base.get("2032-Q4EST"));
    assertCountsMatchTheScan();
    // The first case moves to EST: LYON loses the person, EST counts them once.
    milestone(a, Milestone.TRANSFERRED, LocalDate.of(2032, 11, 1), "EST", null, null);
    assertThat(counts("2032-2033", "2033-Q1", "LYON")).isEqualTo(base.get("2033-Q1LYON"));
    assertThat(counts("2032-2033", "2033-Q1", "EST"))
        .isEqualTo(plus(base.get("2033-Q1EST"), 1, 0, 0, 0));
    assertThat(counts("2032-2033", "2032-Q4", "EST"))
        .isEqualTo(plus(base.get("2032-Q4EST"), 1, 0, 0, 0));
    // First contact in November, taken in charge in February: I2 from the first quarter of 2033,
    // the one-year cohort of the last quarter of 2033.
    milestone(a, Milestone.FIRST_CONTACT, LocalDate.of(2032, 11, 20), "EST", null, null);
    milestone(a, Milestone.TAKEN_IN_CHARGE, LocalDate.of(2033, 2, 1), "EST", null, null);
    milestone(b, Milestone.FIRST_CONTACT, LocalDate.of(2033, 1, 20), "EST", null, null);
    assertThat(counts("2032-2033", "2032-Q4", null))
        .isEqualTo(plus(base.get("2032-Q4null"), 1, 0, 0, 0));
    assertThat(counts("2032-2033", "2033-Q1", null))
        .isEqualTo(plus(base.get("2033-Q1null"), 1, 1, 0, 0));
    assertThat(counts("2033-2034", "2033-Q4", "EST"))
        .isEqualTo(plus(base.get("2033-Q4EST"), 0, 0, 1, 0));
    assertThat(counts("2033-2034", "2034-Q1", "EST"))
        .isEqualTo(plus(base.get("2034-Q1EST"), 0, 0, 1, 0));
    // One year later: in solution.
    milestone(a, Milestone.ONE_YEAR_CHECK, LocalDate.of(2033, 11, 20), "EST", true, null);
    assertThat(counts("2033-2034", "2033-Q4", null))
        .isEqualTo(plus(base.get("2033-Q4null"), 0, 0, 1, 1));
    assertCountsMatchTheScan();
    // The first case closes as a false detection: it leaves every count; the second stays.
    milestone(
        a, Milestone.CLOSED, LocalDate.of(2033, 12, 1), "EST", null, ClosureReason.FALSE_DETECTION);
    assertThat(counts("2032-2033", "2032-Q4", null)).isEqualTo(base.get("2032-Q4null"));
    assertThat(counts("2032-2033", "2033-Q1", null))
        .isEqualTo(plus(base.get("2033-Q1null"), 1, 0, 0, 0));
    assertThat(counts("2032-2033", "2033-Q1", "EST"))
        .isEqualTo(plus(base.get("2033-Q1EST"), 1, 0, 0, 0));
    assertThat(counts("2033-2034", "2033-Q4", null)).isEqualTo(base.get("2033-Q4null"));
    assertThat(counts("2033-2034", "2034-Q1", "EST"))
        .isEqualTo(plus(base.get("2034-Q1EST"), 0, 0, 1, 0));
    // The second case closes as refused: it still counts (only out-of-scope closures leave).
    milestone(b, Milestone.CLOSED, LocalDate.of(2034, 1, 25), "EST", null, ClosureReason.REFUSED);
    assertThat(counts("2032-2033", "2033-Q1", "EST"))
        .isEqualTo(plus(base.get("2033-Q1EST"), 1, 0, 0, 0));
    assertCountsMatchTheScan();
  }

  @Test
  void twoThreadsWritingTheSameCellsLoseNoUpdate() throws Exception {
    // A person already known: both threads detect them again (their cases serialise on hers).
    long known = person();
    register(caseNumber(), known, "NORD", LocalDate.of(2032, 12, 1));
    Counts before = counts("2032-2033", "2032-Q4", "NORD");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        Callable<Integer> work =
            () -> {
              int n = 0;
              for (int i = 0; i < 15; i++) {
                String c = caseNumber();
                long who = i % 5 == 0 ? known : person();
                register(c, who, "NORD", LocalDate.of(2032, 12, 2 + i));
                milestone(
                    c, Milestone.TAKEN_IN_CHARGE, LocalDate.of(2032, 12, 20), "NORD", null, null);
                n += who == known ? 0 : 1;
              }
              return n;
            };
        done.add(pool.submit(work));
      }
      int newPeople = 0;
      for (Future<Integer> f : done) {
        newPeople += f.get();
      }
      // Each new person once; the known one was a leaver already, now also taken in charge.
      assertThat(counts("2032-2033", "2032-Q4", "NORD"))
          .isEqualTo(plus(before, newPeople, newPeople + 1, 0, 0));
    } finally {
      pool.shutdownNow();
    }
    assertCountsMatchTheScan();
  }

  @Test
  void theRegionsOneReadGivesEachDepartementItsOwnFiguresAndTheirSum() {
    // School year 2036-2037, apart from the scan's comparisons above (the scan has no département).
    String loireCase = caseNumber();
    register(loireCase, person(), "SAINT-ETIENNE", LocalDate.of(2036, 10, 2));
    register(caseNumber(), person(), "SAINT-ETIENNE", LocalDate.of(2037, 1, 5));
    register(caseNumber(), person(), "LYON", LocalDate.of(2036, 10, 3));
    milestone(
        loireCase, Milestone.FIRST_CONTACT, LocalDate.of(2036, 10, 9), "SAINT-ETIENNE", null, null);
    milestone(
        loireCase,
        Milestone.TAKEN_IN_CHARGE,
        LocalDate.of(2036, 10, 20),
        "SAINT-ETIENNE",
        null,
        null);
    for (String quarter : List.of("2036-Q4", "2037-Q1")) {
      var period = indicators.period("2036-2037", quarter);
      Map<String, IndicatorFigures> each =
          transactions.execute(tx -> indicators.computeEach(period, List.of("42", "69")));
      IndicatorFigures rhone = transactions.execute(tx -> indicators.compute(period, "69", null));
      IndicatorFigures loire = transactions.execute(tx -> indicators.compute(period, "42", null));
      assertThat(each.get("69")).as(quarter).isEqualTo(rhone);
      assertThat(each.get("42")).as(quarter).isEqualTo(loire);
      assertThat(each.get(null).total())
          .as(quarter)
          .isEqualTo(
              plus(
                  rhone.total(),
                  loire.total().leavers(),
                  loire.total().takenInCharge(),
                  loire.total().oneYearCohort(),
                  loire.total().solutionAfterOneYear()));
    }
    // What the two quarters hold, worked out by hand: the Loire's two leavers (one taken in charge
    // 11 days after its first contact) and the Rhône's one, side by side and together.
    var q1 = indicators.period("2036-2037", "2037-Q1");
    Map<String, IndicatorFigures> each =
        transactions.execute(tx -> indicators.computeEach(q1, List.of("42", "69")));
    assertThat(each.get("42").total()).isEqualTo(new Counts(2, 1, 0, 0));
    assertThat(each.get("69").total()).isEqualTo(new Counts(1, 0, 0, 0));
    assertThat(each.get(null).total()).isEqualTo(new Counts(3, 1, 0, 0));
    assertThat(each.get(null).delays().medianDaysToTakenInCharge()).isEqualTo(11.0);
  }

  @Test
  void aRebuildFromTheFactsGivesExactlyTheCountsKeptCaseByCase() {
    long p = person();
    String a = caseNumber();
    register(a, p, "LYON", LocalDate.of(2033, 3, 3));
    register(caseNumber(), p, "NORD", LocalDate.of(2033, 4, 4));
    milestone(a, Milestone.FIRST_CONTACT, LocalDate.of(2033, 3, 10), "LYON", null, null);
    milestone(a, Milestone.TRANSFERRED, LocalDate.of(2033, 3, 11), "NORD", null, null);
    Map<String, Long> incremental = table();
    Map<String, IndicatorFigures> figures = new HashMap<>();
    for (String[] period : PERIODS) {
      for (String s : SCOPES) {
        figures.put(period[1] + s, indicators.compute(indicators.period(period[0], period[1]), s));
      }
    }
    long read = transactions.execute(tx -> indicators.rebuildCounts());
    assertThat(read)
        .isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM indicator_case_fact", Long.class));
    Map<String, Long> rebuilt = table();
    Map<String, String> differences = new java.util.TreeMap<>();
    for (String k : new java.util.TreeSet<>(union(rebuilt, incremental))) {
      if (!java.util.Objects.equals(rebuilt.get(k), incremental.get(k))) {
        differences.put(k, incremental.get(k) + " kept, " + rebuilt.get(k) + " rebuilt");
      }
    }
    assertThat(differences).isEmpty();
    assertThat(rebuilt).isEqualTo(incremental);
    for (String[] period : PERIODS) {
      for (String s : SCOPES) {
        assertThat(indicators.compute(indicators.period(period[0], period[1]), s))
            .isEqualTo(figures.get(period[1] + s));
      }
    }
    // The synthetic département's quarters too (its expected figures are checked elsewhere).
    assertThat(table()).containsKey("LEAVER|2022|2023-01-01|*|total||69");
  }

  static java.util.Set<String> union(Map<String, Long> a, Map<String, Long> b) {
    java.util.Set<String> keys = new java.util.HashSet<>(a.keySet());
    keys.addAll(b.keySet());
    return keys;
  }

  /** The non-zero cells of indicator_count. */
  Map<String, Long> table() {
    Map<String, Long> out = new HashMap<>();
    jdbc.query(
        "SELECT kind, school_year, period_start, scope, dimension, dim_value, n, departement"
            + " FROM indicator_count WHERE n <> 0",
        rs -> {
          out.put(
              String.join(
                  "|",
                  rs.getString(1),
                  rs.getString(2),
                  rs.getObject(3, LocalDate.class).toString(),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(8)),
              rs.getLong(7));
        });
    return out;
  }
}
