package fr.raccroche.pathway.internal;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface CaseNumberCounterRepository
    extends JpaRepository<CaseNumberCounterEntity, CaseNumberCounterId> {
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select c from CaseNumberCounterEntity c where c.id = :id")
  Optional<CaseNumberCounterEntity> lockById(CaseNumberCounterId id);
}
