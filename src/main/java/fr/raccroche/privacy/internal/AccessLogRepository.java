package fr.raccroche.privacy.internal;

import java.time.Instant;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Append-only: saving and reading, nothing that updates or deletes. */
public interface AccessLogRepository extends Repository<AccessLogEntity, Long> {
  AccessLogEntity save(AccessLogEntity entry);

  <S extends AccessLogEntity> Iterable<S> saveAll(Iterable<S> entries);

  @Query(
      """
      select e from AccessLogEntity e
      where (:caseNumber is null or e.caseNumber = :caseNumber)
        and (:departement is null or e.departement = :departement)
        and (:userId is null or e.userId = :userId)
        and (e.readAt >= :from)
        and (e.readAt < :to)
        and (:surface is null or e.surface = :surface)
      """)
  Page<AccessLogEntity> search(
      String caseNumber,
      String departement,
      String userId,
      Instant from,
      Instant to,
      String surface,
      Pageable pageable);
}
