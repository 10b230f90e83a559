package fr.raccroche.indicators.internal;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CaseFactRepository extends JpaRepository<CaseFactEntity, Long> {
  Optional<CaseFactEntity> findByCaseNumber(String caseNumber);
}
