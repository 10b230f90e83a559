package fr.raccroche.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;

/**
 * What every benchmark prints before its figures: cores, RAM, Java, heap, PostgreSQL version and
 * the settings that move its figures, and the load average (the machine is shared).
 */
public final class MachineFacts {
  private MachineFacts() {}

  /** Prints the machine's and the database's facts. */
  public static void print(Connection c) throws Exception {
    Runtime rt = Runtime.getRuntime();
    System.out.printf(
        Locale.ROOT,
        "machine: %d cores, %s RAM, Java %s (%s), max heap %d MB%n",
        rt.availableProcessors(),
        memTotal(),
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"),
        rt.maxMemory() / (1024 * 1024));
    try (Statement s = c.createStatement()) {
      StringBuilder pg = new StringBuilder();
      try (ResultSet rs = s.executeQuery("SHOW server_version")) {
        rs.next();
        pg.append("PostgreSQL ").append(rs.getString(1));
      }
      for (String setting :
          new String[] {
            "shared_buffers",
            "work_mem",
            "synchronous_commit",
            "fsync",
            "max_connections",
            "effective_cache_size",
            "random_page_cost"
          }) {
        try (ResultSet rs = s.executeQuery("SHOW " + setting)) {
          rs.next();
          pg.append(", ").append(setting).append(' ').append(rs.getString(1));
        }
      }
      System.out.println("database: " + pg);
    }
    System.out.println("load average: " + loadAverage());
    System.out.println(
        "JVM arguments: " + ManagementFactory.getRuntimeMXBean().getInputArguments());
  }

  /** The 1, 5 and 15 minute load averages of the machine. */
  public static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (Exception e) {
      return String.format(
          Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  private static String memTotal() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          long kb = Long.parseLong(line.replaceAll("\\D", ""));
          return String.format(Locale.ROOT, "%.1f GB", kb / 1024.0 / 1024.0);
        }
      }
    } catch (Exception e) {
      // not Linux
    }
    return "? GB";
  }
}
