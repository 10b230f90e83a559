package fr.raccroche.indicators.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.raccroche.RaccrocheApplication;
import fr.raccroche.indicators.IndicatorFigures;
import fr.raccroche.indicators.IndicatorReport;
import fr.raccroche.indicators.IndicatorService;
import fr.raccroche.indicators.SyntheticDepartement;
import fr.raccroche.indicators.SyntheticDepartement.Case;
import fr.raccroche.indicators.SyntheticDepartement.Expected;
import fr.raccroche.indicators.internal.FigureQueries;
import fr.raccroche.pathway.CaseOrigin;
import fr.raccroche.pathway.CaseRegistered;
import fr.raccroche.pathway.LeaverSource;
import fr.raccroche.pathway.SchoolLevel;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark of the quarterly report on PostgreSQL with 1,000,000 cases in the reporting table (not
 * a test; see docs/benchmarks.md):
 *
 * <pre>
 * createdb -h 127.0.0.1 -U postgres raccroche_bench_ind2
 * DB_URL=jdbc:postgresql://127.0.0.1:5432/raccroche_bench_ind2 DB_USER=postgres DB_PASSWORD= \
 *   MAVEN_OPTS=-Xmx2g mvn -B -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=fr.raccroche.indicators.tools.IndicatorsBenchmark \
 *   -Dexec.args="--cases 1000000 --runs 40"
 * </pre>
 *
 * <p>Starts the app on that database (Flyway creates the tables), fills {@code indicator_case_fact}
 * with the seeded synthetic département ({@link SyntheticDepartement}, plain JDBC batches; kept
 * between runs), rebuilds the pre-aggregated counts from it, checks the figures of 12 scopes
 * against those computed independently from the generated cases (and two scopes in full against the
 * former scan of the facts), then times the computation behind {@code GET /api/indicators} (the
 * service call and the JSON serialisation, masked as for the prefecture): published snapshot and
 * live computation, for the département and for one perimeter; and what keeping the counts costs a
 * transaction of 500 registrations (an import chunk).
 */
public final class IndicatorsBenchmark {
  private IndicatorsBenchmark() {}

