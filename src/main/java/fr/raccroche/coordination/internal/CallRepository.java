package fr.raccroche.coordination.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CallRepository extends JpaRepository<CallEntity, Long> {
  List<CallEntity> findAllByOrderByOpensOnDesc();
}
