package fr.raccroche.pathway.internal;

import fr.raccroche.pathway.Milestone;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CaseMilestoneRepository extends JpaRepository<CaseMilestoneEntity, Long> {
  List<CaseMilestoneEntity> findByCaseNumberOrderByOccurredOnAscIdAsc(String caseNumber);

  boolean existsByCaseNumberAndMilestone(String caseNumber, Milestone milestone);
}
