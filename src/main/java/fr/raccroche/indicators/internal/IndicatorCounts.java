package fr.raccroche.indicators.internal;

import fr.raccroche.indicators.IndicatorFigures;
import fr.raccroche.indicators.IndicatorFigures.Counts;
import fr.raccroche.indicators.IndicatorFigures.Delays;
import fr.raccroche.indicators.IndicatorFigures.Row;
import fr.raccroche.indicators.Quarter;
import fr.raccroche.indicators.SchoolYear;
import fr.raccroche.shared.DatabaseKind;
import java.sql.Date;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The pre-aggregated counts ({@code indicator_count}): the indicators of a quarter read from them
 * (a few thousand rows whatever the number of cases), the deltas applied to them, their rebuild
 * from {@code indicator_case_fact}. The figures are those of {@link FigureQueries}, exactly (the
 * medians from the histograms of delays).
 */
@Component
public class IndicatorCounts {
  private static final Logger log = LoggerFactory.getLogger(IndicatorCounts.class);
  private static final int IN_LIST = 500;

  private final NamedParameterJdbcTemplate named;
  private final JdbcTemplate jdbc;
  private final DatabaseKind database;

  IndicatorCounts(NamedParameterJdbcTemplate named, DatabaseKind database) {
    this.named = named;
    this.jdbc = named.getJdbcTemplate();
    this.database = database;
  }

  private boolean postgres() {
    return database.postgres();
  }

  // ---- maintenance

  /**
   * Adds the deltas: one atomic {@code n = n + delta} upsert per cell, in key order so that two
   * transactions touching the same cells lock them in the same order (no lost update, no deadlock).
   */
  void apply(Map<CountKey, Long> delta) {
    if (delta.isEmpty()) {
      return;
    }
    List<Object[]> rows = new ArrayList<>(delta.size());
    new TreeMap<>(delta).forEach((k, n) -> rows.add(row(k, n)));
    if (postgres()) {
      // One statement per 5,000 cells (arrays unnested in key order): one round trip, not one per
      // cell.
      for (int i = 0; i < rows.size(); i += 5_000) {
        upsertPostgres(rows.subList(i, Math.min(rows.size(), i + 5_000)));
      }
      return;
    }
    // H2 (development and tests): an update by primary key, an insert for the new cells; a cell
    // another transaction inserted meanwhile is updated (H2 keeps the transaction after the error).
    List<Object[]> updates = rows.stream().map(IndicatorCounts::update).toList();
    int[] updated = jdbc.batchUpdate(UPDATE, updates);
    for (int i = 0; i < updated.length; i++) {
      if (updated[i] == 0) {
        try {
          jdbc.update(INSERT, rows.get(i));
        } catch (DuplicateKeyException e) {
          jdbc.update(UPDATE, updates.get(i));
        }
      }
    }
  }

  private static final String[] ARRAY_TYPES = {
    "varchar", "varchar", "int4", "date", "varchar", "varchar", "varchar", "int8"
  };

  private void upsertPostgres(List<Object[]> rows) {
    jdbc.execute(
        "INSERT INTO indicator_count AS c (departement, kind, school_year, period_start, scope,"
            + " dimension, dim_value, n) SELECT departement, kind, school_year, period_start,"
            + " scope, dimension, dim_value, n FROM unnest(?::varchar[], ?::varchar[], ?::int4[],"
            + " ?::date[], ?::varchar[], ?::varchar[], ?::varchar[], ?::int8[]) WITH ORDINALITY"
            + " AS d (departement, kind, school_year, period_start, scope, dimension, dim_value,"
            + " n, i) ORDER BY i ON CONFLICT (departement, kind, school_year, period_start, scope,"
            + " dimension, dim_value) DO UPDATE SET n = c.n + EXCLUDED.n",
        (java.sql.PreparedStatement ps) -> {
          for (int column = 0; column < ARRAY_TYPES.length; column++) {
            Object[] values = new Object[rows.size()];
            for (int r = 0; r < values.length; r++) {
              values[r] = rows.get(r)[column];
            }
            ps.setArray(column + 1, ps.getConnection().createArrayOf(ARRAY_TYPES[column], values));
          }
          return ps.executeUpdate();
        });
  }

