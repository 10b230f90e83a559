package fr.raccroche.detection.internal;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface PendingReviewRepository extends JpaRepository<PendingReviewEntity, Long> {
  /** The reviews still to open (those that could not open wait for a retry), oldest first. */
  @Query("select r.id from PendingReviewEntity r where r.startFailure is null order by r.id")
  List<Long> findPending(Pageable page);

  /** Those of these reviews still to open, locked: two threads or nodes never open one twice. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select r from PendingReviewEntity r where r.id in :ids order by r.id")
  List<PendingReviewEntity> lock(@Param("ids") Collection<Long> ids);

  /** Reviews that could not open, for the import's report. */
  long countByImportIdAndStartFailureIsNotNull(long importId);

  @Modifying
  @Query(
      "delete from PendingReviewEntity r where r.personId = :personId"
          + " or r.candidatePersonId = :personId")
  int deleteByPerson(@Param("personId") long personId);
}
