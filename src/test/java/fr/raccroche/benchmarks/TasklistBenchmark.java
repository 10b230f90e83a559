package fr.raccroche.benchmarks;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * B5, Tasklist at scale (see docs/benchmarks.md): {@code --tasks} open pathway tasks
 * (Task_ContactYoungPerson, candidate group coord-&lt;perimeter&gt;, over the demo's three
 * perimeters) in the database; a coordinator of LYON (authorization checks on, as in production)
 * asks {@code engine-rest} for the shared filter "Tâches de mon périmètre" (a page of 15 and the
 * count, as Tasklist does) and for {@code /task?candidateGroup=coord-LYON}. Median and p95 over
 * {@code --runs} calls after warm-up, before and after the Tasklist indexes, in the same run; the
 * engine's SQL of each call is captured with its plan (target/b5-*-explain.txt).
 *
 * <pre>
 * DB_URL=jdbc:postgresql://127.0.0.1:5432/postgres DB_USER=postgres DB_PASSWORD= \
 *   mvn -B -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=fr.raccroche.benchmarks.TasklistBenchmark -Dexec.args="--tasks 200000"
 * </pre>
 *
 * <p>The tasks: {@code --templates} pathways started by the engine (the cases service), then their
 * runtime rows copied in SQL by {@link InstanceCloner} (executions, variables, the task, its
 * identity link, the authorizations, event subscriptions, the reminder job).
 */
public final class TasklistBenchmark {
  private TasklistBenchmark() {}

  record Call(String name, String method, String path, String accept, String body) {}