  private static final String INSERT =
      "INSERT INTO indicator_count (departement, kind, school_year, period_start, scope,"
          + " dimension, dim_value, n) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String UPDATE =
      "UPDATE indicator_count SET n = n + ? WHERE departement = ? AND kind = ? AND school_year = ?"
          + " AND period_start = ? AND scope = ? AND dimension = ? AND dim_value = ?";

  private static Object[] update(Object[] row) {
    return new Object[] {row[7], row[0], row[1], row[2], row[3], row[4], row[5], row[6]};
  }

  private static Object[] row(CountKey k, long n) {
    return new Object[] {
      k.departement(),
      k.kind(),
      k.schoolYear(),
      Date.valueOf(k.periodStart()),
      k.scope(),
      k.dimension(),
      k.value(),
      n
    };
  }

  /**
   * Every case of these young people, as committed now, after locking them (so that two
   * transactions changing cases of the same person apply their deltas one after the other, each
   * seeing the other's result). The read is a second statement: it also sees a case another
   * transaction registered for the person while this one waited.
   */
  Map<Long, List<FactState>> lockAndRead(Collection<Long> personIds) {
    Map<Long, List<FactState>> out = new HashMap<>();
    List<Long> ids = new ArrayList<>(personIds);
    ids.sort(null);
    for (int i = 0; i < ids.size(); i += IN_LIST) {
      var p = new MapSqlParameterSource("ids", ids.subList(i, Math.min(ids.size(), i + IN_LIST)));
      named.queryForList(
          "SELECT id FROM indicator_case_fact WHERE person_id IN (:ids) ORDER BY id FOR UPDATE",
          p,
          Long.class);
      named.query(
          "SELECT " + FactState.COLUMNS + " FROM indicator_case_fact WHERE person_id IN (:ids)",
          p,
          rs -> {
            FactState f = FactState.of(rs);
            out.computeIfAbsent(f.personId(), x -> new ArrayList<>()).add(f);
          });
    }
    return out;
  }

  /**
   * Recomputes every count from {@code indicator_case_fact} (run in one transaction: after a bulk
   * load, and at the first start after the migration). On PostgreSQL the facts are locked against
   * writes meanwhile (SHARE mode: reads go on; the pathway's writers wait for the end).
   */
  public long rebuild() {
    long start = System.nanoTime();
    if (postgres()) {
      jdbc.execute("LOCK TABLE indicator_case_fact IN SHARE MODE");
    }
    Map<CountKey, Long> counts = new HashMap<>();
    long[] facts = {0};
    List<FactState> person = new ArrayList<>();
    // A template of its own: the fetch size streams the facts (PostgreSQL, in a transaction).
    JdbcTemplate stream = new JdbcTemplate(jdbc.getDataSource());
    stream.setFetchSize(10_000);
    stream.query(
        "SELECT " + FactState.COLUMNS + " FROM indicator_case_fact ORDER BY person_id, case_number",
        rs -> {
          FactState f = FactState.of(rs);
          if (!person.isEmpty() && person.get(0).personId() != f.personId()) {
            Contributions.of(person).forEach((k, n) -> counts.merge(k, n, Long::sum));
            person.clear();
          }
          person.add(f);
          facts[0]++;
        });
    Contributions.of(person).forEach((k, n) -> counts.merge(k, n, Long::sum));
    jdbc.update("DELETE FROM indicator_count");
    List<Object[]> rows = new ArrayList<>(counts.size());
    new TreeMap<>(counts).forEach((k, n) -> rows.add(row(k, n)));
    for (int i = 0; i < rows.size(); i += 5_000) {
      jdbc.batchUpdate(INSERT, rows.subList(i, Math.min(rows.size(), i + 5_000)));
    }
    jdbc.update("DELETE FROM indicator_count_state");
    jdbc.update(
        "INSERT INTO indicator_count_state (id, built_at, facts) VALUES (1, ?, ?)",
        java.sql.Timestamp.from(Instant.now()),
        facts[0]);
    log.info(
        "Indicator counts rebuilt from {} cases: {} cells in {} ms",
        facts[0],
        rows.size(),
        (System.nanoTime() - start) / 1_000_000);
    return facts[0];
  }

