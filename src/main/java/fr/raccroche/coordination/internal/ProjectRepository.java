package fr.raccroche.coordination.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ProjectRepository extends JpaRepository<ProjectEntity, Long> {
  List<ProjectEntity> findByCallIdOrderById(Long callId);
}
