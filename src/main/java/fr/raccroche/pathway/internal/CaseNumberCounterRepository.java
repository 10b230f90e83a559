package fr.raccroche.pathway.internal;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface CaseNumberCounterRepository
    extends JpaRepository<CaseNumberCounterEntity, CaseNumberCounterId> {
  /**
   * Moves the counter on by {@code count}, atomically (the row stays locked until the caller's
   * transaction ends); answers 0 when the counter does not exist yet.
   */
  @Modifying(clearAutomatically = true)
  @Query("update CaseNumberCounterEntity c set c.lastValue = c.lastValue + :count where c.id = :id")
  int advance(@Param("id") CaseNumberCounterId id, @Param("count") long count);

  /**
   * Creates a counter at {@code lastValue}; refused (a key violation) when another transaction
   * created it meanwhile: never overwrites it.
   */
  @Modifying
  @Query(
      value =
          "insert into case_number_counter (school_year_start, departement, last_value)"
              + " values (:year, :departement, :lastValue)",
      nativeQuery = true)
  int create(
      @Param("year") int schoolYearStart,
      @Param("departement") String departement,
      @Param("lastValue") long lastValue);
}
