package fr.raccroche.privacy.internal;

import java.util.List;
import org.springframework.data.repository.Repository;

/** Append-only record of erasures. */
public interface ErasureRepository extends Repository<ErasureEntity, Long> {
  ErasureEntity save(ErasureEntity erasure);

  List<ErasureEntity> findByPersonIdOrderByIdAsc(long personId);
}
