package fr.raccroche.pathway.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface YoungPersonRepository extends JpaRepository<YoungPersonEntity, Long> {
  Optional<YoungPersonEntity> findByIne(String ine);

  List<YoungPersonEntity> findByNameKeyAndBirthDate(String nameKey, LocalDate birthDate);

  List<YoungPersonEntity> findByIneIn(java.util.Collection<String> ines);

  List<YoungPersonEntity> findByBirthDateIn(java.util.Collection<LocalDate> birthDates);
}
