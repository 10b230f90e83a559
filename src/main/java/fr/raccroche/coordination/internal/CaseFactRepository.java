package fr.raccroche.coordination.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CaseFactRepository extends JpaRepository<CaseFactEntity, String> {
  List<CaseFactEntity> findByPerimeterCodeAndSchoolYear(String perimeterCode, String schoolYear);

  List<CaseFactEntity> findByExperimentProjectId(Long projectId);
}
