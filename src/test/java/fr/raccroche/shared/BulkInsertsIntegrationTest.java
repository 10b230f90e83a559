package fr.raccroche.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.raccroche.pathway.Milestone;
import fr.raccroche.pathway.internal.CaseMilestoneEntity;
import fr.raccroche.pathway.internal.YoungPersonEntity;
import fr.raccroche.testsupport.RaccrocheIntegrationTest;
import fr.raccroche.testsupport.TestDatabases;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rows written through a bulk scope (PostgreSQL's COPY; JPA on H2) read back exactly as JPA writes
 * them, with ids from the same sequence blocks as JPA's, all or nothing with their transaction.
 */
@RaccrocheIntegrationTest
class BulkInsertsIntegrationTest {
  @Autowired BulkInserts bulk;
  @Autowired EntityManager entityManager;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcTemplate jdbc;

  @Test
  void bulkRowsReadBackLikeJpaRowsWithDistinctIds() {
    String tag = tag();
    Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
    List<Long> ids =
        transactions.execute(
            tx -> {
              YoungPersonEntity byJpa = person(tag, "Avant", at);
              entityManager.persist(byJpa);
              bulk.open();
              YoungPersonEntity tricky = person(tag, "Zoé\tN'Diaye\\ \"=1+1\"\r\nsuite", at);
              tricky.setIne("123456789AB");
              tricky.setPhone(null);
              bulk.add(tricky);
              YoungPersonEntity second = bulk.add(person(tag, "Ève-Marie", at));
              bulk.flush();
              YoungPersonEntity after = person(tag, "Après", at);
              entityManager.persist(after);
              return List.of(byJpa.getId(), tricky.getId(), second.getId(), after.getId());
            });
    assertThat(ids).doesNotContainNull().doesNotHaveDuplicates();

    entityManager.clear();
    YoungPersonEntity read =
        transactions.execute(tx -> entityManager.find(YoungPersonEntity.class, ids.get(1)));
    assertThat(read.getFirstName()).isEqualTo("Zoé\tN'Diaye\\ \"=1+1\"\r\nsuite");
    assertThat(read.getLastName()).isEqualTo(tag);
    assertThat(read.getIne()).isEqualTo("123456789AB");
    assertThat(read.getPhone()).isNull();
    assertThat(read.getEmail()).isEqualTo("jeune@example.org");
    assertThat(read.getBirthDate()).isEqualTo(LocalDate.of(2008, 2, 29));
    assertThat(read.isAnonymised()).isFalse();
    assertThat(read.getCreatedAt()).isEqualTo(at);
    assertThat(read.getUpdatedAt()).isEqualTo(at);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from young_person where last_name = ?", Long.class, tag))
        .isEqualTo(4);
  }

  @Test
  void queuedRowsAreWrittenAtCommitAndNotAtAllOnRollback() {
    String kept = tag();
    transactions.executeWithoutResult(
        tx -> {
          bulk.open();
          bulk.add(person(kept, "Sans flush", Instant.now()));
        });
    assertThat(count(kept)).isEqualTo(1);

    String lost = tag();
    assertThatThrownBy(
            () ->
                transactions.executeWithoutResult(
                    tx -> {
                      bulk.open();
                      bulk.add(person(lost, "Écrit puis annulé", Instant.now()));
                      bulk.flush();
                      throw new IllegalStateException("panne au milieu du lot");
                    }))
        .hasMessageContaining("panne");
    assertThat(count(lost)).isZero();
  }

  @Test
  void aRowReferringToNoCaseIsRefusedWithItsWholeTransaction() {
    String lost = tag();
    assertThatThrownBy(
            () ->
                transactions.executeWithoutResult(
                    tx -> {
                      bulk.open();
                      bulk.add(person(lost, "Avec un jalon orphelin", Instant.now()));
                      CaseMilestoneEntity orphan = new CaseMilestoneEntity();
                      orphan.setCaseNumber("2099-999-999999"); // no such case
                      orphan.setMilestone(Milestone.DETECTED);
                      orphan.setOccurredOn(LocalDate.of(2026, 11, 30));
                      orphan.setRecordedAt(Instant.now());
                      bulk.add(orphan);
                    }))
        .satisfies(
            e ->
                // class 23, integrity constraint violation (PostgreSQL 23503, H2 23506)
                assertThat(sqlState(e)).startsWith("23"));
    assertThat(count(lost)).isZero();
  }

  /**
   * The COPYs' own foreign-key checks may reuse a cached plan; the statements the transaction runs
   * after a flush are planned for their values again, as on every connection of the app.
   */
  @Test
  void aFlushLeavesTheConnectionsPlanSettingAsItFoundIt() {
    assumeTrue(TestDatabases.postgres(), "plan_cache_mode is a PostgreSQL setting");
    List<String> modes =
        transactions.execute(
            tx -> {
              String before = jdbc.queryForObject("SHOW plan_cache_mode", String.class);
              bulk.open();
              bulk.add(person(tag(), "Réglage", Instant.now()));
              bulk.flush();
              return List.of(before, jdbc.queryForObject("SHOW plan_cache_mode", String.class));
            });
    assertThat(modes).containsExactly("force_custom_plan", "force_custom_plan");
  }

  @Test
  void aScopeNeedsATransaction() {
    assertThatThrownBy(() -> bulk.open()).isInstanceOf(IllegalStateException.class);
  }

  private static String sqlState(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLException sql) {
        return sql.getSQLState();
      }
    }
    return "no SQLException in " + e;
  }

  private long count(String lastName) {
    return jdbc.queryForObject(
        "select count(*) from young_person where last_name = ?", Long.class, lastName);
  }

  private static String tag() {
    return "Bulk" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static YoungPersonEntity person(String lastName, String firstName, Instant at) {
    YoungPersonEntity p = new YoungPersonEntity();
    p.setLastName(lastName);
    p.setFirstName(firstName);
    p.setNameKey(lastName.toLowerCase() + "|" + firstName.toLowerCase());
    p.setBirthDate(LocalDate.of(2008, 2, 29));
    p.setSex("F");
    p.setEmail("jeune@example.org");
    p.setPhone("0600000000");
    p.setCreatedAt(at);
    p.setUpdatedAt(at);
    return p;
  }
}
