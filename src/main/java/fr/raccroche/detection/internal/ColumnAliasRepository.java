package fr.raccroche.detection.internal;

import fr.raccroche.pathway.LeaverSource;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ColumnAliasRepository
    extends JpaRepository<ColumnAliasEntity, ColumnAliasEntity.Key> {
  List<ColumnAliasEntity> findByDepartementAndSourceOrderByColumnNameAscPositionAsc(
      String departement, LeaverSource source);

  @Modifying
  @Query(
      "delete from ColumnAliasEntity a where a.departement = :departement and a.source = :source")
  int deleteByDepartementAndSource(
      @Param("departement") String departement, @Param("source") LeaverSource source);
}
