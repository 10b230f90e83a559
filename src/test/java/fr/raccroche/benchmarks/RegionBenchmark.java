package fr.raccroche.benchmarks;

import fr.raccroche.detection.tools.ImportBenchmark;
import fr.raccroche.indicators.IndicatorReport;
import fr.raccroche.indicators.IndicatorService;
import fr.raccroche.pathway.NewCase;
import fr.raccroche.territory.Perimeter;
import fr.raccroche.territory.TerritoryService;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * B6, a region (see docs/benchmarks.md): the twelve départements of Auvergne-Rhône-Alpes in one
 * deployment, each a Camunda tenant with a few perimeters and {@code --cases} open cases (open
 * pathway tasks with their case rows; 25,000 each, 300,000 in all). Measured in one run:
 *
 * <ol>
 *   <li>B1, the floor ({@link EngineFloor#measure});
 *   <li>the national-size import (B-import's (a): every row validated, matched, stored) into the
 *       demo département 69 of a database with the same territory and no case (unless {@code
 *       --no-import});
 *   <li>69 alone with its {@code --cases}: as {@code coord.lyon} (authorization and tenant checks
 *       on, HTTP Basic on engine-rest, as B5), Tasklist's shared filter "Tâches de mon périmètre"
 *       (page of 15, JSON and HAL as Tasklist asks, its count), {@code /task?candidateGroup=} and
 *       its count; the live indicators of 69 and of LYON — the baseline;
 *   <li>the eleven other départements seeded the same way, then the same calls, the live indicators
 *       of each of the twelve départements and the regional API;
 *   <li>the same import into 69 with the other eleven départements' cases present.
 * </ol>
 *
 * <pre>
 * DB_URL=jdbc:postgresql://127.0.0.1:5432/postgres DB_USER=postgres DB_PASSWORD= \
 *   nice -n 10 mvn -B -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=fr.raccroche.benchmarks.RegionBenchmark -Dexec.args="--cases 25000"
 * </pre>
 *
 * <p>{@code --database <name>} measures a region kept by an earlier run ({@code --keep}) again,
 * without seeding or importing; with {@code --only-indicators}, only the live indicators of each
 * département and the regional API ({@code GET /api/region/indicators}, as a member of the {@code
 * region} group). {@code --import-full} also waits for the import's pathways (b).
 *
 * <p>The perimeters of the eleven other départements are their three largest EPCI lying wholly in
 * the département (official list, {@code territory/communes-*.tsv}, defined through {@link
 * TerritoryService#definePerimeter(Perimeter, List)}); 69 keeps the demo's LYON, EST, NORD (and 42
 * the demo's SAINT-ETIENNE and ROANNE). The cases: {@code --templates} pathways per département
 * started through the cases service, then copied in SQL by {@link InstanceCloner} (runtime rows
 * with their tenant, and the young person, case, reporting fact and milestones of each copy).
 */
public final class RegionBenchmark {
  /** The départements of Auvergne-Rhône-Alpes (COG). */
  static final List<String> AUVERGNE_RHONE_ALPES =
      List.of("01", "03", "07", "15", "26", "38", "42", "43", "63", "69", "73", "74");

  static final String HOME = "69";

  private RegionBenchmark() {}

  public static void main(String[] args) throws Exception {
    Args a = new Args(args);
    int cases = a.integer("cases", 25_000);
    int templates = a.integer("templates", 30);
    int runs = a.integer("runs", 15);
    int importRows = a.integer("import-rows", 250_000);
    boolean importFull = a.flag("import-full");
    String reuse = a.string("database", null);
    // --home-only: 69 alone (seeded and measured), without the other départements
    boolean homeOnly = a.flag("home-only");
    boolean withImport = !a.flag("no-import") && reuse == null;
    List<String> departements =
        List.of(a.string("departements", String.join(",", AUVERGNE_RHONE_ALPES)).split(","));
    List<String> summary = new ArrayList<>();
    BenchDatabase db =
        reuse == null
            ? BenchDatabase.fromEnvironment("raccroche_bench_b6", a.flag("keep"))
            : BenchDatabase.existing(reuse);
    try (Connection c = db.connect()) {
      MachineFacts.print(c);
    }
    double floor =
        EngineFloor.measure(db.url(), db.user(), db.password(), a.integer("floor-rows", 100_000));
    summary.add(
        String.format(
            Locale.ROOT,
            "B1 floor of the run: %.0f rows/s (load average %s)",
            floor,
            MachineFacts.loadAverage()));
    Path file = null;
    ImportBenchmark.Figures empty = null;
    if (withImport) {
      file = ImportBenchmark.generate(importRows, 42);
      BenchDatabase blank = BenchDatabase.fromEnvironment("raccroche_bench_b6e", false);
      ConfigurableApplicationContext app = startApp(blank);
      try {
        definePerimeters(app, departements);
        // The JVM's first import compiles the import's code: a small one first (another seed),
        // so that the empty database's figure is not the cold one (it then holds its cases).
        Path warm = ImportBenchmark.generate(a.integer("warm-up-rows", 5_000), 7);
        ImportBenchmark.Figures w = ImportBenchmark.importFile(app, warm, "warm.csv", true);
        summary.add(
            String.format(
                Locale.ROOT,
                "warm-up import into the empty database: %d rows, %d cases opened, %.1f s",
                w.report().rowsRead(),
                w.report().created(),
                w.totalSeconds()));
        Files.deleteIfExists(warm);
        empty = ImportBenchmark.importFile(app, file, "bench.csv", importFull);
        summary.add(
            importLine("import into 69, empty database (same territory)", importRows, empty));
      } finally {
        app.close();
        blank.dropIfCreated();
      }
    }
    ConfigurableApplicationContext app = startApp(db);
    try (Connection c = db.connect()) {
      Map<String, List<String[]>> places = definePerimeters(app, departements);
      List<String> others = new ArrayList<>(departements);
      others.remove(HOME);
      String otherPerimeter = others.isEmpty() ? null : places.get(others.get(0)).get(0)[0];
      if (reuse == null) {
        seed(app, c, List.of(HOME), places, cases, templates);
        summary.add(facts(c, "-- one département (" + HOME + ")"));
        summary.addAll(tasklist(app, c, runs, floor, "one département, " + HOME));
        summary.addAll(
            indicators(
                app,
                List.of(new String[] {HOME, null}, new String[] {HOME, "LYON"}),
                runs,
                "one département"));
        if (!homeOnly) {
          seed(app, c, others, places, cases, templates);
        }
      }
      if (!homeOnly) {
        summary.add(facts(c, "-- the region (" + departements.size() + " départements)"));
        if (!a.flag("only-indicators")) {
          summary.addAll(tasklist(app, c, runs, floor, "the region"));
        }
        List<String[]> scopes = new ArrayList<>();
        for (String d : departements) scopes.add(new String[] {d, null});
        scopes.add(new String[] {HOME, "LYON"});
        if (otherPerimeter != null) scopes.add(new String[] {others.get(0), otherPerimeter});
        summary.addAll(indicators(app, scopes, runs, "the region"));
        summary.addAll(regionalIndicators(app, runs));
        if (withImport) {
          ImportBenchmark.Figures full =
              ImportBenchmark.importFile(app, file, "bench.csv", importFull);
          summary.add(importLine("import into 69, the region's cases present", importRows, full));
          summary.add(
              String.format(
                  Locale.ROOT,
                  "import (a): region / empty = %.2f (rows phase %.1f s vs %.1f s)",
                  full.rowsSeconds() / empty.rowsSeconds(),
                  full.rowsSeconds(),
                  empty.rowsSeconds()));
        }
      }
    } finally {
      app.close();
      if (file != null) Files.deleteIfExists(file);
      db.dropIfCreated();
    }
    printSummary(summary);
  }

  private static void printSummary(List<String> summary) {
    System.out.println();
    System.out.println("==== B6 summary ====");
    summary.forEach(System.out::println);
    System.out.println("load average at the end: " + MachineFacts.loadAverage());
    System.exit(0); // an import left running (--import-full not set) must not keep the JVM
  }

  private static ConfigurableApplicationContext startApp(BenchDatabase db) {
    return BenchApp.start(
        db,
        "--camunda.bpm.job-execution.enabled=false",
        "--camunda.bpm.webapp.enabled=false",
        "--raccroche.demo.cases=false");
  }

  private static String importLine(String label, int rows, ImportBenchmark.Figures f) {
    String line =
        String.format(
            Locale.ROOT,
            "%s: %d rows, (a) validated, matched, stored %.1f s, %.0f rows/s%s; peak heap %d MB"
                + " (load average %s)",
            label,
            rows,
            f.rowsSeconds(),
            rows / f.rowsSeconds(),
            Double.isNaN(f.totalSeconds())
                ? ""
                : String.format(
                    Locale.ROOT,
                    "; (b) end to end %.1f s, %.0f rows/s",
                    f.totalSeconds(),
                    rows / f.totalSeconds()),
            f.peakHeap() / (1024 * 1024),
            MachineFacts.loadAverage());
    System.out.println(line);
    return line;
  }

  /**
   * Defines three perimeters in each département but 69 (the demo's): its three EPCI with the most
   * communes among those lying wholly in it. Answers, per département, a place in each perimeter
   * (perimeter, commune, commune name, postal code, no UAI).
   */
  static Map<String, List<String[]>> definePerimeters(
      ConfigurableApplicationContext app, List<String> departements) throws Exception {
    TerritoryService territory = app.getBean(TerritoryService.class);
    String version = "6.0.0";
    Map<String, String> epciNames = new HashMap<>();
    for (String[] row : tsv("territory/epci-" + version + ".tsv")) epciNames.put(row[0], row[1]);
    Map<String, List<String[]>> byEpci = new HashMap<>();
    Map<String, String[]> communeRows = new HashMap<>();
    for (String[] row : tsv("territory/communes-" + version + ".tsv")) {
      communeRows.put(row[0], row);
      if (row[3].equals("C") && row.length > 6 && !row[6].isBlank()) {
        byEpci.computeIfAbsent(row[6], k -> new ArrayList<>()).add(row);
      }
    }
    Map<String, List<String[]>> places = new LinkedHashMap<>();
    for (String d : departements) {
      List<String[]> list = new ArrayList<>();
      if (d.equals(HOME)) {
        for (String[] p : BenchApp.PLACES) list.add(new String[] {p[0], p[1], p[2], p[3], p[4]});
        places.put(d, list);
        continue;
      }
      // A département the demo defines already (42, the Loire) keeps its perimeters.
      List<Perimeter> existing =
          territory.perimeters().stream()
              .filter(p -> d.equals(p.departement()) && !p.code().startsWith("B" + d + "-"))
              .toList();
      if (!existing.isEmpty()) {
        for (Perimeter p : existing) {
          String[] commune = communeRows.get(p.communes().get(0).code());
          list.add(new String[] {p.code(), commune[0], commune[1], commune[5].split(",")[0], null});
        }
        places.put(d, list);
        continue;
      }
      List<String> epcis =
          byEpci.entrySet().stream()
              .filter(e -> e.getValue().stream().allMatch(r -> r[2].equals(d)))
              .sorted(
                  Comparator.comparingInt(
                          (Map.Entry<String, List<String[]>> e) -> -e.getValue().size())
                      .thenComparing(Map.Entry::getKey))
              .limit(3)
              .map(Map.Entry::getKey)
              .toList();
      int i = 0;
      for (String epci : epcis) {
        String code = "B" + d + "-" + (++i);
        if (!territory.perimeterExists(code)) {
          territory.definePerimeter(
              new Perimeter(code, epciNames.get(epci), d, List.of(), List.of(), List.of()),
              List.of(epci));
        }
        String[] commune =
            byEpci.get(epci).stream()
                .filter(r -> !r[5].isBlank())
                .min(Comparator.comparing(r -> r[0]))
                .orElseThrow();
        list.add(new String[] {code, commune[0], commune[1], commune[5].split(",")[0], null});
      }
      places.put(d, list);
    }
    return places;
  }

  private static List<String[]> tsv(String resource) throws Exception {
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                RegionBenchmark.class.getClassLoader().getResourceAsStream(resource),
                StandardCharsets.UTF_8))) {
      String line;
      boolean header = true;
      while ((line = in.readLine()) != null) {
        if (line.startsWith("#")) continue;
        if (header) {
          header = false;
          continue;
        }
        rows.add(line.split("\t", -1));
      }
    }
    return rows;
  }

  /**
   * Starts {@code templates} pathways in each of {@code departements} (over its perimeters) through
   * the cases service, then copies them with their cases to {@code cases} per département.
   */
  static void seed(
      ConfigurableApplicationContext app,
      Connection c,
      List<String> departements,
      Map<String, List<String[]>> places,
      int cases,
      int templates)
      throws Exception {
    long t0 = System.nanoTime();
    InstanceCloner.markExisting(c);
    List<String[]> spread = new ArrayList<>();
    for (String d : departements) {
      List<String[]> ps = places.get(d);
      for (int i = 0; i < templates; i++) spread.add(ps.get(i % ps.size()));
    }
    int offset = countCases(c);
    BenchApp.startCases(app, spread.size(), 2, i -> withPlace(offset + i, spread.get(i)));
    InstanceCloner cloner = new InstanceCloner(c, false);
    int made = cloner.prepare("YouthPathwayProcess");
    cloner.assignTenants();
    int copies = Math.max(0, (int) Math.ceil((double) cases / templates) - 1);
    cloner.copyAll(copies, Math.max(1, 30_000 / made), true);
    System.out.printf(
        Locale.ROOT,
        "seeded %s: %d templates × %d copies in %.1f s (load average %s)%n",
        departements,
        made,
        copies + 1,
        (System.nanoTime() - t0) / 1e9,
        MachineFacts.loadAverage());
  }

  private static NewCase withPlace(int i, String[] place) {
    return BenchApp.newCase(i, place);
  }

  /**
   * The regional steering API ({@code GET /api/region/indicators}: every département's live figures
   * side by side and consolidated, masked) as a member of the {@code region} group, HTTP Basic:
   * median and p95 over {@code runs} calls after 3 warm-up calls. Says so when the deployment has
   * no such API (HTTP 404).
   */
  private static List<String> regionalIndicators(ConfigurableApplicationContext app, int runs)
      throws Exception {
    app.getBean(fr.raccroche.security.UserAccountService.class)
        .ensureDemoUser(
            new fr.raccroche.security.UserAccount(
                "region.bench",
                "Régine",
                "Région",
                "region.bench@demo.raccroche.invalid",
                "demo",
                List.of(fr.raccroche.security.Roles.REGION_GROUP)));
    int port = ((WebServerApplicationContext) app).getWebServer().getPort();
    TasklistBenchmark.Client client = new TasklistBenchmark.Client(port, "region.bench", "demo");
    LocalDate today = LocalDate.now();
    int startYear = today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1;
    TasklistBenchmark.Call call =
        new TasklistBenchmark.Call(
            "GET /api/region/indicators (live, every département and consolidated)",
            "GET",
            "/api/region/indicators?schoolYear="
                + startYear
                + "-"
                + (startYear + 1)
                + "&quarter="
                + today.getYear()
                + "-Q"
                + ((today.getMonthValue() - 1) / 3 + 1),
            "application/json",
            null);
    try {
      client.send(call);
    } catch (IllegalStateException e) {
      String line = "regional indicators API: not measured (" + e.getMessage() + ")";
      System.out.println(line);
      return List.of(line);
    }
    for (int i = 0; i < 3; i++) client.send(call);
    double[] ms = new double[runs];
    String sample = null;
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      sample = client.send(call);
      ms[i] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(ms);
    String line =
        String.format(
            Locale.ROOT,
            "%s: median %.0f ms, p95 %.0f ms, max %.0f ms (%d runs, answer %d chars; load average"
                + " %s)",
            call.name(),
            ms[runs / 2],
            ms[(int) Math.ceil(runs * 0.95) - 1],
            ms[runs - 1],
            runs,
            sample.length(),
            MachineFacts.loadAverage());
    System.out.println(line);
    return List.of(line);
  }

  private static int countCases(Connection c) throws Exception {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM support_case")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** Open tasks and cases per tenant, printed and answered as one line. */
  private static String facts(Connection c, String label) throws Exception {
    StringBuilder b = new StringBuilder(label).append(": open tasks per tenant");
    try (Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery(
              "SELECT coalesce(tenant_id_, '(none)'), count(*) FROM act_ru_task GROUP BY 1 ORDER"
                  + " BY 1")) {
        while (rs.next()) b.append(' ').append(rs.getString(1)).append('=').append(rs.getInt(2));
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT count(*), count(*) FILTER (WHERE status NOT IN ('CLOSED')),"
                  + " (SELECT count(*) FROM act_ru_task t JOIN act_ru_identitylink i ON"
                  + " i.task_id_ = t.id_ AND i.type_ = 'candidate' AND i.group_id_ ="
                  + " 'coord-LYON'), (SELECT count(*) FROM act_ru_authorization),"
                  + " (SELECT count(*) FROM act_ru_execution WHERE tenant_id_ IS NULL)"
                  + " FROM support_case")) {
        rs.next();
        b.append(
            String.format(
                Locale.ROOT,
                "; cases %d (open %d); coord-LYON's tasks %d; authorizations %d; executions"
                    + " without tenant %d",
                rs.getInt(1),
                rs.getInt(2),
                rs.getInt(3),
                rs.getInt(4),
                rs.getInt(5)));
      }
    }
    System.out.println(b);
    return b.toString();
  }

  /** B5's calls as coord.lyon (a coordinator of LYON, département 69). */
  private static List<String> tasklist(
      ConfigurableApplicationContext app, Connection c, int runs, double floor, String label)
      throws Exception {
    ProcessEngine engine = app.getBean(ProcessEngine.class);
    Filter filter =
        engine
            .getFilterService()
            .createFilterQuery()
            .filterName("Tâches de mon périmètre")
            .singleResult();
    int port = ((WebServerApplicationContext) app).getWebServer().getPort();
    return TasklistBenchmark.measure(
        c,
        new TasklistBenchmark.Client(port, "coord.lyon", "demo"),
        TasklistBenchmark.calls(filter.getId(), "coord-LYON"),
        runs,
        "Tasklist as coord.lyon, " + label,
        floor);
  }

  /**
   * The live indicators (provisional figures of the current quarter, masked as for the prefecture,
   * serialised as the API does) of each scope — a perimeter code, or null for the scope the service
   * calls "département", which sums every perimeter of the deployment — median and p95 over {@code
   * runs} calls after 3 warm-up calls, once the counts are rebuilt from the facts.
   */
  private static List<String> indicators(
      ConfigurableApplicationContext app, List<String[]> scopes, int runs, String label)
      throws Exception {
    IndicatorService indicators = app.getBean(IndicatorService.class);
    var json = app.getBean(com.fasterxml.jackson.databind.ObjectMapper.class);
    long t0 = System.nanoTime();
    long facts = indicators.rebuildCounts();
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            Locale.ROOT,
            "indicator counts rebuilt from %d facts in %.1f s",
            facts,
            (System.nanoTime() - t0) / 1e9));
    System.out.println(lines.get(0));
    LocalDate today = LocalDate.now();
    int startYear = today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1;
    String schoolYear = startYear + "-" + (startYear + 1);
    String quarter = today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
    var period = indicators.period(schoolYear, quarter);
    for (String[] scope : scopes) {
      String departement = scope[0];
      String perimeter = scope[1];
      for (int i = 0; i < 3; i++) {
        json.writeValueAsBytes(indicators.report(period, departement, perimeter, true, true));
      }
      double[] ms = new double[runs];
      int size = 0;
      for (int i = 0; i < runs; i++) {
        long s = System.nanoTime();
        IndicatorReport r = indicators.report(period, departement, perimeter, true, true);
        size = json.writeValueAsBytes(r).length;
        ms[i] = (System.nanoTime() - s) / 1e6;
      }
      Arrays.sort(ms);
      String line =
          String.format(
              Locale.ROOT,
              "live indicators, %s, %s/%s, scope %s: median %.0f ms, p95 %.0f ms (%d runs, JSON"
                  + " %d bytes; load average %s)",
              label,
              schoolYear,
              quarter,
              perimeter == null ? "département " + departement : "perimeter " + perimeter,
              ms[runs / 2],
              ms[(int) Math.ceil(runs * 0.95) - 1],
              runs,
              size,
              MachineFacts.loadAverage());
      System.out.println(line);
      lines.add(line);
    }
    return lines;
  }
}
