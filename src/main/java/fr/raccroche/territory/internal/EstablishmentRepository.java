package fr.raccroche.territory.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface EstablishmentRepository extends JpaRepository<EstablishmentEntity, String> {
  List<EstablishmentEntity> findAllByOrderByUaiAsc();

  List<EstablishmentEntity> findByPerimeterCodeOrderByUaiAsc(String perimeterCode);
}
