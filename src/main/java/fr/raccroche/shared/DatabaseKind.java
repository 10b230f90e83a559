package fr.raccroche.shared;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/** Which database the app runs on (PostgreSQL in production, H2 embedded), asked once. */
@Component
public class DatabaseKind {
  private final DataSource dataSource;
  private volatile Boolean postgres;

  public DatabaseKind(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public boolean postgres() {
    Boolean known = postgres;
    if (known == null) {
      try (Connection connection = dataSource.getConnection()) {
        known =
            connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
      } catch (SQLException e) {
        throw new IllegalStateException("Could not tell the database kind", e);
      }
      postgres = known;
    }
    return known;
  }
}
