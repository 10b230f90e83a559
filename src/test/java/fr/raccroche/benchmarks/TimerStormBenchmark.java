package fr.raccroche.benchmarks;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * B4, a timer storm (see docs/benchmarks.md): {@code --timers} reminders of the real pathway
 * (Timer_ContactReminder on Task_ContactYoungPerson, executed by the real SendReminderDelegate) due
 * at once, drained by the job executor, with Camunda's default job-executor settings, then tuned
 * ones, in the same run and on the same database, after B1 (the floor).
 *
 * <pre>
 * DB_URL=jdbc:postgresql://127.0.0.1:5432/postgres DB_USER=postgres DB_PASSWORD= \
 *   mvn -B -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=fr.raccroche.benchmarks.TimerStormBenchmark -Dexec.args="--timers 100000"
 * </pre>
 *
 * <p>How the instances are made: {@code --templates} pathways started by the engine (the cases
 * service, two threads), then copied in SQL by {@link InstanceCloner} (runtime and history) up to
 * {@code --timers} per phase. All reminders are parked far in the future; each phase makes its
 * share due "now", starts the job executor with its settings and waits until every one ran.
 */
public final class TimerStormBenchmark {
  static final AtomicLong jobExceptions = new AtomicLong();
  static final AtomicLong optimisticLocking = new AtomicLong();
  static final AtomicLong rejected = new AtomicLong();
  static final Timestamp PARKED = Timestamp.valueOf("2100-01-01 00:00:00");

  private TimerStormBenchmark() {}

