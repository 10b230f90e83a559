package fr.raccroche.messages.internal;

import fr.raccroche.shared.DatabaseKind;
import java.sql.Date;
import java.time.LocalDate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * At most {@code raccroche.messages.daily-limit-per-case} messages to a case's young person or
 * guardian per day. A place is taken by a conditional increment of the case's counter of the day,
 * in the transaction that queues the message: two requests at once never both take the last place,
 * and a refused or rolled-back message gives its place back.
 */
@Component
public class DailyLimit {
  private final JdbcTemplate jdbc;
  private final DatabaseKind database;

  DailyLimit(JdbcTemplate jdbc, DatabaseKind database) {
    this.jdbc = jdbc;
    this.database = database;
  }

  /** Takes one place of the case's day; false when the limit is reached. */
  public boolean take(String caseNumber, LocalDate day, int limit) {
    if (increment(caseNumber, day, limit)) {
      return true;
    }
    if (database.postgres()) {
      jdbc.update(
          "INSERT INTO message_daily_count (case_number, count_day, sent) VALUES (?, ?, 0)"
              + " ON CONFLICT DO NOTHING",
          caseNumber,
          Date.valueOf(day));
    } else {
      jdbc.update(
          "MERGE INTO message_daily_count t USING (VALUES (CAST(? AS VARCHAR(20)), CAST(? AS DATE)))"
              + " s (case_number, count_day) ON t.case_number = s.case_number"
              + " AND t.count_day = s.count_day"
              + " WHEN NOT MATCHED THEN INSERT (case_number, count_day, sent) VALUES"
              + " (s.case_number, s.count_day, 0)",
          caseNumber,
          Date.valueOf(day));
    }
    return increment(caseNumber, day, limit);
  }

  private boolean increment(String caseNumber, LocalDate day, int limit) {
    return jdbc.update(
            "UPDATE message_daily_count SET sent = sent + 1"
                + " WHERE case_number = ? AND count_day = ? AND sent < ?",
            caseNumber,
            Date.valueOf(day),
            limit)
        == 1;
  }

  /** Forgets the counters of erased cases (they name no one, but belong to the case). */
  public void forget(java.util.Collection<String> caseNumbers) {
    for (String caseNumber : caseNumbers) {
      jdbc.update("DELETE FROM message_daily_count WHERE case_number = ?", caseNumber);
    }
  }
}
