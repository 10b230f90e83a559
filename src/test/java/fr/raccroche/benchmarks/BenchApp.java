package fr.raccroche.benchmarks;

import fr.raccroche.RaccrocheApplication;
import fr.raccroche.pathway.CaseOrigin;
import fr.raccroche.pathway.CaseScope;
import fr.raccroche.pathway.LeaverSource;
import fr.raccroche.pathway.NewCase;
import fr.raccroche.pathway.PersonDetails;
import fr.raccroche.pathway.SchoolLevel;
import fr.raccroche.pathway.Signalements;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Boots the application on a benchmark database and starts real pathways through it. */
public final class BenchApp {
  /** Perimeters of the demo département (profile demo) and a place in each. */
  static final String[][] PLACES = {
    {"LYON", "69388", "Lyon 8e arrondissement", "69008", "0690005F"},
    {"EST", "69266", "Villeurbanne", "69100", "0690009K"},
    {"NORD", "69264", "Villefranche-sur-Saône", "69400", "0690010L"}
  };

  private BenchApp() {}

  /** Profiles postgres and demo (the demo département, its users), web server on a free port. */
  static ConfigurableApplicationContext start(BenchDatabase db, String... extra) {
    return start(db.url(), db.user(), db.password(), extra);
  }

  /** The same on any database of the server (the other benchmarks' {@code TestDatabases}). */
  public static ConfigurableApplicationContext start(
      String url, String user, String password, String... extra) {
    List<String> args = new ArrayList<>();
    args.add("--server.port=0");
    args.add("--spring.datasource.url=" + url);
    args.add("--spring.datasource.username=" + user);
    args.add("--spring.datasource.password=" + password);
    args.add("--raccroche.demo.allow-on-postgres=true");
    args.add("--logging.level.root=WARN");
    args.addAll(List.of(extra));
    long t0 = System.nanoTime();
    ConfigurableApplicationContext app =
        new SpringApplicationBuilder(RaccrocheApplication.class)
            .profiles("postgres", "demo")
            .run(args.toArray(String[]::new));
    System.out.printf(Locale.ROOT, "app started in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    return app;
  }

  /**
   * Starts {@code count} real pathways through {@link Signalements#signal} (a registration and a
   * start, as the cases API does) on {@code threads} threads, spread over the demo perimeters; each
   * waits at Task_ContactYoungPerson with its Timer_ContactReminder. Answers starts/s.
   */
  static double startCases(ConfigurableApplicationContext app, int count, int threads)
      throws Exception {
    return startCases(app, count, threads, BenchApp::newCase);
  }

  /** The same with the cases {@code newCase} makes (case {@code i} of {@code count}). */
  static double startCases(
      ConfigurableApplicationContext app,
      int count,
      int threads,
      java.util.function.IntFunction<NewCase> newCase)
      throws Exception {
    Signalements cases = app.getBean(Signalements.class);
    AtomicInteger next = new AtomicInteger();
    long t0 = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      done.add(
          pool.submit(
              () -> {
                int i;
                while ((i = next.getAndIncrement()) < count) {
                  cases.signal(CaseScope.ALL, "bench", newCase.apply(i));
                }
                return null;
              }));
    }
    for (Future<?> f : done) f.get();
    pool.shutdown();
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "engine: %d pathways started on %d threads in %.1f s, %.0f starts/s (load average %s)%n",
        count,
        threads,
        seconds,
        count / seconds,
        MachineFacts.loadAverage());
    return count / seconds;
  }

  static NewCase newCase(int i) {
    return newCase(i, PLACES[i % PLACES.length]);
  }

  /**
   * Case {@code i} in {@code place}: perimeter, commune code, commune name, postal code, UAI (or
   * null).
   */
  static NewCase newCase(int i, String[] place) {
    LocalDate detected = LocalDate.now().minusDays(i % 20);
    PersonDetails person =
        new PersonDetails(
            null,
            "BENCH" + i,
            "Camille",
            i % 2 == 0 ? "F" : "M",
            LocalDate.now().minusYears(17 + i % 4).minusDays(i % 300),
            (1 + i % 200) + " rue de la République",
            place[3],
            place[1],
            place[2],
            "06 00 00 00 00",
            null,
            null,
            null);
    return new NewCase(
        person,
        CaseOrigin.IMPORT,
        LeaverSource.EN,
        detected,
        detected.minusMonths(1),
        "Non réinscrit à la rentrée",
        "CAP Cuisine",
        SchoolLevel.CAP_BEP,
        place[4],
        null,
        place[0],
        false,
        null,
        false);
  }
}