  public static void main(String[] args) throws Exception {
    int count = 1_000_000;
    int runs = 40;
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals("--cases")) count = Integer.parseInt(args[i + 1]);
      if (args[i].equals("--runs")) runs = Integer.parseInt(args[i + 1]);
    }
    String url = System.getenv("DB_URL");
    if (url == null) {
      throw new IllegalStateException(
          "Set DB_URL to a PostgreSQL database made for this benchmark");
    }
    String user = System.getenv().getOrDefault("DB_USER", "postgres");
    String password = System.getenv().getOrDefault("DB_PASSWORD", "");
    System.out.printf(
        Locale.ROOT,
        "machine: %d cores, Java %s, max heap %d MB%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() / (1024 * 1024));
    long t0 = System.nanoTime();
    SyntheticDepartement synth = new SyntheticDepartement(42L, count, 1_000_000_000L, "BENCH-");
    System.out.printf(
        Locale.ROOT, "generated %d cases in %.1f s%n", count, (System.nanoTime() - t0) / 1e9);

    ConfigurableApplicationContext app =
        new SpringApplicationBuilder(RaccrocheApplication.class)
            .profiles("postgres")
            .run(
                "--server.port=0",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password,
                "--camunda.bpm.job-execution.enabled=false",
                "--camunda.bpm.webapp.enabled=false",
                "--logging.level.root=WARN",
                // the share of the counts in each registration transaction (see maintenance)
                "--logging.level.fr.raccroche.indicators.internal.CaseFactRecorder=DEBUG");
    try (Connection c = DriverManager.getConnection(url, user, password)) {
      fill(c, synth, count);
      IndicatorService indicators = app.getBean(IndicatorService.class);
      ObjectMapper json = app.getBean(ObjectMapper.class);
      TransactionTemplate transactions = app.getBean(TransactionTemplate.class);
      long r0 = System.nanoTime();
      long read = transactions.execute(tx -> indicators.rebuildCounts());
      System.out.printf(
          Locale.ROOT,
          "counts rebuilt from %d cases in %.1f s (indicator_count: %s rows, %s)%n",
          read,
          (System.nanoTime() - r0) / 1e9,
          scalar(c, "SELECT COUNT(*) FROM indicator_count"),
          scalar(c, "SELECT pg_size_pretty(pg_total_relation_size('indicator_count'))"));
      check(indicators, synth);
      compareWithTheScan(app.getBean(FigureQueries.class), indicators, transactions);
      var period = indicators.period("2022-2023", "2023-Q1");
      // What the prefecture reads once the quarter is published: the frozen snapshot.
      long s0 = System.nanoTime();
      var draft = indicators.createDraft(period, null);
      System.out.printf(
          Locale.ROOT,
          "snapshot computed and stored (département and each perimeter) in %.1f s%n",
          (System.nanoTime() - s0) / 1e9);
      indicators.publish(draft.id(), "benchmark", "benchmark");
      time("published, département", indicators, json, null, false, runs);
      time("published, périmètre LYON", indicators, json, "LYON", false, runs);
      // What a supervisor asks with live=true, and what each snapshot computes per scope.
      time("live, département", indicators, json, null, true, runs);
      time("live, périmètre LYON", indicators, json, "LYON", true, runs);
      System.out.println(
          "indicator_case_fact with its indexes: "
              + scalar(c, "SELECT pg_size_pretty(pg_total_relation_size('indicator_case_fact'))"));
      maintenance(app, transactions, indicators, synth, c);
    } finally {
      app.close();
    }
  }

  static void fill(Connection c, SyntheticDepartement synth, int count) throws Exception {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT COUNT(*) FROM indicator_case_fact WHERE case_number LIKE 'BENCH-%'")) {
      rs.next();
      if (rs.getLong(1) == count) {
        System.out.println("reporting table already holds the " + count + " cases: kept");
        return;
      }
    }
    long start = System.nanoTime();
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      s.execute("DELETE FROM indicator_case_fact WHERE case_number LIKE 'BENCH-%'");
    }
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO indicator_case_fact (id, case_number, person_id, perimeter_code, origin,"
                + " source, sex, age_band, last_level, leaving_reason, leaving_date, detected_on,"
                + " first_contact_on, taken_in_charge_on, days_to_first_contact,"
                + " days_to_taken_in_charge, one_year_checked_on, one_year_in_solution,"
                + " one_year_solution_type, closed_on, closure_reason, updated_at)"
                + " VALUES (nextval('indicator_case_fact_seq'),?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
      Timestamp now = Timestamp.from(Instant.now());
      int n = 0;
      for (Case k : synth.cases) {
        int i = 1;
        insert.setString(i++, k.caseNumber());
        insert.setLong(i++, k.personId());
        insert.setString(i++, k.perimeter());
        insert.setString(i++, k.source().equals("SELF_REFERRAL") ? "SELF_REFERRAL" : "IMPORT");
        insert.setString(i++, k.source());
        insert.setString(i++, k.sex());
        insert.setString(i++, k.code("ageBand"));
        insert.setString(i++, k.level());
        insert.setString(i++, k.reason());
        insert.setObject(i++, k.leaving(), Types.DATE);
        insert.setObject(i++, k.detected(), Types.DATE);
        insert.setObject(i++, k.firstContact(), Types.DATE);
        insert.setObject(i++, k.takenInCharge(), Types.DATE);
        insert.setObject(i++, days(k.detected(), k.firstContact()), Types.INTEGER);
        insert.setObject(i++, days(k.firstContact(), k.takenInCharge()), Types.INTEGER);
        insert.setObject(
            i++, k.inSolution() == null ? null : k.firstContact().plusYears(1), Types.DATE);
        insert.setObject(i++, k.inSolution(), Types.BOOLEAN);
        insert.setString(i++, k.solutionType());
        insert.setObject(i++, k.closure() == null ? null : k.detected(), Types.DATE);
        insert.setString(i++, k.closure() == null ? null : k.closure().name());
        insert.setTimestamp(i++, now);
        insert.addBatch();
        if (++n % 5_000 == 0) {
          insert.executeBatch();
          c.commit();
        }
      }
      insert.executeBatch();
      c.commit();
    }
    try (Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      s.execute("ANALYZE indicator_case_fact");
    }
    System.out.printf(
        Locale.ROOT,
        "filled %d cases with plain JDBC batches in %.1f s%n",
        count,
        (System.nanoTime() - start) / 1e9);
  }

  static String scalar(Connection c, String sql) throws Exception {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  /** Two scopes in full (breakdowns, perimeters, medians): the counts against the former scan. */
  static void compareWithTheScan(
      FigureQueries scan, IndicatorService indicators, TransactionTemplate transactions) {
    var period = indicators.period("2022-2023", "2023-Q1");
    for (String perimeter : new String[] {null, "LYON"}) {
      long t = System.nanoTime();
      IndicatorFigures scanned =
          transactions.execute(
              tx -> scan.compute(period.schoolYear(), period.quarter(), perimeter));
      double scanMs = (System.nanoTime() - t) / 1e6;
      IndicatorFigures counted = transactions.execute(tx -> indicators.compute(period, perimeter));
      if (!sorted(scanned).equals(sorted(counted))) {
        throw new AssertionError(
            "counts and scan differ for " + perimeter + ":\n" + scanned + "\n" + counted);
      }
      System.out.printf(
          Locale.ROOT,
          "2022-2023/2023-Q1 %s: every figure of the counts equals the scan's (scan %.0f ms)%n",
          perimeter == null ? "département" : perimeter,
          scanMs);
    }
  }

  static IndicatorFigures sorted(IndicatorFigures f) {
    Map<String, List<IndicatorFigures.Row>> b = new LinkedHashMap<>();
    f.breakdowns()
        .forEach(
            (d, rows) -> {
              List<IndicatorFigures.Row> l = new ArrayList<>(rows);
              l.sort(Comparator.comparing(IndicatorFigures.Row::code));
              b.put(d, l);
            });
    return new IndicatorFigures(f.total(), f.delays(), f.perimeters(), b);
  }

  /**
   * What keeping the counts costs the writers: transactions of 500 registrations through the
   * pathway's event (as an import chunk does), half of them young people already known (their cases
   * are read and locked), leaving in 2040 so that no figure above moves; then removed.
   */
  static void maintenance(
      ConfigurableApplicationContext app,
      TransactionTemplate transactions,
      IndicatorService indicators,
      SyntheticDepartement synth,
      Connection c)
      throws Exception {
    int chunks = 6;
    List<Double> ms = new ArrayList<>();
    java.util.Set<Long> people = new java.util.HashSet<>();
    int n = 0;
    for (int chunk = 0; chunk < chunks; chunk++) {
      List<CaseRegistered> events = new ArrayList<>();
      for (int i = 0; i < 500; i++, n++) {
        long person =
            i % 2 == 0
                ? synth.cases.get((n * 7919) % synth.cases.size()).personId()
                : 2_000_000_000L + n;
        events.add(
            new CaseRegistered(
                "BENCHX-" + n,
                person,
                SyntheticDepartement.PERIMETERS.get(n % 3),
                CaseOrigin.IMPORT,
                LeaverSource.EN,
                n % 2 == 0 ? "F" : "M",
                16 + n % 10,
                SchoolLevel.values()[n % SchoolLevel.values().length],
                "Démission",
                LocalDate.of(2040, 9, 1).plusDays(n % 300),
                LocalDate.of(2040, 9, 1).plusDays(n % 300)));
        people.add(person);
      }
      long t = System.nanoTime();
      transactions.executeWithoutResult(tx -> events.forEach(app::publishEvent));
      ms.add((System.nanoTime() - t) / 1e6);
    }
    long leavers =
        transactions
            .execute(tx -> indicators.compute(indicators.period("2040-2041", "2041-Q2"), null))
            .total()
            .leavers();
    Collections.sort(ms);
    System.out.printf(
        Locale.ROOT,
        "registrations with the counts kept: %d transactions of 500 (half known young people):"
            + " median %.0f ms, max %.0f ms a transaction; 2040-2041 leavers counted %d, distinct"
            + " young people registered %d%n",
        chunks,
        ms.get(ms.size() / 2),
        ms.get(ms.size() - 1),
        leavers,
        people.size());
    if (leavers != people.size()) {
      throw new AssertionError("the counts kept by the registrations are wrong");
    }
    try (Statement s = c.createStatement()) {
      s.execute("DELETE FROM indicator_case_fact WHERE case_number LIKE 'BENCHX-%'");
      s.execute("DELETE FROM indicator_count WHERE school_year = 2040");
    }
  }

  static Integer days(LocalDate from, LocalDate to) {
    return from == null || to == null ? null : (int) ChronoUnit.DAYS.between(from, to);
  }

  /** The figures of a few quarters, département and perimeters, against the generated cases. */
  static void check(IndicatorService indicators, SyntheticDepartement synth) {
    int checked = 0;
    for (String[] p :
        new String[][] {
          {"2022-2023", "2023-Q1"}, {"2023-2024", "2024-Q2"}, {"2021-2022", "2022-Q3"}
        }) {
      for (String perimeter : new String[] {null, "LYON", "EST", "NORD"}) {
        var all = indicators.compute(indicators.period(p[0], p[1]), perimeter);
        var f = all.total();
        Expected e =
            synth.expected(p[0], p[1], c -> perimeter == null || c.perimeter().equals(perimeter));
        if (f.leavers() != e.leavers()
            || f.takenInCharge() != e.takenInCharge()
            || f.oneYearCohort() != e.oneYearCohort()
            || f.solutionAfterOneYear() != e.solutionAfterOneYear()
            || !Objects.equals(
                all.delays().medianDaysToFirstContact(), e.medianDaysToFirstContact())
            || !Objects.equals(
                all.delays().medianDaysToTakenInCharge(), e.medianDaysToTakenInCharge())) {
          throw new AssertionError(
              "figures differ for "
                  + String.join(" ", p)
                  + " "
                  + perimeter
                  + ": "
                  + all
                  + " vs "
                  + e);
        }
        checked++;
      }
    }
    var f = indicators.compute(indicators.period("2022-2023", "2023-Q1"), null).total();
    System.out.printf(
        Locale.ROOT,
        "figures correct (%d scopes, counts and medians, checked against the generated cases);"
            + " 2022-2023/2023-Q1:"
            + " I1 %d, I2 %d, I3 %d of %d%n",
        checked,
        f.leavers(),
        f.takenInCharge(),
        f.solutionAfterOneYear(),
        f.oneYearCohort());
  }

  static void time(
      String label,
      IndicatorService indicators,
      ObjectMapper json,
      String perimeter,
      boolean live,
      int runs)
      throws Exception {
    var period = indicators.period("2022-2023", "2023-Q1");
    for (int i = 0; i < 3; i++) {
      json.writeValueAsBytes(indicators.report(period, perimeter, live, true));
    }
    List<Double> ms = new ArrayList<>();
    int size = 0;
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      IndicatorReport r = indicators.report(period, perimeter, live, true);
      size = json.writeValueAsBytes(r).length;
      ms.add((System.nanoTime() - start) / 1e6);
    }
    Collections.sort(ms);
    System.out.printf(
        Locale.ROOT,
        "report %s 2022-2023/2023-Q1 (%d runs, JSON %d bytes): median %.1f ms, p95 %.1f ms, max %.1f ms%n",
        label,
        runs,
        size,
        ms.get(ms.size() / 2),
        ms.get((int) Math.ceil(ms.size() * 0.95) - 1),
        ms.get(ms.size() - 1));
  }
}
