package fr.raccroche.detection.internal;

import fr.raccroche.detection.ImportStatus;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ImportBatchRepository extends JpaRepository<ImportBatchEntity, Long> {
  List<ImportBatchEntity> findTop50ByOrderByIdDesc();

  List<ImportBatchEntity> findByStatus(ImportStatus status);

  /**
   * Adds one chunk's counts to its import, in the chunk's transaction. An increment, not a read
   * then a write: the chunks of one import commit from several threads at once.
   */
  @Modifying
  @Query(
      "update ImportBatchEntity b set b.rowsRead = b.rowsRead + :read,"
          + " b.rowsCreated = b.rowsCreated + :created, b.rowsMerged = b.rowsMerged + :merged,"
          + " b.rowsUpdated = b.rowsUpdated + :updated,"
          + " b.rowsUnchanged = b.rowsUnchanged + :unchanged,"
          + " b.rowsRejected = b.rowsRejected + :rejected,"
          + " b.rowsExcluded = b.rowsExcluded + :excluded,"
          + " b.pathwaysToStart = b.pathwaysToStart + :pathways,"
          + " b.bytesDone = greatest(b.bytesDone, :bytes) where b.id = :id")
  int addChunk(
      @Param("id") long id,
      @Param("read") long read,
      @Param("created") long created,
      @Param("merged") long merged,
      @Param("updated") long updated,
      @Param("unchanged") long unchanged,
      @Param("rejected") long rejected,
      @Param("excluded") long excluded,
      @Param("pathways") long pathways,
      @Param("bytes") long bytes);
}