  /** Have the counts been built (false on a database that had facts before the counts)? */
  boolean built() {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM indicator_count_state", Integer.class);
    return n != null && n > 0;
  }

  // ---- the figures

  private static final class Cell {
    final long[] counts = new long[4];
  }

  /** The count rows of one scope of reading, added up: the figures of a target scope. */
  private static final class Tally {
    // scope → dimension → value → [leavers, taken, cohort, solution], in the database's order
    final Map<String, Map<String, Map<String, Cell>>> cells = new TreeMap<>();
    // CONTACT_DAYS / TAKEN_DAYS → scope → days → cases
    final Map<String, Map<String, TreeMap<Integer, Long>>> days = new HashMap<>();

    void add(String kind, String scope, String dimension, String value, long n) {
      if (n == 0) {
        return;
      }
      if (kind.endsWith("_DAYS")) {
        days.computeIfAbsent(kind, x -> new HashMap<>())
            .computeIfAbsent(scope, x -> new TreeMap<>())
            .merge(Integer.valueOf(value), n, Long::sum);
        return;
      }
      int i =
          switch (kind) {
            case CountKey.LEAVER -> 0;
            case CountKey.TAKEN -> 1;
            case CountKey.COHORT -> 2;
            default -> 3;
          };
      cells
              .computeIfAbsent(scope, x -> new LinkedHashMap<>())
              .computeIfAbsent(dimension, x -> new LinkedHashMap<>())
              .computeIfAbsent(value, x -> new Cell())
              .counts[i] +=
          n;
    }

    IndicatorFigures figures(String perimeter) {
      String target = perimeter == null ? CountKey.DEPARTEMENT : perimeter;
      Counts total = counts(total(cells.get(target)));
      Delays delays = delays(days, target);
      List<Row> perimeters = new ArrayList<>();
      for (var e : cells.entrySet()) {
        if (e.getKey().equals(CountKey.DEPARTEMENT)) {
          continue;
        }
        Counts c = counts(total(e.getValue()));
        if (c.leavers() + c.oneYearCohort() > 0) {
          perimeters.add(
              new Row(
                  e.getKey().equals(CountKey.NONE) ? null : e.getKey(),
                  c,
                  delays(days, e.getKey())));
        }
      }
      Map<String, List<Row>> breakdowns = new LinkedHashMap<>();
      Map<String, Map<String, Cell>> dims = cells.getOrDefault(target, Map.of());
      for (String dimension : IndicatorFigures.DIMENSIONS) {
        List<Row> rows = new ArrayList<>();
        boolean solutionType = dimension.equals("solutionType");
        dims.getOrDefault(dimension, Map.of())
            .forEach(
                (value, cell) -> {
                  Counts c = counts(cell);
                  boolean present =
                      solutionType
                          ? c.solutionAfterOneYear() > 0
                          : c.leavers() + c.oneYearCohort() > 0;
                  if (present) {
                    rows.add(
                        new Row(
                            value.equals(CountKey.NONE) ? "UNKNOWN" : value,
                            solutionType ? new Counts(0, 0, 0, c.solutionAfterOneYear()) : c,
                            null));
                  }
                });
        breakdowns.put(dimension, rows);
      }
      return new IndicatorFigures(total, delays, perimeters, breakdowns);
    }
  }

  /**
   * The figures of a département ({@code perimeter} null) or of one of its perimeters; for several
   * départements, their sum (the regional consolidation: each département's counts added up, the
   * medians from the merged histograms).
   */
  public IndicatorFigures compute(
      SchoolYear year, Quarter quarter, Collection<String> departements, String perimeter) {
    Tally tally = new Tally();
    read(
        year,
        quarter,
        departements,
        perimeter,
        (d, kind, scope, dimension, value, n) -> tally.add(kind, scope, dimension, value, n));
    return tally.figures(perimeter);
  }

