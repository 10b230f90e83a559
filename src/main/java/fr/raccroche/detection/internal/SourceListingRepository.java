package fr.raccroche.detection.internal;

import fr.raccroche.pathway.LeaverSource;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface SourceListingRepository extends JpaRepository<SourceListingEntity, Long> {
  @Query(
      "select l.rowHash from SourceListingEntity l where l.source = :source and l.rowHash in :hashes")
  List<String> findKnownHashes(LeaverSource source, Collection<String> hashes);

  List<SourceListingEntity> findByPersonIdOrderByRecordedAt(long personId);

  List<SourceListingEntity> findByUai(String uai);

  /**
   * The person was erased: their listings lose the row hash (a pseudonym of the original line),
   * keeping source, file and line.
   */
  @Modifying
  @Query(
      "update SourceListingEntity l set l.rowHash = concat('efface-', cast(l.id as string))"
          + " where l.personId = :personId")
  int eraseRowHashes(long personId);

  /**
   * The cases this import listed first (no earlier listing of the same person names them), in the
   * order of the file: those it opened, or a case opened by hand before it (checked by the caller).
   * Read through the person's listings (indexed), not the whole table.
   */
  @org.springframework.data.jpa.repository.Query(
      "select l.caseNumber from SourceListingEntity l where l.importId = :importId"
          + " and l.caseNumber is not null and l.id = (select min(o.id) from SourceListingEntity o"
          + " where o.personId = l.personId and o.caseNumber = l.caseNumber)"
          + " order by l.id")
  List<String> casesFirstListedBy(long importId, org.springframework.data.domain.Pageable page);

  /** Those of these cases that this import listed. */
  @org.springframework.data.jpa.repository.Query(
      "select distinct l.caseNumber from SourceListingEntity l where l.importId = :importId"
          + " and l.caseNumber in :caseNumbers")
  List<String> casesOfImport(long importId, Collection<String> caseNumbers);
}
