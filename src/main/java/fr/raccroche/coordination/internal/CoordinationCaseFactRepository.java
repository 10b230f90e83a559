package fr.raccroche.coordination.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CoordinationCaseFactRepository
    extends JpaRepository<CoordinationCaseFactEntity, String> {
  List<CoordinationCaseFactEntity> findByPerimeterCodeAndSchoolYear(
      String perimeterCode, String schoolYear);

  List<CoordinationCaseFactEntity> findByExperimentProjectId(Long projectId);
}
