package fr.raccroche.pathway.tools;

import fr.raccroche.benchmarks.CpuMeter;
import fr.raccroche.benchmarks.EngineFloor;
import fr.raccroche.benchmarks.MachineFacts;
import fr.raccroche.pathway.Admission;
import fr.raccroche.pathway.CaseIntake;
import fr.raccroche.pathway.CaseOrigin;
import fr.raccroche.pathway.LeaverSource;
import fr.raccroche.pathway.NewCase;
import fr.raccroche.pathway.PathwayStarts;
import fr.raccroche.pathway.PersonDetails;
import fr.raccroche.pathway.SchoolLevel;
import fr.raccroche.territory.TerritoryService;
import fr.raccroche.testsupport.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * B2 — pathway starts per second through the real service (not a test; see docs/benchmarks.md):
 *
 * <pre>
 * DB_URL=jdbc:postgresql://127.0.0.1:5432/test DB_USER=postgres DB_PASSWORD= \
 *   mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=fr.raccroche.pathway.tools.PathwayStartBenchmark \
 *   -Dexec.args="--starts 1000 --history full,audit --threads 1,2 --batch 1,10,100"
 * </pre>
 *
 * <p>For each history level, on a fresh database: the machine's facts and B1, the floor ({@link
 * EngineFloor}), then for each batch size and thread count, {@code --starts} cases registered
 * without their pathway (as an import leaves them, through {@link CaseIntake#admit}), then started
 * through {@link PathwayStarts#startPending} — qualification DMN, the contact subprocess, its user
 * task and reminder timer, the coordinators' authorizations — {@code batch} starts a transaction on
 * {@code threads} threads. Prints starts/s, rows written per start (table by table for the first
 * configuration) and the ratio to the floor.
 */
public final class PathwayStartBenchmark {
  private static final String[] FIRST = {"Léa", "Chloé", "Inès", "Noé", "Mathéo", "Zoé", "Maël"};
  private static final String[] LAST = {"Lefèvre", "Müller", "Dupré", "Nguyen", "Benali", "Roux"};

  private PathwayStartBenchmark() {}

  public static void main(String[] args) throws Exception {
    int starts = 1000;
    List<String> histories = List.of("full");
    int[] threads = {1, 2};
    int[] batches = {1, 10, 100};
    for (int i = 0; i < args.length - 1; i++) {
      switch (args[i]) {
        case "--starts" -> starts = Integer.parseInt(args[i + 1]);
        case "--history" -> histories = List.of(args[i + 1].split(","));
        case "--threads" -> threads = ints(args[i + 1]);
        case "--batch" -> batches = ints(args[i + 1]);
        default -> {}
      }
    }
    System.setProperty("raccroche.test.database", "postgres");
    for (String history : histories) {
      run(history, starts, threads, batches);
    }
  }

  private static void run(String history, int starts, int[] threads, int[] batches)
      throws Exception {
    TestDatabases.Settings db = TestDatabases.fresh("bench_b2");
    double floor = EngineFloor.measure(db.url(), db.user(), db.password(), 50_000);
    try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
      MachineFacts.print(c);
    }
    ConfigurableApplicationContext app =
        fr.raccroche.benchmarks.BenchApp.start(
            db.url(),
            db.user(),
            db.password(),
            "--camunda.bpm.history-level=" + history,
            "--camunda.bpm.job-execution.enabled=false",
            "--camunda.bpm.webapp.enabled=false",
            "--raccroche.demo.cases=false");
    try {
      CaseIntake intake = app.getBean(CaseIntake.class);
      PathwayStarts pathwayStarts = app.getBean(PathwayStarts.class);
      TerritoryService territory = app.getBean(TerritoryService.class);
      TransactionTemplate tx =
          new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
      Random random = new Random(42);
      boolean first = true;
      System.out.printf(
          Locale.ROOT,
          "history %s: B1 floor %.0f rows/s (EngineFloor: JDBC batches of 1,000 rows shaped like ACT_HI_ACTINST)%n",
          history,
          floor);
      for (int batch : batches) {
        for (int t : threads) {
          register(intake, territory, tx, random, starts);
          Map<String, Long> before = rowCounts(db);
          CpuMeter.Cpu cpu;
          long start;
          int started;
          double seconds;
          try (Connection meter = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            CpuMeter cpuMeter =
                CpuMeter.start(meter, db.url().substring(db.url().lastIndexOf('/') + 1));
            start = System.nanoTime();
            started =
                (int)
                    pathwayStarts
                        .startPending(
                            batch, t, n -> {}, fr.raccroche.shared.Attempts.OutageObserver.NONE)
                        .started();
            seconds = (System.nanoTime() - start) / 1e9;
            cpu = cpuMeter.stop();
          }
          Map<String, Long> after = rowCounts(db);
          long rows = 0;
          Map<String, Long> perTable = new TreeMap<>();
          for (var e : after.entrySet()) {
            long d = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            if (d != 0) {
              perTable.put(e.getKey(), d);
              rows += d;
            }
          }
          double rate = started / seconds;
          System.out.printf(
              Locale.ROOT,
              "history %s, batch %d, threads %d: %d starts in %.1f s = %.0f starts/s; %.1f rows per start = %.0f rows/s (1/%.0f of the floor)%n",
              history,
              batch,
              t,
              started,
              seconds,
              rate,
              rows / (double) started,
              rows / seconds,
              floor / (rows / seconds));
          System.out.printf(
              Locale.ROOT,
              "  CPU per start: %.1f ms in the JVM + %.1f ms in PostgreSQL = %.1f ms (ceiling on"
                  + " %d cores: %.0f starts/s); cores busy %.0f%%%n",
              cpu.jvmSeconds() * 1000 / started,
              cpu.postgresSeconds() * 1000 / started,
              (cpu.jvmSeconds() + cpu.postgresSeconds()) * 1000 / started,
              Runtime.getRuntime().availableProcessors(),
              Runtime.getRuntime().availableProcessors()
                  * started
                  / (cpu.jvmSeconds() + cpu.postgresSeconds()),
              (cpu.jvmSeconds() + cpu.postgresSeconds())
                  / seconds
                  / Runtime.getRuntime().availableProcessors()
                  * 100);
          if (first) {
            StringBuilder b = new StringBuilder("  rows per start by table:");
            perTable.forEach(
                (table, n) ->
                    b.append(String.format(Locale.ROOT, " %s %.1f", table, n / (double) started)));
            System.out.println(b);
            long waiting =
                app.getBean(TaskService.class)
                    .createTaskQuery()
                    .taskDefinitionKey("Task_ContactYoungPerson")
                    .count();
            System.out.println("  pathways waiting at Task_ContactYoungPerson: " + waiting);
            first = false;
          }
        }
      }
    } finally {
      app.close();
    }
  }

  /**
   * Registers cases without their pathway, as an import's rows phase leaves them: 500 a transaction
   * through the intake, each in one of the demo perimeters.
   */
  private static void register(
      CaseIntake intake, TerritoryService territory, TransactionTemplate tx, Random random, int n) {
    var routing = territory.routingTable();
    String[][] places = {{"69383", "69003"}, {"69266", "69100"}, {"69264", "69400"}};
    for (int done = 0; done < n; done += 500) {
      int size = Math.min(500, n - done);
      List<Admission> batch = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        LocalDate birth = LocalDate.of(2007, 1, 1).plusDays(random.nextInt(1500));
        String[] place = places[random.nextInt(places.length)];
        PersonDetails person =
            new PersonDetails(
                null,
                LAST[random.nextInt(LAST.length)] + "-" + random.nextInt(1_000_000),
                FIRST[random.nextInt(FIRST.length)],
                random.nextBoolean() ? "F" : "M",
                birth,
                random.nextInt(200) + " rue des Tilleuls",
                place[1],
                place[0],
                "Commune",
                "06" + String.format(Locale.ROOT, "%08d", random.nextInt(100_000_000)),
                null,
                null,
                null);
        batch.add(
            new Admission(
                new NewCase(
                    person,
                    CaseOrigin.IMPORT,
                    LeaverSource.EN,
                    LocalDate.now(),
                    LocalDate.now().minusMonths(2),
                    "Abandon",
                    "CAP Cuisine",
                    SchoolLevel.CAP_BEP,
                    null,
                    null,
                    null,
                    false,
                    null,
                    false),
                Admission.Kind.LEAVER,
                null));
      }
      tx.executeWithoutResult(s -> intake.admit(batch, routing));
    }
  }

  /** Rows of every table of the schema (exact counts). */
  private static Map<String, Long> rowCounts(TestDatabases.Settings db) throws Exception {
    Map<String, Long> counts = new TreeMap<>();
    try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
        Statement s = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet r =
          s.executeQuery(
              "select table_name from information_schema.tables where table_schema = 'public'"
                  + " and table_type = 'BASE TABLE'")) {
        while (r.next()) {
          tables.add(r.getString(1));
        }
      }
      for (String table : tables) {
        try (ResultSet r = s.executeQuery("select count(*) from \"" + table + "\"")) {
          r.next();
          counts.put(table.toLowerCase(Locale.ROOT), r.getLong(1));
        }
      }
    }
    return counts;
  }

  private static int[] ints(String csv) {
    return Arrays.stream(csv.split(",")).mapToInt(Integer::parseInt).toArray();
  }
}
