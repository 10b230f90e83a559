package fr.raccroche.indicators.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SnapshotRepository extends JpaRepository<SnapshotEntity, Long> {
  List<SnapshotEntity> findByDepartementAndSchoolYearAndQuarterOrderByIdDesc(
      String departement, String schoolYear, String quarter);

  List<SnapshotEntity> findByDepartementAndStatusOrderBySchoolYearAscQuarterAscIdAsc(
      String departement, String status);
}
