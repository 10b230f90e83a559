package fr.raccroche.detection.internal;

import java.util.List;
import java.util.stream.Stream;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface ImportRejectionRepository extends JpaRepository<ImportRejectionEntity, Long> {
  List<ImportRejectionEntity> findByImportIdOrderByLineNumber(long importId, Pageable pageable);

  Stream<ImportRejectionEntity> streamByImportIdOrderByLineNumber(long importId);

  /** Erases the original text of the lines rejected by imports started before the instant. */
  @Modifying
  @Query(
      "update ImportRejectionEntity r set r.rawLine = null where r.rawLine is not null and"
          + " r.importId in (select b.id from ImportBatchEntity b where b.startedAt < :before)")
  int eraseRawLinesBefore(java.time.Instant before);
}