  public static void main(String[] args) throws Exception {
    Args a = new Args(args);
    int tasks = a.integer("tasks", 200_000);
    int templates = a.integer("templates", 600);
    int runs = a.integer("runs", 50);
    String user = a.string("user", "coord.lyon");
    String password = a.string("password", "demo");
    String reuse = a.string("database", null);
    BenchDatabase db =
        reuse == null
            ? BenchDatabase.fromEnvironment("raccroche_bench_b5", a.flag("keep"))
            : BenchDatabase.existing(reuse);
    try (Connection c = db.connect()) {
      MachineFacts.print(c);
    }
    double floor =
        EngineFloor.measure(db.url(), db.user(), db.password(), a.integer("floor-rows", 100_000));
    ConfigurableApplicationContext app =
        BenchApp.start(
            db, "--camunda.bpm.job-execution.enabled=false", "--camunda.bpm.webapp.enabled=false");
    List<String> summary = new ArrayList<>();
    try (Connection c = db.connect()) {
      if (reuse == null) {
        InstanceCloner.markExisting(c);
        BenchApp.startCases(app, templates, 2);
        InstanceCloner cloner = new InstanceCloner(c, false);
        int made = cloner.prepare("YouthPathwayProcess");
        int copies = Math.max(0, (int) Math.ceil((double) tasks / made) - 1);
        cloner.copyAll(copies, Math.max(1, 30_000 / made));
      }
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT count(*), count(*) FILTER (WHERE i.group_id_ = 'coord-LYON'),"
                      + " (SELECT count(*) FROM act_ru_authorization),"
                      + " (SELECT count(*) FROM act_ru_identitylink) FROM act_ru_task t JOIN"
                      + " act_ru_identitylink i ON i.task_id_ = t.id_ AND i.type_ = 'candidate'")) {
        rs.next();
        String facts =
            String.format(
                Locale.ROOT,
                "open tasks %d, of which candidate group coord-LYON %d; authorizations %d,"
                    + " identity links %d",
                rs.getInt(1),
                rs.getInt(2),
                rs.getInt(3),
                rs.getInt(4));
        System.out.println(facts);
        summary.add(facts);
      }
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      FilterService filters = engine.getFilterService();
      Filter filter =
          filters.createFilterQuery().filterName("Tâches de mon périmètre").singleResult();
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      List<Call> calls = calls(filter.getId(), "coord-LYON");
      Client client = new Client(port, user, password);
      String before = a.string("label-before", "before the Tasklist indexes");
      String indexes = a.string("indexes", "");
      // "Before" also runs the engine's own query of the authorized groups (a full scan of the
      // authorizations before every command), "after" the app's index walk
      // (AuthorizedGroupsQueryPlugin): the statement mapping is swapped back and forth.
      org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory sessions =
          ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
                  engine.getProcessEngineConfiguration())
              .getDbSqlSessionFactory();
      java.util.Map<String, String> withWalk = sessions.getStatementMappings();
      if (!indexes.isBlank()) {
        dropIndexes(c, indexes);
        java.util.Map<String, String> engineOwn = new java.util.HashMap<>(withWalk);
        engineOwn.remove("selectAuthorizedGroupIds");
        sessions.setStatementMappings(engineOwn);
      }
      explain(c, client, calls, "b5-before");
      if (a.flag("explain-only")) {
        return;
      }
      summary.addAll(measure(c, client, calls, runs, before, floor));
      if (!indexes.isBlank()) {
        long t0 = System.nanoTime();
        app.getBean(fr.raccroche.security.internal.CamundaIndexMigrations.class).migrate();
        sessions.setStatementMappings(withWalk);
        String built =
            String.format(
                Locale.ROOT,
                "Tasklist indexes built by the migration in %.1f s",
                (System.nanoTime() - t0) / 1e9);
        System.out.println(built);
        summary.add(built);
        explain(c, client, calls, "b5-after");
        summary.addAll(
            measure(
                c,
                client,
                calls,
                runs,
                "after the Tasklist statistics and the group index walk",
                floor));
      }
    } finally {
      app.close();
      db.dropIfCreated();
    }
    System.out.println();
    System.out.println("==== B5 summary ====");
    summary.forEach(System.out::println);
  }

  /**
   * What Tasklist and an engine-rest client ask for a coordinator's tasks: the shared filter {@code
   * filterId} (page of 15 in JSON and in HAL, its count) and {@code /task?candidateGroup=}.
   */
  static List<Call> calls(String filterId, String group) {
    String f = "/engine-rest/filter/" + filterId;
    String sorting = "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}";
    return List.of(
        new Call(
            "filter list, page of 15 (JSON)",
            "POST",
            f + "/list?firstResult=0&maxResults=15",
            "application/json",
            sorting),
        new Call(
            "filter list, page of 15 with the filter's variables (HAL, as Tasklist)",
            "POST",
            f + "/list?firstResult=0&maxResults=15",
            "application/hal+json",
            sorting),
        new Call("filter count", "POST", f + "/count", "application/json", "{}"),
        new Call(
            "task?candidateGroup=" + group + ", 15",
            "GET",
            "/engine-rest/task?candidateGroup=" + group + "&firstResult=0&maxResults=15",
            "application/json",
            null),
        new Call(
            "task?candidateGroup=" + group + " by due date, 15",
            "GET",
            "/engine-rest/task?candidateGroup="
                + group
                + "&sortBy=dueDate&sortOrder=asc"
                + "&firstResult=0&maxResults=15",
            "application/json",
            null),
        new Call(
            "task/count?candidateGroup=" + group,
            "GET",
            "/engine-rest/task/count?candidateGroup=" + group,
            "application/json",
            null));
  }

  /** Drops the named indexes and forgets their migration, to measure without them first. */
  private static void dropIndexes(Connection c, String names) throws Exception {
    try (Statement s = c.createStatement()) {
      for (String name : names.split(",")) {
        String n = name.trim();
        s.execute(
            n.startsWith("statistics:")
                ? "DROP STATISTICS IF EXISTS " + n.substring("statistics:".length())
                : "DROP INDEX IF EXISTS " + n);
      }
      s.execute("DROP TABLE IF EXISTS flyway_camunda_history");
      s.execute("ANALYZE");
    }
    System.out.println("indexes dropped for the first measure: " + names);
  }

  /** Cancels this database's statements that have run for more than 20 s (abandoned calls). */
  private static void cancelSlowStatements(Connection c) throws Exception {
    try (Statement s = c.createStatement()) {
      s.execute(
          "SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE datname = current_database()"
              + " AND pid <> pg_backend_pid() AND state = 'active' AND now() - query_start >"
              + " interval '20 seconds'");
    }
  }

  static List<String> measure(
      Connection c, Client client, List<Call> calls, int runs, String label, double floor)
      throws Exception {
    List<String> lines = new ArrayList<>();
    System.out.println();
    System.out.println("---- " + label + " (load average " + MachineFacts.loadAverage() + ")");
    lines.add("-- " + label + ", load average " + MachineFacts.loadAverage());
    for (Call call : calls) {
      long first = System.nanoTime();
      try {
        client.send(call, java.time.Duration.ofSeconds(60));
      } catch (java.net.http.HttpTimeoutException slow) {
        cancelSlowStatements(c);
        String line =
            String.format(
                Locale.ROOT,
                "%s: over 60 s (cancelled) — more than %.0f B1 rows' time",
                call.name(),
                60 * floor);
        System.out.println(line);
        lines.add(line);
        continue;
      }
      double firstMs = (System.nanoTime() - first) / 1e6;
      if (firstMs > 20_000) {
        String line =
            String.format(
                Locale.ROOT,
                "%s: %.0f s for one call — not repeated (%.0f B1 rows' time)",
                call.name(),
                firstMs / 1000,
                firstMs / 1000 * floor);
        System.out.println(line);
        lines.add(line);
        continue;
      }
      for (int i = 0; i < 4; i++) client.send(call);
      double[] ms = new double[runs];
      String sample = null;
      for (int i = 0; i < runs; i++) {
        long t0 = System.nanoTime();
        sample = client.send(call);
        ms[i] = (System.nanoTime() - t0) / 1e6;
      }
      Arrays.sort(ms);
      double median = ms[runs / 2];
      double p95 = ms[(int) Math.ceil(runs * 0.95) - 1];
      String line =
          String.format(
              Locale.ROOT,
              "%s: median %.0f ms, p95 %.0f ms, max %.0f ms (%d runs; p95 = %.0f B1 rows' time;"
                  + " answer %d chars: %s)",
              call.name(),
              median,
              p95,
              ms[runs - 1],
              runs,
              p95 / 1000 * floor,
              sample.length(),
              sample.length() > 60 ? sample.substring(0, 60) + "…" : sample);
      System.out.println(line);
      lines.add(line);
    }
    lines.add("   (load average after: " + MachineFacts.loadAverage() + ")");
    return lines;
  }

  /**
   * Captures the SQL the engine sends for each call (MyBatis' statement log, kept out of the
   * console) and writes it with its plan (EXPLAIN) into target/.
   */
  private static void explain(Connection c, Client client, List<Call> calls, String name)
      throws Exception {
    Logger mybatis =
        (Logger) LoggerFactory.getLogger("org.camunda.bpm.engine.impl.persistence.entity");
    Level level = mybatis.getLevel();
    boolean additive = mybatis.isAdditive();
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    StringBuilder out = new StringBuilder();
    try {
      mybatis.setLevel(Level.DEBUG);
      mybatis.setAdditive(false);
      mybatis.addAppender(captured);
      for (Call call : calls) {
        captured.list.clear();
        try {
          client.send(call, java.time.Duration.ofSeconds(30));
        } catch (java.net.http.HttpTimeoutException slow) {
          cancelSlowStatements(c);
        }
        out.append("==== ").append(call.name()).append('\n');
        String sql = null;
        for (ILoggingEvent e : new ArrayList<>(captured.list)) {
          String m = e.getFormattedMessage();
          if (m.startsWith("==>  Preparing: ")) {
            sql = m.substring("==>  Preparing: ".length());
          } else if (m.startsWith("==> Parameters: ") && sql != null) {
            String bound = bind(sql, m.substring("==> Parameters: ".length()));
            if (bound.trim().toUpperCase(Locale.ROOT).startsWith("SELECT")) {
              out.append("-- ").append(bound).append('\n');
              // The plan only (EXPLAIN ANALYZE of the slow statements takes minutes: run it by
              // hand on the statements written to the file).
              try (Statement s = c.createStatement();
                  ResultSet rs = s.executeQuery("EXPLAIN " + bound)) {
                while (rs.next()) out.append(rs.getString(1)).append('\n');
              }
              Files.writeString(
                  Path.of("target", name + "-explain.txt").toAbsolutePath(), out.toString());
            }
            sql = null;
          }
        }
      }
    } finally {
      mybatis.detachAppender(captured);
      mybatis.setLevel(level);
      mybatis.setAdditive(additive);
    }
    Path file = Path.of("target", name + "-explain.txt").toAbsolutePath();
    Files.writeString(file, out.toString());
    System.out.println("engine SQL and plans: " + file);
    for (String line : out.toString().split("\n")) {
      if (line.startsWith("==== ") || line.startsWith("Execution Time")) {
        System.out.println("  " + line);
      }
    }
  }

  /** Replaces MyBatis' {@code ?} by the logged parameters ("a(String), 15(Integer), null"). */
  static String bind(String sql, String parameters) {
    List<String> values = new ArrayList<>();
    if (!parameters.isBlank()) {
      for (String p : parameters.split(", (?=[^,]*\\(|null)")) {
        if (p.equals("null")) {
          values.add("NULL");
          continue;
        }
        int open = p.lastIndexOf('(');
        String value = p.substring(0, open);
        String type = p.substring(open + 1, p.length() - 1);
        if (type.equals("Integer") || type.equals("Long") || type.equals("Boolean")) {
          values.add(value);
        } else {
          values.add("'" + value.replace("'", "''") + "'");
        }
      }
    }
    StringBuilder out = new StringBuilder();
    int v = 0;
    for (char ch : sql.toCharArray()) {
      if (ch == '?' && v < values.size()) {
        out.append(values.get(v++));
      } else {
        out.append(ch);
      }
    }
    return out.toString();
  }

  /** engine-rest with HTTP Basic as the coordinator. */
  static final class Client {
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String auth;

    Client(int port, String user, String password) {
      this.base = "http://localhost:" + port;
      this.auth =
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    String send(Call call) throws Exception {
      return send(call, java.time.Duration.ofMinutes(10));
    }

    String send(Call call, java.time.Duration timeout) throws Exception {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(base + call.path()))
              .timeout(timeout)
              .header("Authorization", auth)
              .header("Accept", call.accept());
      if (call.body() != null) {
        b.header("Content-Type", "application/json")
            .method(call.method(), HttpRequest.BodyPublishers.ofString(call.body()));
      } else {
        b.method(call.method(), HttpRequest.BodyPublishers.noBody());
      }
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException(call.name() + ": HTTP " + r.statusCode() + " " + r.body());
      }
      return r.body();
    }
  }
}
