package fr.raccroche.pathway.internal;

import java.util.Collection;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface CaseSignalementRepository extends JpaRepository<CaseSignalementEntity, Long> {
  @Modifying
  @Query("delete from CaseSignalementEntity s where s.caseNumber in :numbers")
  int deleteByCaseNumbers(@Param("numbers") Collection<String> numbers);
}
