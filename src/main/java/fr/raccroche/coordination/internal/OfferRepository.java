package fr.raccroche.coordination.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OfferRepository extends JpaRepository<OfferEntity, Long> {
  List<OfferEntity> findAllByOrderByNameAsc();

  List<OfferEntity> findByPublishedTrueOrderByNameAsc();
}
