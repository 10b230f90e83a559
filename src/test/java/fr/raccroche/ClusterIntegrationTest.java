package fr.raccroche;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.raccroche.security.Roles;
import fr.raccroche.shared.Departement;
import fr.raccroche.testsupport.Http;
import fr.raccroche.testsupport.TestDatabases;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Cluster mode: two nodes of the app in one JVM on one fresh PostgreSQL database, each with its job
 * executor on (the integration tests' profile turns it off; these nodes run without it). They start
 * together on the empty database and deploy once; 2,000 due timers run exactly once each, spread
 * over both nodes; a node that dies holding locked jobs loses none of them (the other node takes
 * them once their lock has expired; the lock time is shortened here). PostgreSQL only: H2 is one
 * node's database.
 *
 * <p>Each node has its own engine name (Camunda's engine registry is static, shared by every
 * context of the JVM) and no web apps, as in {@link RestartIntegrationTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIntegrationTest {
  static final String PROBE = "ClusterTimerProbe";
  static final String USER = "ops.superviseur";
  static final String PASSWORD = "Cluster-2026";

  /** Shortened from the 5 minutes of application.yaml, so that the kill scenario stays short. */
  static final int LOCK_TIME_MS = 8_000;

  TestDatabases.Settings db;
  Node a;
  Node b;
  JdbcTemplate jdbc;

  /** One node: its context, engine, probe and job executor's thread pool. */
  record Node(String name, ConfigurableApplicationContext context) {
    ProcessEngine engine() {
      return context.getBean(ProcessEngine.class);
    }

    int port() {
      return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    String lockOwner() {
      return context.getBean(JobExecutor.class).getLockOwner();
    }

    CrashableTaskExecutor jobThreads() {
      return context.getBean("camundaTaskExecutor", CrashableTaskExecutor.class);
    }
  }

  private static final String LOGGING_SYSTEM = "org.springframework.boot.logging.LoggingSystem";

  @BeforeAll
  void startTwoNodesTogetherOnAnEmptyDatabase() throws Exception {
    assumeTrue(TestDatabases.postgres(), "cluster mode is a PostgreSQL matter (H2: one node)");
    db = TestDatabases.fresh("cluster");
    ExecutorService starter = Executors.newFixedThreadPool(2);
    // Two Spring Boot applications starting at the same moment in one JVM race on Logback's
    // (JVM-wide) reconfiguration ("Unable to find Spring Environment in logger context"): the
    // nodes keep the logging the test JVM already has.
    String loggingSystem = System.getProperty(LOGGING_SYSTEM);
    System.setProperty(LOGGING_SYSTEM, "none");
    try {
      Future<ConfigurableApplicationContext> first = starter.submit(() -> startNode("nodeA"));
      Future<ConfigurableApplicationContext> second = starter.submit(() -> startNode("nodeB"));
      a = new Node("nodeA", first.get(5, TimeUnit.MINUTES));
      b = new Node("nodeB", second.get(5, TimeUnit.MINUTES));
    } finally {
      starter.shutdownNow();
      if (loggingSystem == null) {
        System.clearProperty(LOGGING_SYSTEM);
      } else {
        System.setProperty(LOGGING_SYSTEM, loggingSystem);
      }
    }
    jdbc = a.context().getBean(JdbcTemplate.class);
    jdbc.execute(
        "create table cluster_probe (process_instance_id varchar(64) not null,"
            + " node varchar(16) not null, executed_at timestamp not null, tenant varchar(3))");
    // A test-only process: a timer due at once, then a service task that records which node ran
    // it, in the job's own transaction (a rolled-back execution leaves no row).
    BpmnModelInstance probe =
        Bpmn.createExecutableProcess(PROBE)
            .camundaHistoryTimeToLive(1)
            .startEvent("StartEvent_ProbeStarted")
            .intermediateCatchEvent("Timer_ProbeDue")
            .timerWithDuration("PT0S")
            .serviceTask("ServiceTask_RecordNode")
            .camundaExpression("${clusterProbe.record(execution)}")
            .endEvent("EndEvent_ProbeDone")
            .done();
    a.engine()
        .getRepositoryService()
        .createDeployment()
        .name("cluster-probe")
        .addModelInstance(PROBE + ".bpmn", probe)
        .deploy();
    // Node B reads the definition node A deployed on its first use. Once in CI, two of its threads
    // starting the probe for the first time at the same moment failed in the engine while creating
    // the timer ("processDefinitionId is null": the timer's job definition not found). The test is
    // about the job executor, not about that first read: node B reads the definition once, alone,
    // as each node reads the app's own processes when it starts.
    b.engine()
        .getRepositoryService()
        .getProcessDefinition(
            b.engine()
                .getRepositoryService()
                .createProcessDefinitionQuery()
                .processDefinitionKey(PROBE)
                .latestVersion()
                .singleResult()
                .getId());
  }

  ConfigurableApplicationContext startNode(String node) {
    return new SpringApplicationBuilder(RaccrocheApplication.class, NodeBeans.class)
        .profiles("postgres")
        .run(
            "--server.port=0",
            "--spring.datasource.url=" + db.url(),
            "--spring.datasource.username=" + db.user(),
            "--spring.datasource.password=" + db.password(),
            "--spring.datasource.hikari.maximum-pool-size=10",
            // Not "default": the shared test context's engine keeps that name (letters and
            // digits only: the starter ignores a name with a hyphen and falls back to "default").
            "--camunda.bpm.process-engine-name=" + node,
            "--camunda.bpm.webapp.enabled=false",
            "--camunda.bpm.job-execution.enabled=true",
            "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME_MS,
            // Idle nodes look again soon (a waiting node is not told of another node's jobs).
            "--camunda.bpm.job-execution.wait-time-in-millis=500",
            "--camunda.bpm.job-execution.max-wait=2000",
            "--raccroche.cluster-test.node=" + node);
  }

  @AfterAll
  void stopTheNodes() throws SQLException {
    for (Node node : new Node[] {a, b}) {
      if (node != null && node.context().isActive()) {
        node.context().close();
      }
    }
    if (db != null) {
      TestDatabases.Settings server = TestDatabases.main();
      String name = db.url().substring(db.url().lastIndexOf('/') + 1).split("\\?")[0];
      try (Connection connection =
              DriverManager.getConnection(server.url(), server.user(), server.password());
          Statement statement = connection.createStatement()) {
        statement.execute("drop database if exists " + name + " with (force)");
      }
    }
  }

  @Test
  @Order(1)
  void nodesStartedTogetherDeployEachDefinitionOnceAndBootstrapOnce() {
    ProcessEngine engine = a.engine();
    List<ProcessDefinition> definitions =
        engine.getRepositoryService().createProcessDefinitionQuery().list();
    assertThat(definitions).extracting(ProcessDefinition::getKey).contains("YouthPathwayProcess");
    assertThat(definitions)
        .as("one version of each process definition, however the two nodes raced")
        .allSatisfy(d -> assertThat(d.getVersion()).isEqualTo(1));
    assertThat(
            engine.getRepositoryService().createDecisionDefinitionQuery().list().stream()
                .filter(d -> d.getVersion() != 1))
        .isEmpty();
    assertThat(engine.getRepositoryService().createDeploymentQuery().count())
        .as("the application's deployment, and the probe deployed by the test")
        .isEqualTo(2);
    // One each: my tasks, my perimeter's, my structure's, overdue (security AccessBootstrap).
    assertThat(engine.getFilterService().createFilterQuery().count()).isEqualTo(4);
    for (String group :
        List.of(
            Roles.ADMIN_GROUP,
            Roles.SUPERVISORS_GROUP,
            Roles.PREFECTURE_GROUP,
            Roles.MONITORING_GROUP)) {
      assertThat(engine.getIdentityService().createGroupQuery().groupId(group).count())
          .isEqualTo(1);
    }
    assertThat(engine.getHistoryService().findHistoryCleanupJobs()).hasSize(1);
  }

  @Test
  @Order(2)
  void apiAndEngineRestAuthenticateEveryRequestWithoutASession() {
    var identity = a.engine().getIdentityService();
    User user = identity.newUser(USER);
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    identity.createMembership(USER, Roles.SUPERVISORS_GROUP);

    Http toA = new Http(a.port());
    Http toB = new Http(b.port());
    HttpResponse<String> onA = toA.get("/api/perimeters", USER, PASSWORD);
    assertThat(onA.statusCode()).isEqualTo(200);
    assertThat(onA.headers().allValues("Set-Cookie")).as("no session to stick to").isEmpty();
    // The next request lands on the other node: HTTP Basic again, no session there.
    HttpResponse<String> onB = toB.get("/api/perimeters", USER, PASSWORD);
    assertThat(onB.statusCode()).isEqualTo(200);
    assertThat(onB.headers().allValues("Set-Cookie")).isEmpty();

    HttpResponse<String> restA =
        toA.get("/engine-rest/engine/nodeA/process-definition/count", USER, PASSWORD);
    HttpResponse<String> restB =
        toB.get("/engine-rest/engine/nodeB/process-definition/count", USER, PASSWORD);
    assertThat(restA.statusCode()).isEqualTo(200);
    assertThat(restB.statusCode()).isEqualTo(200);
    assertThat(restB.body()).isEqualTo(restA.body()).contains("\"count\":");
    assertThat(restA.headers().allValues("Set-Cookie")).isEmpty();
    assertThat(restB.headers().allValues("Set-Cookie")).isEmpty();
    // Last: a wrong password delays the user's next sign-in (the engine's throttling).
    assertThat(toB.get("/api/perimeters", USER, "wrong").statusCode()).isEqualTo(401);
    assertThat(
            toB.get("/engine-rest/engine/nodeB/process-definition/count", USER, "wrong")
                .statusCode())
        .isEqualTo(401);
  }

  @Test
  @Order(3)
  void twoThousandDueTimersRunExactlyOnceEachSpreadOverBothNodes() {
    List<String> instances = startProbesWithTheirTimersHeld(2_000);
    releaseTimers();

    await(Duration.ofMinutes(3), () -> probeRowsOf(instances).size() >= instances.size());
    await(Duration.ofSeconds(30), () -> probeJobs() == 0);

    List<ProbeRow> rows = probeRowsOf(instances);
    assertExactlyOnce(rows, instances);
    Map<String, Long> perNode =
        rows.stream().collect(Collectors.groupingBy(ProbeRow::node, Collectors.counting()));
    System.out.printf("Cluster: %d timers run, per node %s%n", rows.size(), perNode);
    assertThat(perNode.keySet()).containsExactlyInAnyOrder("nodeA", "nodeB");
    // Both départements' timers, each run in its instance's tenant, on both nodes.
    Map<String, Long> perTenant =
        rows.stream().collect(Collectors.groupingBy(ProbeRow::tenant, Collectors.counting()));
    assertThat(perTenant).containsOnlyKeys("69", "42");
    assertThat(perTenant.get("69")).isEqualTo(instances.size() / 2);
    assertThat(perTenant.get("42")).isEqualTo(instances.size() / 2);
    assertThat(
            rows.stream()
                .filter(r -> r.tenant().equals("42"))
                .map(ProbeRow::node)
                .collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("nodeA", "nodeB");
    assertThat(perNode.values())
        .as("each node ran a fair share of the timers: %s", perNode)
        .allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(instances.size() / 10));
    assertThat(a.engine().getRuntimeService().createIncidentQuery().count()).isZero();
    assertThat(
            a.engine()
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey(PROBE)
                .count())
        .isZero();
  }

  @Test
  @Order(4)
  void aNodeDyingWithLockedJobsLosesNoneTheOtherNodeTakesThemAfterTheLockTime() {
    List<String> instances = startProbesWithTheirTimersHeld(600);
    String ownerB = b.lockOwner();
    releaseTimers();

    // Node B works for a while, then "dies": from now on it locks jobs but never runs them, as a
    // JVM killed between the acquisition's commit and the execution; then it stops.
    await(
        Duration.ofMinutes(2),
        () -> probeRowsOf(instances).stream().filter(r -> r.node().equals("nodeB")).count() >= 30);
    b.jobThreads().crash();
    await(Duration.ofSeconds(30), () -> b.jobThreads().dropped() > 0);
    int droppedBatches = b.jobThreads().dropped();
    b.context().close();

    List<LockedJob> orphans = lockedBy(ownerB);
    System.out.printf(
        "Cluster: node B stopped holding %d locked jobs (%d batches dropped)%n",
        orphans.size(), droppedBatches);
    assertThat(orphans).as("node B stopped holding locked, unexecuted jobs").isNotEmpty();

    await(
        Duration.ofMillis(LOCK_TIME_MS).plusMinutes(2),
        () -> probeRowsOf(instances).size() >= instances.size());
    await(Duration.ofSeconds(30), () -> probeJobs() == 0);

    List<ProbeRow> rows = probeRowsOf(instances);
    assertExactlyOnce(rows, instances);
    Map<String, ProbeRow> byInstance =
        rows.stream().collect(Collectors.toMap(ProbeRow::processInstanceId, r -> r));
    for (LockedJob orphan : orphans) {
      ProbeRow row = byInstance.get(orphan.processInstanceId());
      assertThat(row.node()).isEqualTo("nodeA");
      assertThat(row.executedAt())
          .as("taken over only once node B's lock had expired")
          .isAfterOrEqualTo(orphan.lockExpiresAt().minusMillis(1));
    }
    assertThat(a.engine().getRuntimeService().createIncidentQuery().count()).isZero();
  }

  // --- helpers

  /** Starts the probes with their timer jobs suspended, so that they all fall due together. */
  List<String> startProbesWithTheirTimersHeld(int count) {
    a.engine().getManagementService().suspendJobDefinitionByProcessDefinitionKey(PROBE);
    List<String> ids = Collections.synchronizedList(new ArrayList<>());
    ExecutorService starters = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        ProcessEngine engine = (t % 2 == 0 ? a : b).engine();
        int share = count / 4 + (t < count % 4 ? 1 : 0);
        // Two départements (tenants), each started on both nodes (docs/adr/0010).
        Map<String, Object> departement = Map.of(Departement.VARIABLE, t < 2 ? "69" : "42");
        done.add(
            starters.submit(
                () -> {
                  for (int i = 0; i < share; i++) {
                    ids.add(
                        engine
                            .getRuntimeService()
                            .startProcessInstanceByKey(PROBE, departement)
                            .getId());
                  }
                }));
      }
      for (Future<?> future : done) {
        future.get(5, TimeUnit.MINUTES);
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      starters.shutdownNow();
    }
    assertThat(ids).hasSize(count);
    assertThat(
            a.engine()
                .getManagementService()
                .createJobQuery()
                .processDefinitionKey(PROBE)
                .suspended()
                .count())
        .as("every timer waits, suspended")
        .isEqualTo(count);
    assertThat(probeRowsOf(ids)).isEmpty();
    return List.copyOf(ids);
  }

  void releaseTimers() {
    a.engine().getManagementService().activateJobDefinitionByProcessDefinitionKey(PROBE, true);
  }

  long probeJobs() {
    return a.engine().getManagementService().createJobQuery().processDefinitionKey(PROBE).count();
  }

  record ProbeRow(String processInstanceId, String node, Instant executedAt, String tenant) {}

  List<ProbeRow> probeRowsOf(List<String> instances) {
    Set<String> wanted = Set.copyOf(instances);
    return jdbc
        .query(
            "select process_instance_id, node, executed_at, tenant from cluster_probe",
            (rs, i) ->
                new ProbeRow(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getTimestamp(3).toInstant(),
                    rs.getString(4)))
        .stream()
        .filter(r -> wanted.contains(r.processInstanceId()))
        .toList();
  }

  static void assertExactlyOnce(List<ProbeRow> rows, List<String> instances) {
    Map<String, Long> runs =
        rows.stream()
            .collect(Collectors.groupingBy(ProbeRow::processInstanceId, Collectors.counting()));
    assertThat(runs.keySet()).as("no timer missing").containsExactlyInAnyOrderElementsOf(instances);
    Map<String, Long> twice = new HashMap<>(runs);
    twice.values().removeIf(n -> n == 1);
    assertThat(twice).as("no timer run twice").isEmpty();
  }

  record LockedJob(String processInstanceId, Instant lockExpiresAt) {}

  List<LockedJob> lockedBy(String owner) {
    return jdbc.query(
        "select process_instance_id_, lock_exp_time_ from act_ru_job where lock_owner_ = ?",
        (rs, i) -> new LockedJob(rs.getString(1), rs.getTimestamp(2).toInstant()),
        owner);
  }

  static void await(Duration timeout, BooleanSupplier condition) {
    long end = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("Not reached within " + timeout);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /**
   * Beans each node adds to the app (a source of the node's context, not scanned: no annotation).
   */
  static class NodeBeans {
    @Bean
    ClusterProbe clusterProbe(JdbcTemplate jdbc, Environment environment) {
      return new ClusterProbe(jdbc, environment.getRequiredProperty("raccroche.cluster-test.node"));
    }

    /** Replaces the starter's job executor pool (same sizes as its defaults), so it can crash. */
    @Bean(name = "camundaTaskExecutor")
    CrashableTaskExecutor camundaTaskExecutor() {
      CrashableTaskExecutor executor = new CrashableTaskExecutor();
      executor.setCorePoolSize(3);
      executor.setMaxPoolSize(10);
      executor.setQueueCapacity(3);
      executor.setThreadNamePrefix("job-");
      return executor;
    }
  }

  /** The probe's service task: records which node ran the timer. */
  public static class ClusterProbe {
    private final JdbcTemplate jdbc;
    private final String node;

    ClusterProbe(JdbcTemplate jdbc, String node) {
      this.jdbc = jdbc;
      this.node = node;
    }

    public void record(DelegateExecution execution) {
      jdbc.update(
          "insert into cluster_probe (process_instance_id, node, executed_at, tenant)"
              + " values (?, ?, ?, ?)",
          execution.getProcessInstanceId(),
          node,
          Timestamp.from(Instant.now()),
          execution.getTenantId());
    }
  }

  /**
   * The job executor's threads; once crashed, the batches of jobs the acquisition has just locked
   * are dropped instead of run, as by a node killed right after its acquisition committed.
   */
  static class CrashableTaskExecutor extends ThreadPoolTaskExecutor {
    private final AtomicBoolean crashed = new AtomicBoolean();
    private final AtomicInteger dropped = new AtomicInteger();

    void crash() {
      crashed.set(true);
    }

    int dropped() {
      return dropped.get();
    }

    @Override
    public void execute(Runnable task) {
      if (crashed.get()) {
        dropped.incrementAndGet();
        return;
      }
      super.execute(task);
    }
  }
}
