package fr.raccroche.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU spent by this JVM and by the PostgreSQL server processes serving one database (its backends,
 * plus the server's WAL writer, checkpointer and background writer), between {@link #start} and
 * {@link #stop}: where a benchmark's time goes on a machine whose two cores are shared by the app
 * and its database. Linux only ({@code /proc/<pid>/stat}, PostgreSQL on this machine).
 */
public final class CpuMeter {
  /** USER_HZ of {@code /proc/<pid>/stat} on Linux. */
  private static final double TICKS_PER_SECOND = 100.0;

  private final long jvmStart;
  private final Map<Long, Long> postgresStart;

  private CpuMeter(long jvmStart, Map<Long, Long> postgresStart) {
    this.jvmStart = jvmStart;
    this.postgresStart = postgresStart;
  }

  /** Starts counting; {@code c} is any connection to the server, {@code database} the app's. */
  public static CpuMeter start(Connection c, String database) throws Exception {
    return new CpuMeter(jvmCpuNanos(), postgresTicks(c, database));
  }

  /** CPU seconds since the start: the JVM's and PostgreSQL's. */
  public record Cpu(double jvmSeconds, double postgresSeconds) {}

  public Cpu stop() {
    return new Cpu((jvmCpuNanos() - jvmStart) / 1e9, ticksSince(postgresStart) / TICKS_PER_SECOND);
  }

  private static long jvmCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static Map<Long, Long> postgresTicks(Connection c, String database) throws Exception {
    Map<Long, Long> ticks = new LinkedHashMap<>();
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT pid FROM pg_stat_activity WHERE datname = '"
                    + database.replace("'", "''")
                    + "' OR backend_type IN ('walwriter', 'checkpointer', 'background writer')")) {
      while (rs.next()) {
        long pid = rs.getLong(1);
        long t = ticksOf(pid);
        if (t >= 0) {
          ticks.put(pid, t);
        }
      }
    }
    return ticks;
  }

  private static long ticksSince(Map<Long, Long> before) {
    long sum = 0;
    for (Map.Entry<Long, Long> e : before.entrySet()) {
      long now = ticksOf(e.getKey());
      if (now >= e.getValue()) {
        sum += now - e.getValue();
      }
    }
    return sum;
  }

  private static long ticksOf(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    } catch (Exception gone) {
      return -1;
    }
  }
}
