package fr.raccroche.territory.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PerimeterRepository extends JpaRepository<PerimeterEntity, String> {

  List<PerimeterEntity> findAllByOrderByCodeAsc();

  @Query("select p.code from PerimeterEntity p join p.communes c where c.code = :communeCode")
  Optional<String> findCodeByCommune(String communeCode);

  @Query(
      "select distinct p.code from PerimeterEntity p join p.postalCodes pc where pc = :postalCode")
  List<String> findCodesByPostalCode(String postalCode);

  @Query("select distinct p.departement from PerimeterEntity p")
  List<String> findDepartements();

  @Query("select p.code from PerimeterEntity p where p.departement in :departements")
  List<String> findCodesByDepartementIn(java.util.Collection<String> departements);
}
