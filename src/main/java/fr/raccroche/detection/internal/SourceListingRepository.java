package fr.raccroche.detection.internal;

import fr.raccroche.pathway.LeaverSource;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SourceListingRepository extends JpaRepository<SourceListingEntity, Long> {
  @Query(
      "select l.rowHash from SourceListingEntity l where l.source = :source and l.rowHash in :hashes")
  List<String> findKnownHashes(LeaverSource source, Collection<String> hashes);

  List<SourceListingEntity> findByPersonIdOrderByRecordedAt(long personId);

  List<SourceListingEntity> findByUai(String uai);
}
