package fr.raccroche.coordination.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DiagnosisRepository extends JpaRepository<DiagnosisEntity, Long> {
  Optional<DiagnosisEntity> findByPerimeterCodeAndSchoolYear(String perimeterCode, String year);

  List<DiagnosisEntity> findByPerimeterCodeOrderBySchoolYearDesc(String perimeterCode);
}
