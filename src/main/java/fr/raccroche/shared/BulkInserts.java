package fr.raccroche.shared;

import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.generator.BeforeExecutionGenerator;
import org.hibernate.generator.EventType;
import org.hibernate.persister.entity.EntityPersister;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * New rows of a bulk load (an import's chunk: hundreds of people, cases, milestones, facts and
 * listings in one transaction), written with PostgreSQL's {@code COPY} instead of one JPA insert
 * each. Measured on the import: Hibernate's multi-row inserts cost about 12 ms a table for a chunk
 * of 500 rows, plus its flush and dirty checking; {@code COPY} sends the rows as one stream, with
 * no statement to plan and no entity to track.
 *
 * <p>A transaction {@link #open() opens} a bulk scope; from then on, {@link #add(Object)} gives the
 * entity its id at once (from the entity's own generator: the same sequence blocks Hibernate uses)
 * and queues it; {@link #flush()} writes the queue, table by table in the order each table was
 * first added to (parents before children: a person before its case), then flushes JPA; the scope
 * writes its queue by itself before the commit, ahead of every other synchronisation. Queued rows
 * are not visible to queries until flushed; the entities are not managed (a change made to one
 * after {@code add} is not written). Outside a scope, or on H2, {@code add} is {@code
 * EntityManager.persist}: same rows, JPA's way.
 */
@Component
public class BulkInserts {
  private final EntityManager entityManager;
  private final DatabaseKind database;

  public BulkInserts(EntityManager entityManager, DatabaseKind database) {
    this.entityManager = entityManager;
    this.database = database;
  }

  /** Opens a bulk scope for the current transaction (does nothing if one is open, or on H2). */
  public void open() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      throw new IllegalStateException("A bulk scope needs a transaction");
    }
    if (!database.postgres() || queue() != null) {
      return;
    }
    Queue queue = new Queue();
    TransactionSynchronizationManager.bindResource(this, queue);
    TransactionSynchronizationManager.registerSynchronization(queue);
  }

  /** Queues a new entity in the open scope (its id assigned now), or persists it. */
  public <T> T add(T entity) {
    Queue queue = queue();
    if (queue == null) {
      entityManager.persist(entity);
      return entity;
    }
    SessionImplementor session = entityManager.unwrap(SessionImplementor.class);
    EntityPersister persister = session.getEntityPersister(null, entity);
    if (persister.getIdentifier(entity, session) == null) {
      Object id =
          ((BeforeExecutionGenerator) persister.getGenerator())
              .generate(session, entity, null, EventType.INSERT);
      persister.setIdentifier(entity, id, session);
    }
    queue.rows.computeIfAbsent(entity.getClass(), c -> new ArrayList<>()).add(entity);
    return entity;
  }

  /** Writes what is queued, then flushes JPA's pending changes (which may refer to it). */
  public void flush() {
    Queue queue = queue();
    if (queue != null) {
      queue.write();
    }
    entityManager.flush();
  }

  private Queue queue() {
    return (Queue) TransactionSynchronizationManager.getResource(this);
  }

  /** The entities waiting in one transaction's scope, by entity type in first-added order. */
  private final class Queue implements TransactionSynchronization {
    private final Map<Class<?>, List<Object>> rows = new LinkedHashMap<>();

    void write() {
      if (rows.values().stream().allMatch(List::isEmpty)) {
        return;
      }
      entityManager
          .unwrap(SessionImplementor.class)
          .doWork(
              connection -> {
                PGConnection pg = connection.unwrap(PGConnection.class);
                String planCacheMode = genericPlans(connection);
                for (Map.Entry<Class<?>, List<Object>> table : rows.entrySet()) {
                  if (!table.getValue().isEmpty()) {
                    copy(pg, EntityColumns.of(table.getKey()), table.getValue());
                    table.getValue().clear();
                  }
                }
                setPlanCacheMode(connection, planCacheMode);
              });
    }

    /**
     * Lets PostgreSQL reuse its cached plan for the foreign-key checks of the COPYs that follow
     * (one primary-key lookup per row and key, run by the database itself), until {@link
     * #setPlanCacheMode} or the end of the transaction. The app's connections plan every statement
     * for its values ({@code plan_cache_mode = force_custom_plan}, application-postgres.yaml), and
     * that setting applies to these internal checks too: measured on a 100,000-row import, each of
     * its 390,000 checks was planned again; the checks took half of PostgreSQL's time in the COPYs,
     * and planning them half of that (ADR 0007). Answers the setting in force before.
     */
    private static String genericPlans(Connection connection) throws SQLException {
      try (Statement s = connection.createStatement();
          ResultSet r =
              s.executeQuery(
                  "SELECT before, set_config('plan_cache_mode', 'force_generic_plan', true)"
                      + " FROM (SELECT current_setting('plan_cache_mode') AS before OFFSET 0) b")) {
        r.next();
        return r.getString(1);
      }
    }

    private static void setPlanCacheMode(Connection connection, String mode) throws SQLException {
      try (PreparedStatement s =
          connection.prepareStatement("SELECT set_config('plan_cache_mode', ?, true)")) {
        s.setString(1, mode);
        s.executeQuery().close();
      }
    }

    private static void copy(PGConnection pg, EntityColumns columns, List<Object> entities)
        throws SQLException {
      StringBuilder text = new StringBuilder(entities.size() * 256);
      for (Object entity : entities) {
        columns.appendCopyLine(entity, text);
      }
      byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
      CopyIn in = pg.getCopyAPI().copyIn(columns.copyStatement());
      try {
        in.writeToCopy(bytes, 0, bytes.length);
        in.endCopy();
      } finally {
        if (in.isActive()) {
          in.cancelCopy();
        }
      }
    }

    @Override
    public int getOrder() {
      return Ordered.HIGHEST_PRECEDENCE; // before anything that reads these rows at commit
    }

    @Override
    public void beforeCommit(boolean readOnly) {
      write();
    }

    @Override
    public void afterCompletion(int status) {
      TransactionSynchronizationManager.unbindResourceIfPossible(BulkInserts.this);
    }
  }
}
