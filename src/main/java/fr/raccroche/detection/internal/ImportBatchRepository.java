package fr.raccroche.detection.internal;

import fr.raccroche.detection.ImportStatus;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ImportBatchRepository extends JpaRepository<ImportBatchEntity, Long> {
  List<ImportBatchEntity> findTop50ByOrderByIdDesc();

  List<ImportBatchEntity> findByStatus(ImportStatus status);
}
