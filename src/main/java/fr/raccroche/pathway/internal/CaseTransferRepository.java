package fr.raccroche.pathway.internal;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CaseTransferRepository extends JpaRepository<CaseTransferEntity, Long> {
  Optional<CaseTransferEntity> findByFromCaseNumber(String caseNumber);

  Optional<CaseTransferEntity> findByToCaseNumber(String caseNumber);
}
