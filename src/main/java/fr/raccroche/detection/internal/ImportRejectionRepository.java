package fr.raccroche.detection.internal;

import java.util.List;
import java.util.stream.Stream;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ImportRejectionRepository extends JpaRepository<ImportRejectionEntity, Long> {
  List<ImportRejectionEntity> findByImportIdOrderByLineNumber(long importId, Pageable pageable);

  Stream<ImportRejectionEntity> streamByImportIdOrderByLineNumber(long importId);
}
