package fr.raccroche.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A fresh database for one benchmark run, created on the PostgreSQL server named by {@code DB_URL}
 * (any database of that server: only its host, port and query parameters are kept), named {@code
 * <prefix>_<date and time>}; dropped at the end unless {@code --keep}.
 */
record BenchDatabase(
    String url, String user, String password, String name, String serverUrl, boolean keep) {

  static BenchDatabase fromEnvironment(String prefix, boolean keep) {
    String server = System.getenv("DB_URL");
    if (server == null || server.isBlank()) {
      throw new IllegalStateException(
          "Set DB_URL to the PostgreSQL server to measure (e.g."
              + " jdbc:postgresql://127.0.0.1:5432/postgres), DB_USER and DB_PASSWORD");
    }
    String user = env("DB_USER", "postgres");
    String password = env("DB_PASSWORD", "");
    String name =
        prefix + "_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("MMdd_HHmmss"));
    try (Connection c = DriverManager.getConnection(server, user, password);
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create database " + name, e);
    }
    int slash = server.indexOf('/', "jdbc:postgresql://".length());
    int query = server.indexOf('?', slash);
    String rest = query < 0 ? "" : server.substring(query);
    String url = server.substring(0, slash + 1) + name + rest;
    System.out.println("database: " + name + (keep ? " (kept)" : " (dropped at the end)"));
    return new BenchDatabase(url, user, password, name, server, keep);
  }

  /** A database made by an earlier run (kept with --keep), reused as it is and kept again. */
  static BenchDatabase existing(String name) {
    String server = System.getenv("DB_URL");
    if (server == null || server.isBlank()) {
      throw new IllegalStateException("Set DB_URL to the PostgreSQL server");
    }
    int slash = server.indexOf('/', "jdbc:postgresql://".length());
    int query = server.indexOf('?', slash);
    String rest = query < 0 ? "" : server.substring(query);
    System.out.println("database: " + name + " (reused, kept)");
    return new BenchDatabase(
        server.substring(0, slash + 1) + name + rest,
        env("DB_USER", "postgres"),
        env("DB_PASSWORD", ""),
        name,
        server,
        true);
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  void dropIfCreated() {
    if (keep) {
      return;
    }
    try (Connection c = DriverManager.getConnection(serverUrl, user, password);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (SQLException e) {
      System.out.println("could not drop " + name + ": " + e.getMessage());
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null ? fallback : value;
  }
}
