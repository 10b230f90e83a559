package fr.raccroche.detection.tools;

import fr.raccroche.detection.ImportKind;
import fr.raccroche.detection.ImportReport;
import fr.raccroche.detection.ImportService;
import fr.raccroche.detection.internal.ColumnAliases;
import fr.raccroche.detection.internal.LeaverRow;
import fr.raccroche.detection.internal.LeaverRowParser;
import fr.raccroche.detection.internal.ListFile;
import fr.raccroche.detection.internal.ListRecord;
import fr.raccroche.detection.internal.ParsedRow;
import fr.raccroche.pathway.LeaverSource;
import fr.raccroche.testsupport.TestDatabases;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Benchmark of a large import on PostgreSQL (not a test; see docs/benchmarks.md):
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=fr.raccroche.detection.tools.ImportBenchmark -Dexec.args="--rows 100000"
 * </pre>
 *
 * <p>With {@code --xlsx}, the generated list is written as an Excel workbook (dates as Excel dates,
 * postal and commune codes as numbers) and that workbook is imported; the floor then reads the
 * workbook too.
 *
 * <p>Generates a seeded file, measures in the same run (1) the floor: parsing the file and a plain
 * JDBC batch insert of its rows (1,000 a transaction); (2) the import: (a) rows/s until every row
 * is validated, matched and stored, (b) rows/s until every new young person's pathway waits at its
 * first task; the peak heap. PostgreSQL: DB_URL (a fresh database is created on that server) or an
 * embedded PostgreSQL 15.
 */
