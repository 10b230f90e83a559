package fr.raccroche.indicators.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ObjectiveRepository extends JpaRepository<ObjectiveEntity, Long> {
  List<ObjectiveEntity> findByDepartementAndSchoolYearOrderByPerimeterCodeAscIndicatorAsc(
      String departement, String schoolYear);

  Optional<ObjectiveEntity> findByDepartementAndSchoolYearAndPerimeterCodeAndIndicator(
      String departement, String schoolYear, String perimeterCode, String indicator);
}
