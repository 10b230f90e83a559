package fr.raccroche.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Multiplies process instances that the engine created (the templates) by copying, in SQL, every
 * row the engine wrote for them — runtime, history, authorizations, byte arrays — with their
 * instance-specific ids renamed, so that 100,000 or 200,000 pathways exist in the database in
 * minutes instead of the half hour the engine needs to start them.
 *
 * <p>Faithful by construction: a copy has exactly the template's rows, columns and values, except
 * that every value that is one of the templates' own ids (instances, executions, activity
 * instances, tasks, variables, jobs, identity links, authorizations, byte arrays, history rows)
 * gets its last 7 characters replaced by {@code z} and the copy's number (ids keep their length;
 * {@code z} is not a hexadecimal digit, so a copy's id never equals an engine id), and that the
 * business key gets {@code ~<n>} appended. Ids shared with everything else (process and job
 * definitions, deployments, groups) are kept. What is not copied: the application's own tables
 * (cases, people, reporting facts): a copy is a pathway instance only.
 */
final class InstanceCloner {
  /** Tables whose rows are written first (foreign keys). */
  private static final List<String> FIRST =
      List.of("act_ge_bytearray", "act_ru_execution", "act_ru_task", "act_ru_identitylink");

  private final Connection c;
  private final boolean history;
  private final Map<String, List<String[]>> columns = new LinkedHashMap<>();

  /**
   * @param history also copy the history tables ({@code ACT_HI_*}); without, runtime only.
   */
  InstanceCloner(Connection c, boolean history) {
    this.c = c;
    this.history = history;
  }