public final class ImportBenchmark {
  private ImportBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rows = 100_000;
    long seed = 42;
    boolean rowsOnly = false;
    boolean rerun = false;
    String variant = "standard";
    boolean xlsx = false;
    for (String arg : args) {
      rowsOnly |= arg.equals("--rows-only");
      rerun |= arg.equals("--rerun");
      xlsx |= arg.equals("--xlsx");
    }
    String databasePrefix = "bench";
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals("--db-prefix")) databasePrefix = args[i + 1];
      if (args[i].equals("--rows")) rows = Integer.parseInt(args[i + 1]);
      if (args[i].equals("--seed")) seed = Long.parseLong(args[i + 1]);
      if (args[i].equals("--variant")) variant = args[i + 1];
    }
    System.setProperty("raccroche.test.database", "postgres");
    Path file = Files.createTempFile("raccroche-bench-", ".csv");
    LeaverFileGenerator.main(
        new String[] {
          "--rows",
          String.valueOf(rows),
          "--seed",
          String.valueOf(seed),
          "--out",
          file.toString(),
          "--variant",
          variant
        });
    System.out.printf(
        Locale.ROOT,
        "machine: %d cores, %s, max heap %d MB%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() / (1024 * 1024));
    System.out.printf(Locale.ROOT, "file: %d rows, %.1f MB%n", rows, Files.size(file) / 1e6);
    String uploadName = "bench.csv";
    if (xlsx) {
      Path book = Files.createTempFile("raccroche-bench-", ".xlsx");
      WorkbookCopy.of(file, book);
      Files.delete(file);
      file = book;
      uploadName = "bench.xlsx";
      System.out.printf(
          Locale.ROOT, "workbook: %d rows, %.1f MB (.xlsx)%n", rows, Files.size(file) / 1e6);
    }
    final String fileName = uploadName;

    TestDatabases.Settings db = TestDatabases.fresh(databasePrefix);
    floor(file, db);

    final int rowCount = rows;
    final boolean stopAfterRows = rowsOnly;
    ConfigurableApplicationContext app =
        fr.raccroche.benchmarks.BenchApp.start(
            db.url(),
            db.user(),
            db.password(),
            "--camunda.bpm.job-execution.enabled=false",
            "--camunda.bpm.webapp.enabled=false",
            "--raccroche.demo.cases=false",
            "--logging.level.fr.raccroche.shared.PlannerStatistics=INFO");
    try {
      ImportService imports = app.getBean(ImportService.class);
      AtomicLong peakHeap = new AtomicLong();
      AtomicReference<Long> rowsDoneAt = new AtomicReference<>();
      AtomicReference<Long> importId = new AtomicReference<>();
      long start = System.nanoTime();
      Thread sampler =
          new Thread(
              () -> {
                while (!Thread.currentThread().isInterrupted()) {
                  peakHeap.accumulateAndGet(heapUsed(), Math::max);
                  Long id = importId.get();
                  if (id == null) {
                    id = imports.history(null).isEmpty() ? null : imports.history(null).get(0).id();
                    importId.set(id);
                  }
                  if (id != null && rowsDoneAt.get() == null) {
                    ImportReport r = imports.report(id);
                    if ("PATHWAYS".equals(r.phase())
                        || r.status() != fr.raccroche.detection.ImportStatus.RUNNING) {
                      rowsDoneAt.set(System.nanoTime());
                      if (stopAfterRows) {
                        // (a) only: stop here, the pathways are not started (profiling the rows
                        // phase); the database is left half-started, drop it.
                        reportRowsPhase(rowCount, (rowsDoneAt.get() - start) / 1e9, peakHeap.get());
                        System.exit(0); // shutdown hooks run: a flight recording is written
                      }
                    }
                  }
                  try {
                    Thread.sleep(100);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              });
      sampler.setDaemon(true);
      sampler.start();
      ImportReport report;
      try (InputStream in = Files.newInputStream(file)) {
        report =
            imports.submit(
                in, fileName, LeaverSource.EN, ImportKind.LEAVERS, null, "benchmark", true);
      }
      long end = System.nanoTime();
      sampler.interrupt();
      double rowsSeconds = ((rowsDoneAt.get() == null ? end : rowsDoneAt.get()) - start) / 1e9;
      double totalSeconds = (end - start) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "import: status %s, read %d, created %d, merged %d, unchanged %d, rejected %d, excluded %d, pathways %d%n",
          report.status(),
          report.rowsRead(),
          report.created(),
          report.merged(),
          report.unchanged(),
          report.rejected(),
          report.excluded(),
          report.progress().pathwaysStarted());
      // What the new cases became: started, left for a supervisor's review, failed to start.
      System.out.printf(
          Locale.ROOT,
          "pathways to start %d, started %d, start failures %d; warnings %d%n",
          report.progress().pathwaysToStart(),
          report.progress().pathwaysStarted(),
          report.startFailures().size(),
          report.warnings().size());
      report.warnings().stream().limit(5).forEach(w -> System.out.println("  warning: " + w));
      System.out.printf(
          Locale.ROOT,
          "(a) validated, matched, stored: %.1f s, %.0f rows/s%n",
          rowsSeconds,
          rows / rowsSeconds);
      System.out.printf(
          Locale.ROOT,
          "(b) end to end (pathways waiting at their first task): %.1f s, %.0f rows/s, pathway starts %.0f/s%n",
          totalSeconds,
          rows / totalSeconds,
          report.progress().pathwaysStarted() / Math.max(0.001, totalSeconds - rowsSeconds));
      System.out.printf(Locale.ROOT, "peak heap used: %d MB%n", peakHeap.get() / (1024 * 1024));
      if (rerun) {
        long again = System.nanoTime();
        ImportReport second;
        try (InputStream in = Files.newInputStream(file)) {
          second =
              imports.submit(
                  in, fileName, LeaverSource.EN, ImportKind.LEAVERS, null, "benchmark", true);
        }
        System.out.printf(
            Locale.ROOT,
            "re-run of the same file: %.1f s; status %s, read %d, created %d, merged %d, updated %d, unchanged %d, rejected %d, excluded %d, pathways %d%n",
            (System.nanoTime() - again) / 1e9,
            second.status(),
            second.rowsRead(),
            second.created(),
            second.merged(),
            second.updated(),
            second.unchanged(),
            second.rejected(),
            second.excluded(),
            second.progress().pathwaysStarted());
      }
    } finally {
      app.close();
      Files.deleteIfExists(file);
    }
  }

  private static void reportRowsPhase(int rows, double seconds, long peakHeap) {
    System.out.printf(
        Locale.ROOT,
        "(a) validated, matched, stored: %.1f s, %.0f rows/s; peak heap %d MB (--rows-only: stopped"
            + " before the pathways)%n",
        seconds,
        rows / seconds,
        peakHeap / (1024 * 1024));
    System.out.flush();
  }

  /** Parses the file and inserts its valid rows with plain JDBC batches: what nothing can beat. */
  private static void floor(Path file, TestDatabases.Settings db) throws Exception {
    long start = System.nanoTime();
    long parsed = 0;
    long inserted = 0;
    try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
        ListFile csv = ListFile.open(file, null, ColumnAliases.builtIn()::score)) {
      try (Statement s = c.createStatement()) {
        s.execute(
            "CREATE TABLE bench_floor (id BIGSERIAL PRIMARY KEY, ine VARCHAR(11), last_name VARCHAR(100), first_name VARCHAR(100), birth_date DATE, postal_code VARCHAR(5), commune_code VARCHAR(5), uai VARCHAR(8), leaving_date DATE, row_hash VARCHAR(64))");
      }
      c.setAutoCommit(false);
      LeaverRowParser parser =
          new LeaverRowParser(csv.header(), ImportKind.LEAVERS, LocalDate.now());
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO bench_floor (ine, last_name, first_name, birth_date, postal_code, commune_code, uai, leaving_date, row_hash) VALUES (?,?,?,?,?,?,?,?,?)")) {
        ListRecord record;
        int batch = 0;
        while ((record = csv.next()) != null) {
          parsed++;
          if (record.error() != null) continue;
          ParsedRow p = parser.parse(record);
          if (p.outcome() != ParsedRow.Outcome.VALID) continue;
          LeaverRow r = p.row();
          insert.setString(1, r.ine());
          insert.setString(2, r.lastName());
          insert.setString(3, r.firstName());
          insert.setDate(4, Date.valueOf(r.birthDate()));
          insert.setString(5, r.postalCode());
          insert.setString(6, r.communeCode());
          insert.setString(7, r.uai());
          insert.setDate(8, r.leavingDate() == null ? null : Date.valueOf(r.leavingDate()));
          insert.setString(9, r.rowHash());
          insert.addBatch();
          inserted++;
          if (++batch == 1000) {
            insert.executeBatch();
            c.commit();
            batch = 0;
          }
        }
        insert.executeBatch();
        c.commit();
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "floor: read + parse + JDBC batch insert of %d valid rows (of %d): %.1f s, %.0f rows/s%n",
        inserted,
        parsed,
        seconds,
        parsed / seconds);
  }

  private static long heapUsed() {
    long used = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        used += pool.getUsage().getUsed();
      }
    }
    return used;
  }
}
