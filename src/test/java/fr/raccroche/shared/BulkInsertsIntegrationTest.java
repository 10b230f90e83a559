package fr.raccroche.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.raccroche.pathway.internal.YoungPersonEntity;
import fr.raccroche.testsupport.RaccrocheIntegrationTest;
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
  void aScopeNeedsATransaction() {
    assertThatThrownBy(() -> bulk.open()).isInstanceOf(IllegalStateException.class);
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