  /**
   * The figures of each of several départements and their sum, from one read of the counts (the
   * regional view: the same figures as {@link #compute} for each département and for all of them
   * together). The key {@code null} holds the sum.
   */
  public Map<String, IndicatorFigures> computeEach(
      SchoolYear year, Quarter quarter, Collection<String> departements) {
    Map<String, Tally> tallies = new TreeMap<>();
    for (String d : departements) {
      tallies.put(d, new Tally());
    }
    Tally together = new Tally();
    read(
        year,
        quarter,
        departements,
        null,
        (d, kind, scope, dimension, value, n) -> {
          tallies.get(d).add(kind, scope, dimension, value, n);
          together.add(kind, scope, dimension, value, n);
        });
    Map<String, IndicatorFigures> figures = new LinkedHashMap<>();
    tallies.forEach((d, t) -> figures.put(d, t.figures(null)));
    figures.put(null, together.figures(null));
    return figures;
  }

  private interface CountRow {
    void accept(
        String departement, String kind, String scope, String dimension, String value, long n);
  }

  private void read(
      SchoolYear year,
      Quarter quarter,
      Collection<String> departements,
      String perimeter,
      CountRow sink) {
    if (departements.isEmpty()) {
      throw new IllegalArgumentException("No département");
    }
    MapSqlParameterSource p = new MapSqlParameterSource();
    p.addValue("departements", new ArrayList<>(departements));
    p.addValue("year", year.startYear());
    p.addValue("quarterEnd", Date.valueOf(quarter.end()));
    p.addValue("cohortQuarter", Date.valueOf(quarter.start().minusYears(1)));
    String scope;
    if (perimeter == null) {
      scope = " AND (scope = '*' OR dimension IN ('total', 'days'))";
    } else {
      scope = " AND scope = :scope";
      p.addValue("scope", perimeter);
    }
    named.query(
        "SELECT departement, kind, scope, dimension, dim_value, SUM(n) AS n FROM indicator_count"
            + " WHERE"
            + " ((kind IN ('LEAVER', 'TAKEN', 'CONTACT_DAYS', 'TAKEN_DAYS') AND school_year = :year"
            + " AND period_start <= :quarterEnd) OR (kind IN ('COHORT', 'SOLUTION') AND"
            + " school_year = 0 AND period_start = :cohortQuarter))"
            + " AND departement IN (:departements)"
            + scope
            // the database's order of the values within each département and for their sum
            + " GROUP BY departement, kind, scope, dimension, dim_value"
            + " ORDER BY scope, dimension, dim_value",
        p,
        rs -> {
          sink.accept(
              rs.getString("departement"),
              rs.getString("kind"),
              rs.getString("scope"),
              rs.getString("dimension"),
              rs.getString("dim_value"),
              rs.getLong("n"));
        });
  }

  private static Cell total(Map<String, Map<String, Cell>> dims) {
    if (dims == null) {
      return new Cell();
    }
    Cell c = dims.getOrDefault(CountKey.TOTAL, Map.of()).get(CountKey.NONE);
    return c == null ? new Cell() : c;
  }

  private static Counts counts(Cell c) {
    return new Counts(c.counts[0], c.counts[1], c.counts[2], c.counts[3]);
  }

  private static Delays delays(
      Map<String, Map<String, TreeMap<Integer, Long>>> days, String scope) {
    TreeMap<Integer, Long> contact =
        days.getOrDefault(CountKey.CONTACT_DAYS, Map.of()).getOrDefault(scope, new TreeMap<>());
    TreeMap<Integer, Long> taken =
        days.getOrDefault(CountKey.TAKEN_DAYS, Map.of()).getOrDefault(scope, new TreeMap<>());
    return new Delays(size(contact), median(contact), size(taken), median(taken));
  }

  private static long size(TreeMap<Integer, Long> histogram) {
    return histogram.values().stream().mapToLong(Long::longValue).sum();
  }

  /** PERCENTILE_CONT(0.5) of the values a histogram counts: exact. */
  static Double median(TreeMap<Integer, Long> histogram) {
    long n = size(histogram);
    if (n == 0) {
      return null;
    }
    // 0-based ranks of the middle values
    long lo = (n - 1) / 2;
    long hi = n / 2;
    Integer low = null;
    Integer high = null;
    long seen = 0;
    for (var e : histogram.entrySet()) {
      long next = seen + e.getValue();
      if (low == null && lo < next) {
        low = e.getKey();
      }
      if (hi < next) {
        high = e.getKey();
        break;
      }
      seen = next;
    }
    return (low + high) / 2.0;
  }
}
