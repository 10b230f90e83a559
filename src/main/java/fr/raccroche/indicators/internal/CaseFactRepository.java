package fr.raccroche.indicators.internal;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface CaseFactRepository extends JpaRepository<CaseFactEntity, Long> {
  Optional<CaseFactEntity> findByCaseNumber(String caseNumber);

  @Query("select f.personId from CaseFactEntity f where f.caseNumber = :caseNumber")
  Optional<Long> findPersonIdByCaseNumber(String caseNumber);

  /** Every case of a young person, locked (in id order) until the transaction ends. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select f from CaseFactEntity f where f.personId = :personId order by f.id")
  List<CaseFactEntity> lockByPersonId(long personId);
}
