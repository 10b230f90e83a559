package fr.raccroche.pathway.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface YoungPersonRepository extends JpaRepository<YoungPersonEntity, Long> {
  Optional<YoungPersonEntity> findByIne(String ine);

  List<YoungPersonEntity> findByNameKeyAndBirthDate(String nameKey, LocalDate birthDate);

  /**
   * What matching needs (id, INE, name key, birth date; and sex) of the people with one of these
   * INEs: plain values, no entity loaded (nothing for the flush to check, no contact details read).
   */
  @Query(
      "select p.id, p.ine, p.nameKey, p.birthDate, p.sex from YoungPersonEntity p"
          + " where p.ine in :ines")
  List<Object[]> matchKeysByIne(@Param("ines") java.util.Collection<String> ines);

  /** The same for the people born on one of these dates. */
  @Query(
      "select p.id, p.ine, p.nameKey, p.birthDate, p.sex from YoungPersonEntity p"
          + " where p.birthDate in :dates")
  List<Object[]> matchKeysByBirthDate(@Param("dates") java.util.Collection<LocalDate> dates);
}