  /** Job-executor settings of a phase. */
  record Settings(
      String name,
      int corePool,
      int maxPool,
      int queue,
      int maxJobsPerAcquisition,
      long waitTime,
      long maxWait,
      int lockTime,
      int backoff,
      long maxBackoff,
      boolean auditHistory) {
    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "%s: threads %d-%d, queue %d, %d jobs per acquisition, wait %d ms (max %d ms), lock %d"
              + " ms, backoff %d ms (max %d ms), history %s",
          name,
          corePool,
          maxPool,
          queue,
          maxJobsPerAcquisition,
          waitTime,
          maxWait,
          lockTime,
          backoff,
          maxBackoff,
          auditHistory ? "audit" : "full");
    }
  }

  public static void main(String[] args) throws Exception {
    Args a = new Args(args);
    int timers = a.integer("timers", 100_000);
    int templates = a.integer("templates", 1_000);
    int threads = a.integer("threads", 2);
    String jfrPhase = a.string("jfr", "tuned");
    List<String> phases = List.of(a.string("phases", "default,tuned").split(","));
    int tunedThreads = a.integer("tuned-threads", 4);
    int tunedMaxThreads = a.integer("tuned-max-threads", 4);
    int tunedAcquisition = a.integer("tuned-acquisition", 20);
    int tunedQueue = a.integer("tuned-queue", 40);

    BenchDatabase db = BenchDatabase.fromEnvironment("raccroche_bench_b4", a.flag("keep"));
    try (Connection c = db.connect()) {
      MachineFacts.print(c);
    }
    double floor =
        EngineFloor.measure(db.url(), db.user(), db.password(), a.integer("floor-rows", 100_000));

    installLogCounter();
    ConfigurableApplicationContext app = BenchApp.start(db, "--camunda.bpm.webapp.enabled=false");
    List<String> summary = new ArrayList<>();
    try (Connection c = db.connect()) {
      ProcessEngineConfigurationImpl config =
          (ProcessEngineConfigurationImpl)
              app.getBean(ProcessEngine.class).getProcessEngineConfiguration();
      SpringJobExecutor executor = (SpringJobExecutor) config.getJobExecutor();
      executor.shutdown();
      ThreadPoolTaskExecutor bootPool = (ThreadPoolTaskExecutor) executor.getTaskExecutor();
      Settings defaults =
          new Settings(
              "default",
              bootPool.getCorePoolSize(),
              bootPool.getMaxPoolSize(),
              bootPool.getQueueCapacity(),
              executor.getMaxJobsPerAcquisition(),
              executor.getWaitTimeInMillis(),
              executor.getMaxWait(),
              executor.getLockTimeInMillis(),
              executor.getBackoffTimeInMillis(),
              executor.getMaxBackoff(),
              false);
      Map<String, Settings> settings = new LinkedHashMap<>();
      settings.put("default", defaults);
      settings.put(
          "tuned",
          new Settings(
              "tuned",
              tunedThreads,
              tunedMaxThreads,
              tunedQueue,
              tunedAcquisition,
              1000,
              1000,
              60_000,
              0,
              0,
              false));
      settings.put(
          "audit",
          new Settings(
              "audit",
              tunedThreads,
              tunedMaxThreads,
              tunedQueue,
              tunedAcquisition,
              1000,
              1000,
              60_000,
              0,
              0,
              true));

      InstanceCloner.markExisting(c);
      double starts = BenchApp.startCases(app, templates, threads);
      InstanceCloner cloner = new InstanceCloner(c, a.flag("clone-history"));
      int made = cloner.prepare("YouthPathwayProcess");
      Map<String, Long> perTemplate = cloner.templateRows();
      long total = perTemplate.values().stream().mapToLong(Long::longValue).sum();
      System.out.printf(
          Locale.ROOT,
          "rows per pathway at its first task: %.1f (%s)%n",
          total / (double) made,
          perTemplate);
      int copies = (int) Math.ceil((double) timers * phases.size() / made) - 1;
      cloner.copyAll(copies, Math.max(1, 20_000 / made));
      String reminderDef;
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT id_ FROM act_ru_jobdef WHERE act_id_ = 'Timer_ContactReminder'")) {
        rs.next();
        reminderDef = rs.getString(1);
      }
      try (PreparedStatement park =
          c.prepareStatement("UPDATE act_ru_job SET duedate_ = ? WHERE job_def_id_ = ?")) {
        park.setTimestamp(1, PARKED);
        park.setString(2, reminderDef);
        System.out.println("reminders parked: " + park.executeUpdate());
      }
      try (Statement s = c.createStatement()) {
        s.execute("VACUUM ANALYZE act_ru_job");
      }
      summary.add(
          String.format(
              Locale.ROOT,
              "B1 floor %.0f rows/s; engine starts %.0f/s on %d threads (%.4f of the floor)",
              floor,
              starts,
              threads,
              starts / floor));
      for (String phase : phases) {
        summary.add(
            drain(
                c,
                db,
                config,
                executor,
                settings.get(phase),
                reminderDef,
                timers,
                floor,
                phase.equals(jfrPhase)));
      }
    } finally {
      app.close();
      db.dropIfCreated();
    }
    System.out.println();
    System.out.println("==== B4 summary ====");
    summary.forEach(System.out::println);
  }

  private static String drain(
      Connection c,
      BenchDatabase db,
      ProcessEngineConfigurationImpl config,
      SpringJobExecutor executor,
      Settings s,
      String reminderDef,
      int timers,
      double floor,
      boolean jfr)
      throws Exception {
    System.out.println();
    System.out.println("---- phase " + s);
    String table = "bench_phase_" + s.name();
    Timestamp due = new Timestamp(System.currentTimeMillis());
    try (Statement st = c.createStatement()) {
      st.execute(
          "CREATE TABLE "
              + table
              + " AS SELECT id_ AS job_id, process_instance_id_ AS proc_inst_id FROM act_ru_job"
              + " WHERE job_def_id_ = '"
              + reminderDef
              + "' AND duedate_ = '2100-01-01' LIMIT "
              + timers);
      st.execute("ALTER TABLE " + table + " ADD PRIMARY KEY (job_id)");
      st.execute("CREATE INDEX ON " + table + " (proc_inst_id)");
      st.execute("ANALYZE " + table);
    }
    int count;
    try (PreparedStatement up =
        c.prepareStatement(
            "UPDATE act_ru_job SET duedate_ = ? WHERE id_ IN (SELECT job_id FROM " + table + ")")) {
      up.setTimestamp(1, due);
      count = up.executeUpdate();
    }
    // What autovacuum does in production (operations.md: act_ru_job vacuumed after 1 % of changes);
    // this machine's server runs with autovacuum off. Without it the acquisition query reads the
    // dead versions left by the UPDATE above and by every job done: 0.1-0.5 s a query at 100,000
    // jobs, 35 jobs/s with the default settings (first attempt of the 100,000-timer run).
    try (Statement st = c.createStatement()) {
      st.execute("VACUUM ANALYZE act_ru_job");
    }
    // The executor's settings (a fresh thread pool that counts the hand-offs it refuses).
    ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
    pool.setCorePoolSize(s.corePool());
    pool.setMaxPoolSize(s.maxPool());
    pool.setQueueCapacity(s.queue());
    pool.setThreadNamePrefix("bench-job-" + s.name() + "-");
    pool.setRejectedExecutionHandler(
        (r, e) -> {
          rejected.incrementAndGet();
          new ThreadPoolExecutor.AbortPolicy().rejectedExecution(r, e);
        });
    pool.initialize();
    executor.setTaskExecutor(pool);
    executor.setMaxJobsPerAcquisition(s.maxJobsPerAcquisition());
    executor.setWaitTimeInMillis((int) s.waitTime());
    executor.setMaxWait(s.maxWait());
    executor.setLockTimeInMillis(s.lockTime());
    executor.setBackoffTimeInMillis(s.backoff());
    executor.setMaxBackoff(s.maxBackoff());
    HistoryLevel fullHistory = config.getHistoryLevel();
    if (s.auditHistory()) {
      config.setHistoryLevel(HistoryLevel.HISTORY_LEVEL_AUDIT);
    }
    long[] db0 = dbStats(c, db.name());
    CpuMeter cpu = CpuMeter.start(c, db.name());
    long exceptions0 = jobExceptions.get();
    long ole0 = optimisticLocking.get();
    long rejected0 = rejected.get();
    String load0 = MachineFacts.loadAverage();
    JfrProfile profile = jfr ? JfrProfile.start() : null;
    long t0 = System.nanoTime();
    executor.start();
    int left = count;
    long lastProgress = System.nanoTime();
    long lastPrint = 0;
    int lastLeft = left;
    long lastVacuum = System.nanoTime();
    while (left > 0) {
      Thread.sleep(1000);
      if (System.nanoTime() - lastVacuum > 20e9) {
        try (Statement st = c.createStatement()) {
          st.execute("VACUUM act_ru_job"); // autovacuum's place, every 20 s
        }
        lastVacuum = System.nanoTime();
      }
      try (Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "SELECT count(*) FROM act_ru_job j JOIN " + table + " p ON p.job_id = j.id_")) {
        rs.next();
        left = rs.getInt(1);
      }
      long now = System.nanoTime();
      if (left < lastLeft) lastProgress = now;
      lastLeft = left;
      if (now - lastPrint > 15e9) {
        System.out.printf(
            Locale.ROOT,
            "  %.0f s: %d left, %.0f jobs/s so far, load %s%n",
            (now - t0) / 1e9,
            left,
            (count - left) / ((now - t0) / 1e9),
            MachineFacts.loadAverage());
        lastPrint = now;
      }
      if (now - lastProgress > 180e9) {
        System.out.println("  no progress for 3 minutes: stopping");
        break;
      }
    }
    double wall = (System.nanoTime() - t0) / 1e9;
    executor.shutdown();
    String load1 = MachineFacts.loadAverage();
    String profileText = profile == null ? null : profile.stopAndSummarise("b4-" + s.name());
    config.setHistoryLevel(fullHistory);
    CpuMeter.Cpu used = cpu.stop();
    long[] db1 = dbStats(c, db.name());

    // Figures from the engine's own records: the job log (successes, failures), the activity
    // history (one reminder per instance), the comments the delegate wrote, incidents.
    double p50;
    double p95;
    double max;
    int succeeded;
    int failures;
    Timestamp last;
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT count(*) FILTER (WHERE job_state_ = 2), count(*) FILTER (WHERE job_state_ ="
                    + " 1), max(timestamp_) FILTER (WHERE job_state_ = 2),"
                    + " percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM timestamp_ -"
                    + " job_duedate_)) FILTER (WHERE job_state_ = 2), percentile_cont(0.95) WITHIN"
                    + " GROUP (ORDER BY extract(epoch FROM timestamp_ - job_duedate_)) FILTER (WHERE"
                    + " job_state_ = 2), max(extract(epoch FROM timestamp_ - job_duedate_)) FILTER"
                    + " (WHERE job_state_ = 2) FROM act_hi_job_log WHERE job_id_ IN (SELECT job_id"
                    + " FROM "
                    + table
                    + ")")) {
      rs.next();
      succeeded = rs.getInt(1);
      failures = rs.getInt(2);
      last = rs.getTimestamp(3);
      p50 = rs.getDouble(4);
      p95 = rs.getDouble(5);
      max = rs.getDouble(6);
    }
    int reminded;
    int duplicates;
    int comments;
    int incidents;
    try (Statement st = c.createStatement()) {
      try (ResultSet rs =
          st.executeQuery(
              "SELECT count(*), count(*) FILTER (WHERE n > 1) FROM (SELECT proc_inst_id_, count(*)"
                  + " n FROM act_hi_actinst WHERE act_id_ = 'ServiceTask_RemindContact' AND"
                  + " proc_inst_id_ IN (SELECT proc_inst_id FROM "
                  + table
                  + ") GROUP BY proc_inst_id_) x")) {
        rs.next();
        reminded = rs.getInt(1);
        duplicates = rs.getInt(2);
      }
      try (ResultSet rs =
          st.executeQuery(
              "SELECT count(*) FROM act_hi_comment WHERE proc_inst_id_ IN (SELECT proc_inst_id FROM "
                  + table
                  + ")")) {
        rs.next();
        comments = rs.getInt(1);
      }
      try (ResultSet rs = st.executeQuery("SELECT count(*) FROM act_ru_incident")) {
        rs.next();
        incidents = rs.getInt(1);
      }
    }
    double drain = last == null ? wall : (last.getTime() - due.getTime()) / 1000.0;
    double jobsPerSecond = succeeded / drain;
    long commits = db1[0] - db0[0];
    long written = (db1[1] - db0[1]) + (db1[2] - db0[2]) + (db1[3] - db0[3]);
    System.out.printf(
        Locale.ROOT,
        "  due %d, executed %d in %.1f s (due → last executed): %.0f jobs/s (%.4f of the floor;"
            + " %.0f rows written/s = %.2f of the floor)%n",
        count,
        succeeded,
        drain,
        jobsPerSecond,
        jobsPerSecond / floor,
        written / drain,
        written / drain / floor);
    System.out.printf(
        Locale.ROOT, "  lag due → executed: p50 %.1f s, p95 %.1f s, max %.1f s%n", p50, p95, max);
    System.out.printf(
        Locale.ROOT,
        "  job failures logged %d, exceptions while executing %d, of which OptimisticLockingException"
            + " %d; hand-offs refused by the executor's queue %d%n",
        failures,
        jobExceptions.get() - exceptions0,
        optimisticLocking.get() - ole0,
        rejected.get() - rejected0);
    System.out.printf(
        Locale.ROOT,
        "  instances reminded %d of %d, reminded twice %d, comments %d, jobs left %d, incidents %d%n",
        reminded,
        count,
        duplicates,
        comments,
        left,
        incidents);
    System.out.printf(
        Locale.ROOT,
        "  per job: %.2f transactions, %.1f rows inserted, %.1f updated, %.1f deleted, %.1f"
            + " fetched; CPU %.2f ms in the JVM, %.2f ms in PostgreSQL (its backends for this database and its writers)%n",
        commits / (double) succeeded,
        (db1[1] - db0[1]) / (double) succeeded,
        (db1[2] - db0[2]) / (double) succeeded,
        (db1[3] - db0[3]) / (double) succeeded,
        (db1[4] - db0[4]) / (double) succeeded,
        used.jvmSeconds() * 1000 / succeeded,
        used.postgresSeconds() * 1000 / succeeded);
    System.out.printf(
        Locale.ROOT,
        "  CPU during the drain: JVM %.0f%%, PostgreSQL %.0f%% of 2 cores' time; load average %s →"
            + " %s%n",
        used.jvmSeconds() / wall / 2 * 100,
        used.postgresSeconds() / wall / 2 * 100,
        load0,
        load1);
    if (profileText != null) System.out.println(profileText);
    return String.format(
        Locale.ROOT,
        "%s: %d timers, %.0f jobs/s (%.4f of B1), lag p50 %.1f s p95 %.1f s, OLE %d, failures %d,"
            + " refused hand-offs %d, twice %d, left %d, incidents %d; load %s → %s",
        s,
        count,
        jobsPerSecond,
        jobsPerSecond / floor,
        p50,
        p95,
        optimisticLocking.get() - ole0,
        failures,
        rejected.get() - rejected0,
        duplicates,
        left,
        incidents,
        load0,
        load1);
  }

  /** xact_commit, tup_inserted, tup_updated, tup_deleted, tup_fetched of the database. */
  private static long[] dbStats(Connection c, String name) throws Exception {
    try (Statement st = c.createStatement()) {
      st.execute("SELECT pg_stat_clear_snapshot()");
      try (ResultSet rs =
          st.executeQuery(
              "SELECT xact_commit, tup_inserted, tup_updated, tup_deleted, tup_fetched FROM"
                  + " pg_stat_database WHERE datname = '"
                  + name
                  + "'")) {
        rs.next();
        return new long[] {
          rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)
        };
      }
    }
  }

  /**
   * Counts the job executor's "Exception while executing job" warnings, and the OLEs among them.
   */
  private static void installLogCounter() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.addTurboFilter(
        new TurboFilter() {
          @Override
          public FilterReply decide(
              Marker marker,
              ch.qos.logback.classic.Logger logger,
              Level level,
              String format,
              Object[] params,
              Throwable t) {
            if (format != null
                && format.contains("Exception while executing job")
                && logger.getName().startsWith("org.camunda.bpm.engine.jobexecutor")) {
              jobExceptions.incrementAndGet();
              boolean ole = t instanceof OptimisticLockingException;
              if (params != null) {
                for (Object p : params) {
                  if (p instanceof OptimisticLockingException
                      || (p != null && String.valueOf(p).contains("OptimisticLocking"))) {
                    ole = true;
                  }
                }
              }
              if (ole) optimisticLocking.incrementAndGet();
              return FilterReply.DENY;
            }
            return FilterReply.NEUTRAL;
          }
        });
  }
}
