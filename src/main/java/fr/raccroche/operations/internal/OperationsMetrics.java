package fr.raccroche.operations.internal;

import fr.raccroche.territory.Perimeter;
import fr.raccroche.territory.TerritoryService;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.metrics.Meter;
import org.camunda.bpm.engine.impl.metrics.MetricsRegistry;
import org.camunda.bpm.engine.impl.metrics.reporter.DbMetricsReporter;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The figures an operator watches, as Micrometer meters (served as Prometheus text on {@code
 * /actuator/prometheus}):
 *
 * <ul>
 *   <li>work: open and overdue user tasks, in all and per perimeter (the case's {@code
 *       perimeterCode}); open incidents; jobs due and jobs out of retries. These are database-wide
 *       (the same on every node), computed at most once per {@code
 *       raccroche.operations.metrics-refresh} whatever the scrape rate.
 *   <li>this node's job executor: Camunda's own job metrics (acquisition attempts, acquired,
 *       acquisition failures i.e. optimistic-locking losses to another node, executed, failed,
 *       locked exclusively, rejected hand-offs). Camunda keeps them in memory and reports them to
 *       the database every 15 minutes; the counter is this node's reported total plus what it has
 *       not reported yet, so summing over the nodes gives the cluster.
 * </ul>
 *
 * The queries run as the system (no Camunda user in the scraping thread), so they count everything.
 */
@Component
class OperationsMetrics implements MeterBinder {
  static final List<String> JOB_METRICS =
      List.of(
          Metrics.JOB_ACQUISITION_ATTEMPT,
          Metrics.JOB_ACQUIRED_SUCCESS,
          Metrics.JOB_ACQUIRED_FAILURE,
          Metrics.JOB_SUCCESSFUL,
          Metrics.JOB_FAILED,
          Metrics.JOB_LOCKED_EXCLUSIVE,
          Metrics.JOB_EXECUTION_REJECTED);

  /** The pathway's process variable carrying the case's perimeter (docs/pathway-variables.md). */
  static final String PERIMETER_VARIABLE = "perimeterCode";

  private final ProcessEngine engine;
  private final TerritoryService territory;
  private final long refreshNanos;
  private final Map<String, AtomicLong> jobCounters = new ConcurrentHashMap<>();
  private final Set<String> perimeterGauges = ConcurrentHashMap.newKeySet();
  private volatile MeterRegistry registry;
  private volatile Figures figures;
  private volatile long computedAt;

  OperationsMetrics(
      ProcessEngine engine,
      TerritoryService territory,
      @Value("${raccroche.operations.metrics-refresh:PT30S}") Duration refresh) {
    this.engine = engine;
    this.territory = territory;
    this.refreshNanos = refresh.toNanos();
  }

  /** Database-wide figures at one moment. */
  record Figures(
      long openTasks,
      long overdueTasks,
      long incidents,
      long dueJobs,
      long failedJobs,
      Map<String, Long> openByPerimeter,
      Map<String, Long> overdueByPerimeter) {}

  @Override
  public void bindTo(MeterRegistry registry) {
    this.registry = registry;
    gauge("raccroche.tasks.open", "Open user tasks, every process", Figures::openTasks);
    gauge("raccroche.tasks.overdue", "Open user tasks past their due date", Figures::overdueTasks);
    gauge("raccroche.incidents.open", "Open incidents (Cockpit shows them)", Figures::incidents);
    gauge("raccroche.jobs.due", "Jobs due and waiting for a job executor", Figures::dueJobs);
    gauge(
        "raccroche.jobs.failed", "Jobs out of retries (each has an incident)", Figures::failedJobs);
    for (String name : JOB_METRICS) {
      AtomicLong last = jobCounters.computeIfAbsent(name, n -> new AtomicLong());
      FunctionCounter.builder(
              "camunda." + name.replace('-', '.'),
              this,
              metrics -> metrics.nodeJobMetric(name, last))
          .description("Camunda job executor metric '" + name + "' of this node")
          .register(registry);
    }
  }

  /**
   * Perimeters known at startup get their gauges before the first scrape; later ones on refresh.
   */
  @EventListener(ApplicationReadyEvent.class)
  void registerPerimeters() {
    registerPerimeterGauges(territory.perimeters().stream().map(Perimeter::code).toList());
  }

  private void gauge(String name, String description, ToLongFunction<Figures> value) {
    Gauge.builder(name, this, metrics -> value.applyAsLong(metrics.current()))
        .description(description)
        .register(registry);
  }

  private void registerPerimeterGauges(List<String> codes) {
    MeterRegistry meters = registry;
    if (meters == null) {
      return;
    }
    for (String code : codes) {
      if (perimeterGauges.add(code)) {
        Gauge.builder(
                "raccroche.perimeter.tasks.open",
                this,
                metrics -> metrics.current().openByPerimeter().getOrDefault(code, 0L))
            .description("Open user tasks of the perimeter's cases")
            .tag("perimeter", code)
            .register(meters);
        Gauge.builder(
                "raccroche.perimeter.tasks.overdue",
                this,
                metrics -> metrics.current().overdueByPerimeter().getOrDefault(code, 0L))
            .description("Overdue user tasks of the perimeter's cases")
            .tag("perimeter", code)
            .register(meters);
      }
    }
  }

  Figures current() {
    Figures known = figures;
    if (known == null || System.nanoTime() - computedAt > refreshNanos) {
      synchronized (this) {
        if (figures == null || System.nanoTime() - computedAt > refreshNanos) {
          figures = compute();
          computedAt = System.nanoTime();
        }
        known = figures;
      }
    }
    return known;
  }

  private Figures compute() {
    var tasks = engine.getTaskService();
    var management = engine.getManagementService();
    Date now = new Date();
    List<String> codes = territory.perimeters().stream().map(Perimeter::code).toList();
    registerPerimeterGauges(codes);
    Map<String, Long> open = new LinkedHashMap<>();
    Map<String, Long> overdue = new LinkedHashMap<>();
    for (String code : codes) {
      open.put(
          code,
          tasks.createTaskQuery().processVariableValueEquals(PERIMETER_VARIABLE, code).count());
      overdue.put(
          code,
          tasks
              .createTaskQuery()
              .processVariableValueEquals(PERIMETER_VARIABLE, code)
              .dueBefore(now)
              .count());
    }
    return new Figures(
        tasks.createTaskQuery().count(),
        tasks.createTaskQuery().dueBefore(now).count(),
        engine.getRuntimeService().createIncidentQuery().count(),
        management.createJobQuery().executable().count(),
        management.createJobQuery().noRetriesLeft().count(),
        open,
        overdue);
  }

  /**
   * This node's count of a job metric: what it reported to the database plus what it holds in
   * memory. A report moves counts from one to the other between the two reads: never let the
   * counter go back.
   */
  private long nodeJobMetric(String name, AtomicLong last) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    MetricsRegistry meters = configuration.getMetricsRegistry();
    Meter meter = meters == null ? null : meters.getDbMeterByName(name);
    long pending = meter == null ? 0 : meter.get();
    DbMetricsReporter reporter = configuration.getDbMetricsReporter();
    String reporterId =
        reporter == null || reporter.getMetricsCollectionTask() == null
            ? configuration.getHostname()
            : reporter.getMetricsCollectionTask().getReporter();
    long reported =
        reporterId == null
            ? 0
            : engine
                .getManagementService()
                .createMetricsQuery()
                .name(name)
                .reporter(reporterId)
                .sum();
    return last.accumulateAndGet(reported + pending, Math::max);
  }
}