  /** Remembers the instances already there (the demo's cases): they are not templates. */
  static void markExisting(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS bench_existing");
      s.execute(
          "CREATE TABLE bench_existing AS SELECT id_ FROM act_ru_execution WHERE id_ ="
              + " proc_inst_id_");
    }
  }

  /**
   * Marks the templates: every process instance of {@code processKey} started since {@link
   * #markExisting}. Answers how many. The ids to rename are collected here.
   */
  int prepare(String processKey) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS bench_template, bench_ids");
      s.execute(
          "CREATE TABLE bench_template AS SELECT id_ FROM act_ru_execution WHERE id_ = proc_inst_id_"
              + " AND proc_def_key_ = '"
              + processKey
              + "' AND id_ NOT IN (SELECT id_ FROM bench_existing)");
      s.execute("ALTER TABLE bench_template ADD PRIMARY KEY (id_)");
      s.execute("CREATE TABLE bench_ids (id_ varchar(255) PRIMARY KEY)");
    }
    loadColumns();
    try (Statement s = c.createStatement()) {
      for (String table : columns.keySet()) {
        String where = selection(table);
        if (where == null || where.contains("bench_ids")) {
          continue;
        }
        s.execute(
            "INSERT INTO bench_ids SELECT DISTINCT id_ FROM "
                + table
                + " WHERE "
                + where
                + " AND length(id_) >= 20 ON CONFLICT DO NOTHING");
        if (has(table, "act_inst_id_")) {
          s.execute(
              "INSERT INTO bench_ids SELECT DISTINCT act_inst_id_ FROM "
                  + table
                  + " WHERE "
                  + where
                  + " AND length(act_inst_id_) >= 20 ON CONFLICT DO NOTHING");
        }
      }
      // Rows found through the ids above: task identity links, authorizations.
      for (String table : List.of("act_ru_identitylink", "act_ru_authorization")) {
        s.execute(
            "INSERT INTO bench_ids SELECT id_ FROM "
                + table
                + " WHERE "
                + selection(table)
                + " ON CONFLICT DO NOTHING");
      }
      s.execute("ANALYZE bench_ids");
      try (ResultSet rs =
          s.executeQuery(
              "SELECT (SELECT count(*) FROM bench_template), (SELECT count(*) FROM bench_ids)")) {
        rs.next();
        System.out.printf(
            Locale.ROOT,
            "clone: %d template instances, %d instance-specific ids to rename%n",
            rs.getInt(1),
            rs.getInt(2));
        return rs.getInt(1);
      }
    }
  }

  /** Engine tables whose rows carry their instance's tenant (Camunda sets {@code TENANT_ID_}). */
  private static final List<String> TENANT_TABLES =
      List.of(
          "act_ru_execution",
          "act_ru_task",
          "act_ru_variable",
          "act_ru_job",
          "act_ru_event_subscr",
          "act_ru_incident",
          "act_ru_ext_task",
          "act_hi_procinst",
          "act_hi_actinst",
          "act_hi_taskinst",
          "act_hi_varinst",
          "act_hi_detail",
          "act_hi_identitylink",
          "act_hi_incident",
          "act_hi_job_log",
          "act_hi_op_log");

  /**
   * Gives every template row its instance's tenant (the département of its case's perimeter), as
   * Camunda does for an instance started with a tenant: executions, tasks, variables, jobs, event
   * subscriptions (and the history rows when history is copied); the task's identity links take
   * their task's tenant. Only rows without a tenant are written: when the engine already set the
   * tenant (the app's {@code TenantIdProvider}), nothing changes and the counts printed are 0; a
   * template whose tenant differs from its case's département fails the benchmark. The copies then
   * carry the tenant of their template.
   */
  void assignTenants() throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("ALTER TABLE bench_template ADD COLUMN IF NOT EXISTS tenant_ varchar(64)");
      s.execute(
          "UPDATE bench_template b SET tenant_ = p.departement FROM support_case sc JOIN perimeter"
              + " p ON p.code = sc.perimeter_code WHERE sc.process_instance_id = b.id_");
      try (ResultSet rs =
          s.executeQuery(
              "SELECT count(*) FILTER (WHERE b.tenant_ IS NULL), count(*) FILTER (WHERE"
                  + " e.tenant_id_ IS NOT NULL AND e.tenant_id_ <> b.tenant_) FROM bench_template b"
                  + " JOIN act_ru_execution e ON e.id_ = b.id_")) {
        rs.next();
        if (rs.getInt(1) > 0 || rs.getInt(2) > 0) {
          throw new IllegalStateException(
              rs.getInt(1)
                  + " templates without a case, "
                  + rs.getInt(2)
                  + " with a tenant other than their case's département");
        }
      }
      StringBuilder set = new StringBuilder();
      for (String table : TENANT_TABLES) {
        if (!columns.containsKey(table) || !has(table, "tenant_id_")) continue;
        List<String> keys = new ArrayList<>();
        for (String k : List.of("proc_inst_id_", "process_instance_id_", "root_proc_inst_id_")) {
          if (has(table, k)) keys.add("t." + k);
        }
        if (keys.isEmpty()) continue;
        String key = "b.id_ IN (" + String.join(", ", keys) + ")";
        int n =
            s.executeUpdate(
                "UPDATE "
                    + table
                    + " t SET tenant_id_ = b.tenant_ FROM bench_template b WHERE "
                    + key
                    + " AND t.tenant_id_ IS NULL");
        set.append(' ').append(table).append(' ').append(n);
      }
      if (columns.containsKey("act_ru_identitylink") && has("act_ru_identitylink", "tenant_id_")) {
        int n =
            s.executeUpdate(
                "UPDATE act_ru_identitylink i SET tenant_id_ = t.tenant_id_ FROM act_ru_task t"
                    + " WHERE i.task_id_ = t.id_ AND t.proc_inst_id_ IN (SELECT id_ FROM"
                    + " bench_template) AND i.tenant_id_ IS NULL");
        set.append(" act_ru_identitylink ").append(n);
      }
      System.out.println(
          "clone: template rows given their tenant (already set by the engine:" + " 0):" + set);
    }
  }

  /**
   * Copies the application's rows of the templates' cases for copies {@code from} to {@code to}:
   * the young person (id + n × {@link #ID_STRIDE}, no INE), the case (number + {@code ~n}, the same
   * as the copy's business key; its instance id renamed as the engine rows), its reporting fact and
   * milestones. One transaction. Answers the rows written.
   */
  long copyCases(int from, int to) throws SQLException {
    long rows = 0;
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      s.execute("SET LOCAL session_replication_role = replica");
      String cases =
          "case_number IN (SELECT case_number FROM support_case WHERE process_instance_id IN"
              + " (SELECT id_ FROM bench_template))";
      rows +=
          copyAppTable(
              s,
              "young_person",
              "id IN (SELECT person_id FROM support_case WHERE process_instance_id IN (SELECT id_"
                  + " FROM bench_template))",
              from,
              to);
      for (String table : List.of("support_case", "indicator_case_fact", "case_milestone")) {
        rows += copyAppTable(s, table, cases, from, to);
      }
      c.commit();
    } catch (SQLException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(auto);
    }
    return rows;
  }

  /** Ids of the application's copied rows: the template's id + n × this (sequences stay far). */
  static final long ID_STRIDE = 10_000_000L;

  private long copyAppTable(Statement s, String table, String where, int from, int to)
      throws SQLException {
    StringBuilder list = new StringBuilder();
    StringBuilder values = new StringBuilder();
    try (ResultSet rs =
        c.createStatement()
            .executeQuery(
                "SELECT column_name FROM information_schema.columns WHERE table_schema ="
                    + " current_schema() AND table_name = '"
                    + table
                    + "' ORDER BY ordinal_position")) {
      while (rs.next()) {
        String name = rs.getString(1);
        if (list.length() > 0) {
          list.append(", ");
          values.append(", ");
        }
        list.append(name);
        switch (name) {
          case "id" -> values.append("t.id + n::bigint * ").append(ID_STRIDE);
          case "person_id" -> values.append("t.person_id + n::bigint * ").append(ID_STRIDE);
          case "case_number" -> values.append("t.case_number || '~' || n");
          case "ine" -> values.append("NULL");
          case "process_instance_id" ->
              values
                  .append("CASE WHEN t.process_instance_id IN (SELECT id_ FROM bench_ids) THEN")
                  .append(" overlay(t.process_instance_id placing 'z' || lpad(n::text, 6, '0')")
                  .append(" from length(t.process_instance_id) - 6) ELSE NULL END");
          default -> values.append("t.").append(name);
        }
      }
    }
    if (list.length() == 0) return 0;
    return s.executeUpdate(
        "INSERT INTO "
            + table
            + " ("
            + list
            + ") SELECT "
            + values
            + " FROM "
            + table
            + " t CROSS JOIN generate_series("
            + from
            + ", "
            + to
            + ") n WHERE "
            + where);
  }

  /** Rows of each table that belong to the templates (runtime and, if asked, history). */
  Map<String, Long> templateRows() throws SQLException {
    Map<String, Long> rows = new LinkedHashMap<>();
    try (Statement s = c.createStatement()) {
      for (String table : columns.keySet()) {
        String where = selection(table);
        if (where == null) continue;
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table + " WHERE " + where)) {
          rs.next();
          if (rs.getLong(1) > 0) rows.put(table, rs.getLong(1));
        }
      }
    }
    return rows;
  }

  /**
   * Writes copies number {@code from} to {@code to} (inclusive) of every template, one transaction.
   */
  long copy(int from, int to) throws SQLException {
    long rows = 0;
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      // Copies are consistent by construction: skip the foreign-key triggers for this
      // transaction (a per-session setting of the superuser; the server's settings are untouched).
      s.execute("SET LOCAL session_replication_role = replica");
      for (String table : columns.keySet()) {
        String where = selection(table);
        if (where == null) continue;
        StringBuilder list = new StringBuilder();
        StringBuilder values = new StringBuilder();
        for (String[] col : columns.get(table)) {
          String name = col[0];
          if (list.length() > 0) {
            list.append(", ");
            values.append(", ");
          }
          list.append(name);
          if (name.equals("business_key_")) {
            values
                .append("CASE WHEN t.")
                .append(name)
                .append(" IS NULL THEN NULL ELSE t.")
                .append(name)
                .append(" || '~' || n END");
          } else if (col[1].equals("character varying") || col[1].equals("text")) {
            values
                .append("CASE WHEN t.")
                .append(name)
                .append(" IN (SELECT id_ FROM bench_ids) THEN overlay(t.")
                .append(name)
                .append(" placing 'z' || lpad(n::text, 6, '0') from length(t.")
                .append(name)
                .append(") - 6) ELSE t.")
                .append(name)
                .append(" END");
          } else {
            values.append("t.").append(name);
          }
        }
        rows +=
            s.executeUpdate(
                "INSERT INTO "
                    + table
                    + " ("
                    + list
                    + ") SELECT "
                    + values
                    + " FROM "
                    + table
                    + " t CROSS JOIN generate_series("
                    + from
                    + ", "
                    + to
                    + ") n WHERE "
                    + where);
      }
      c.commit();
    } catch (SQLException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(auto);
    }
    return rows;
  }

  /** Makes {@code copies} copies of each template, {@code perTransaction} copies a transaction. */
  long copyAll(int copies, int perTransaction) throws SQLException {
    return copyAll(copies, perTransaction, false);
  }

  /** The same; with {@code cases}, each transaction also copies the cases ({@link #copyCases}). */
  long copyAll(int copies, int perTransaction, boolean cases) throws SQLException {
    long start = System.nanoTime();
    long rows = 0;
    for (int from = 1; from <= copies; from += perTransaction) {
      int to = Math.min(copies, from + perTransaction - 1);
      rows += copy(from, to);
      if (cases) rows += copyCases(from, to);
      System.out.printf(
          Locale.ROOT,
          "clone: copies %d-%d of %d written (%d rows so far, %.0f s)%n",
          from,
          to,
          copies,
          rows,
          (System.nanoTime() - start) / 1e9);
    }
    try (Statement s = c.createStatement()) {
      s.execute("ANALYZE");
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "clone: %d rows written in %.1f s (%.0f rows/s, with ANALYZE)%n",
        rows,
        seconds,
        rows / seconds);
    return rows;
  }

  private void loadColumns() throws SQLException {
    columns.clear();
    List<String> tables = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT table_name, column_name, data_type FROM information_schema.columns"
                    + " WHERE table_schema = current_schema() AND table_name LIKE 'act\\_%'"
                    + " ORDER BY table_name, ordinal_position")) {
      while (rs.next()) {
        String table = rs.getString(1);
        if (!columns.containsKey(table)) tables.add(table);
        columns
            .computeIfAbsent(table, t -> new ArrayList<>())
            .add(new String[] {rs.getString(2), rs.getString(3)});
      }
    }
    Map<String, List<String[]>> ordered = new LinkedHashMap<>();
    for (String t : FIRST) {
      if (columns.containsKey(t)) ordered.put(t, columns.get(t));
    }
    for (String t : tables) {
      if (!ordered.containsKey(t)) ordered.put(t, columns.get(t));
    }
    columns.clear();
    columns.putAll(ordered);
    for (String table : new ArrayList<>(columns.keySet())) {
      if (selection(table) == null) columns.remove(table);
    }
  }

  private boolean has(String table, String column) {
    for (String[] col : columns.get(table)) {
      if (col[0].equals(column)) return true;
    }
    return false;
  }

  /** The condition that selects a table's template rows, or null when none are copied. */
  private String selection(String table) {
    if (!history && table.startsWith("act_hi_")) return null;
    if (table.startsWith("act_re_")
        || table.startsWith("act_id_")
        || table.equals("act_ge_property")
        || table.equals("act_ge_schema_log")
        || table.equals("act_ru_meter_log")
        || table.equals("act_ru_task_meter_log")
        || table.equals("act_ru_filter")
        || table.equals("act_ru_jobdef")
        || table.equals("act_ru_batch")
        || table.equals("act_hi_batch")) {
      return null;
    }
    if (table.equals("act_ru_identitylink")) {
      return "task_id_ IN (SELECT id_ FROM bench_ids)";
    }
    if (table.equals("act_ru_authorization")) {
      return "resource_id_ IN (SELECT id_ FROM bench_ids)";
    }
    List<String> parts = new ArrayList<>();
    if (has(table, "proc_inst_id_")) parts.add("proc_inst_id_ IN (SELECT id_ FROM bench_template)");
    if (has(table, "root_proc_inst_id_")) {
      parts.add("root_proc_inst_id_ IN (SELECT id_ FROM bench_template)");
    }
    return parts.isEmpty() ? null : "(" + String.join(" OR ", parts) + ")";
  }
}
