package fr.raccroche.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The database the integration tests run on, chosen by the system property {@code
 * raccroche.test.database} ({@code h2}, the default, or {@code postgres}). PostgreSQL is the server
 * named by {@code DB_URL} when it is set, else a real PostgreSQL 15 started once per JVM from Maven
 * Central's embedded binaries.
 */
public final class TestDatabases {
  private static EmbeddedPostgres embedded;

  private TestDatabases() {}

  public static boolean postgres() {
    return "postgres".equals(System.getProperty("raccroche.test.database", "h2"));
  }

  public static boolean externalPostgres() {
    String url = System.getenv("DB_URL");
    return url != null && !url.isBlank();
  }

  /** JDBC URL of the embedded server's {@code postgres} database (starts it once). */
  public static synchronized String embeddedPostgresUrl() {
    if (embedded == null) {
      try {
        embedded = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::closeEmbedded));
    }
    return embedded.getJdbcUrl("postgres", "postgres");
  }

  private static synchronized void closeEmbedded() {
    try {
      if (embedded != null) {
        embedded.close();
      }
    } catch (IOException ignored) {
      // the JVM is ending
    }
  }

  /** Connection settings of a database. */
  public record Settings(String url, String user, String password) {}

  /** The main test database for the active kind. */
  public static Settings main() {
    if (!postgres()) {
      return new Settings("jdbc:h2:mem:raccroche-test;DB_CLOSE_DELAY=-1", "sa", "");
    }
    if (externalPostgres()) {
      return new Settings(
          System.getenv("DB_URL"), env("DB_USER", "postgres"), env("DB_PASSWORD", ""));
    }
    return new Settings(embeddedPostgresUrl(), "postgres", "postgres");
  }

  /**
   * A new, empty database of the active kind: an H2 file under {@code target/}, or a new database
   * on the PostgreSQL server.
   */
  public static Settings fresh(String prefix) {
    String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    if (!postgres()) {
      Path dir = Path.of("target", "h2-" + name).toAbsolutePath();
      return new Settings(
          "jdbc:h2:file:" + dir.resolve("raccroche") + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "");
    }
    Settings server = main();
    try (Connection connection =
            DriverManager.getConnection(server.url(), server.user(), server.password());
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create test database " + name, e);
    }
    String url = server.url();
    int slash = url.indexOf('/', "jdbc:postgresql://".length());
    int query = url.indexOf('?', slash);
    String rest = query < 0 ? "" : url.substring(query);
    return new Settings(
        url.substring(0, slash + 1) + name + rest, server.user(), server.password());
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null ? fallback : value;
  }
}
