package fr.raccroche.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.Locale;
import java.util.UUID;

/**
 * B1, the floor: plain JDBC batched inserts (1,000 rows a transaction) of rows shaped like the
 * engine's history of activity instances ({@code ACT_HI_ACTINST}: varchar ids, names, timestamps,
 * its primary key and three of its indexes) into a scratch table. Nothing the engine does per row
 * can be cheaper; every other benchmark divides its figures by this one, measured in its own run.
 *
 * <pre>
 * DB_URL=jdbc:postgresql://127.0.0.1:5432/postgres DB_USER=postgres DB_PASSWORD= \
 *   mvn -B -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=fr.raccroche.benchmarks.EngineFloor -Dexec.args="--rows 200000"
 * </pre>
 */
public final class EngineFloor {
  static final int BATCH = 1_000;

  private EngineFloor() {}

  public static void main(String[] args) throws Exception {
    Args a = new Args(args);
    int rows = a.integer("rows", 200_000);
    int runs = a.integer("runs", 3);
    BenchDatabase db = BenchDatabase.fromEnvironment("raccroche_bench_b1", a.flag("keep"));
    try (Connection c = db.connect()) {
      MachineFacts.print(c);
    }
    double[] figures = new double[runs];
    for (int i = 0; i < runs; i++) {
      figures[i] = measure(db.url(), db.user(), db.password(), rows);
    }
    java.util.Arrays.sort(figures);
    System.out.printf(
        Locale.ROOT,
        "B1 floor: median %.0f rows/s over %d runs (min %.0f, max %.0f); load average %s%n",
        figures[runs / 2],
        runs,
        figures[0],
        figures[runs - 1],
        MachineFacts.loadAverage());
    db.dropIfCreated();
  }

  /**
   * Inserts {@code rows} engine-shaped rows into a fresh scratch table, 1,000 a transaction, and
   * answers rows/s (the table is dropped afterwards).
   */
  public static double measure(String url, String user, String password, int rows)
      throws Exception {
    try (Connection c = DriverManager.getConnection(url, user, password)) {
      try (Statement s = c.createStatement()) {
        s.execute("DROP TABLE IF EXISTS bench_floor_actinst");
        s.execute(
            "CREATE TABLE bench_floor_actinst (ID_ varchar(64) NOT NULL PRIMARY KEY,"
                + " PARENT_ACT_INST_ID_ varchar(64), PROC_DEF_KEY_ varchar(255),"
                + " PROC_DEF_ID_ varchar(64) NOT NULL, ROOT_PROC_INST_ID_ varchar(64),"
                + " PROC_INST_ID_ varchar(64) NOT NULL, EXECUTION_ID_ varchar(64) NOT NULL,"
                + " ACT_ID_ varchar(255) NOT NULL, TASK_ID_ varchar(64), CALL_PROC_INST_ID_"
                + " varchar(64), ACT_NAME_ varchar(255), ACT_TYPE_ varchar(255) NOT NULL,"
                + " ASSIGNEE_ varchar(64), START_TIME_ timestamp NOT NULL, END_TIME_ timestamp,"
                + " DURATION_ bigint, ACT_INST_STATE_ integer, SEQUENCE_COUNTER_ bigint,"
                + " TENANT_ID_ varchar(64), REMOVAL_TIME_ timestamp)");
        s.execute(
            "CREATE INDEX bench_floor_procinst ON bench_floor_actinst(PROC_INST_ID_, ACT_ID_)");
        s.execute("CREATE INDEX bench_floor_root ON bench_floor_actinst(ROOT_PROC_INST_ID_)");
        s.execute("CREATE INDEX bench_floor_start ON bench_floor_actinst(START_TIME_)");
      }
      c.setAutoCommit(false);
      String definition = "YouthPathwayProcess:1:" + UUID.randomUUID();
      long start = System.nanoTime();
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO bench_floor_actinst (ID_, PARENT_ACT_INST_ID_, PROC_DEF_KEY_,"
                  + " PROC_DEF_ID_, ROOT_PROC_INST_ID_, PROC_INST_ID_, EXECUTION_ID_, ACT_ID_,"
                  + " TASK_ID_, CALL_PROC_INST_ID_, ACT_NAME_, ACT_TYPE_, ASSIGNEE_, START_TIME_,"
                  + " END_TIME_, DURATION_, ACT_INST_STATE_, SEQUENCE_COUNTER_, TENANT_ID_,"
                  + " REMOVAL_TIME_) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
        String instance = null;
        for (int i = 0; i < rows; i++) {
          if (i % 10 == 0) {
            instance = UUID.randomUUID().toString();
          }
          Timestamp now = new Timestamp(System.currentTimeMillis());
          int p = 1;
          insert.setString(p++, "Task_ContactYoungPerson:" + UUID.randomUUID());
          insert.setString(p++, "SubProcess_Contact:" + instance);
          insert.setString(p++, "YouthPathwayProcess");
          insert.setString(p++, definition);
          insert.setString(p++, instance);
          insert.setString(p++, instance);
          insert.setString(p++, UUID.randomUUID().toString());
          insert.setString(p++, "Task_ContactYoungPerson");
          insert.setString(p++, UUID.randomUUID().toString());
          insert.setString(p++, null);
          insert.setString(p++, "Contacter le jeune");
          insert.setString(p++, "userTask");
          insert.setString(p++, null);
          insert.setTimestamp(p++, now);
          insert.setTimestamp(p++, now);
          insert.setLong(p++, 3L);
          insert.setInt(p++, 1);
          insert.setLong(p++, i);
          insert.setString(p++, null);
          insert.setTimestamp(p++, null);
          insert.addBatch();
          if ((i + 1) % BATCH == 0) {
            insert.executeBatch();
            c.commit();
          }
        }
        insert.executeBatch();
        c.commit();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      double perSecond = rows / seconds;
      c.setAutoCommit(true);
      try (Statement s = c.createStatement()) {
        s.execute("DROP TABLE bench_floor_actinst");
      }
      System.out.printf(
          Locale.ROOT,
          "B1 floor: %d ACT_HI_ACTINST-shaped rows, JDBC batches of %d a transaction: %.1f s, %.0f"
              + " rows/s (load average %s)%n",
          rows,
          BATCH,
          seconds,
          perSecond,
          MachineFacts.loadAverage());
      return perSecond;
    }
  }
}
