package fr.raccroche.detection.internal;

import fr.raccroche.detection.ImportStatus;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ImportBatchRepository extends JpaRepository<ImportBatchEntity, Long> {
  List<ImportBatchEntity> findTop50ByOrderByIdDesc();

  List<ImportBatchEntity> findTop50ByDepartementInOrderByIdDesc(
      java.util.Collection<String> departements);

  /**
   * Imports of some départements ({@code every}: of all), by status and source (null: any), started
   * in [from, to), in the pageable's order.
   */
  @Query(
      """
      select b from ImportBatchEntity b
      where (:every = true or b.departement in :departements)
        and (:status is null or b.status = :status)
        and (:source is null or b.source = :source)
        and b.startedAt >= :from and b.startedAt < :to
      """)
  org.springframework.data.domain.Page<ImportBatchEntity> search(
      @Param("every") boolean every,
      @Param("departements") java.util.Collection<String> departements,
      @Param("status") fr.raccroche.detection.ImportStatus status,
      @Param("source") fr.raccroche.pathway.LeaverSource source,
      @Param("from") java.time.Instant from,
      @Param("to") java.time.Instant to,
      org.springframework.data.domain.Pageable pageable);

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

  /** Whether this part of a chunk was committed already (see {@code import_chunk}). */
  @Query(
      value =
          "select count(*) from import_chunk where import_id = :id and first_line = :line and part = :part",
      nativeQuery = true)
  long chunkDone(@Param("id") long id, @Param("line") long firstLine, @Param("part") String part);

  /** Records, in the chunk's transaction, that this part of the chunk is committed. */
  @Modifying
  @Query(
      value = "insert into import_chunk (import_id, first_line, part) values (:id, :line, :part)",
      nativeQuery = true)
  int chunkWritten(@Param("id") long id, @Param("line") long firstLine, @Param("part") String part);

  /** Adds a database outage that the import waited through. */
  @Modifying
  @Query(
      "update ImportBatchEntity b set b.interruptions = b.interruptions + 1,"
          + " b.interruptedSeconds = b.interruptedSeconds + :seconds where b.id = :id")
  int addInterruption(@Param("id") long id, @Param("seconds") long seconds);

  /** Records that a case of this import could not start in its pathway phase. */
  @Modifying
  @Query(
      value = "insert into import_start_failure (import_id, case_number) values (:id, :caseNumber)",
      nativeQuery = true)
  int startFailed(@Param("id") long id, @Param("caseNumber") String caseNumber);

  /** The cases of this import that could not start in its pathway phase. */
  @Query(
      value =
          "select case_number from import_start_failure where import_id = :id order by case_number",
      nativeQuery = true)
  List<String> startFailures(@Param("id") long id);
}
