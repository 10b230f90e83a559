package fr.raccroche.pathway.internal;

import fr.raccroche.pathway.CaseStatus;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface SupportCaseRepository extends JpaRepository<SupportCaseEntity, String> {

  /**
   * Numbers of the cases registered by an import whose pathway is not started yet, oldest first (on
   * PostgreSQL read in that order from the partial index {@code ix_support_case_pending_start}: no
   * sort of the 250,000 cases a national file leaves pending).
   */
  @Query(
      "select c.caseNumber from SupportCaseEntity c where c.processInstanceId is null"
          + " and c.startFailedAt is null"
          + " and c.status <> fr.raccroche.pathway.CaseStatus.CLOSED order by c.createdAt, c.caseNumber")
  List<String> findPendingStarts(Pageable pageable);

  /**
   * The cases of some départements ({@code every}: of all) whose pathway could not start and still
   * waits, most recent failure first.
   */
  @Query(
      "select c from SupportCaseEntity c where c.processInstanceId is null"
          + " and c.startFailedAt is not null"
          + " and c.status <> fr.raccroche.pathway.CaseStatus.CLOSED"
          + " and (:every = true or c.departement in :departements)"
          + " order by c.startFailedAt desc, c.caseNumber")
  Page<SupportCaseEntity> findStartFailures(
      @Param("every") boolean every,
      @Param("departements") Collection<String> departements,
      Pageable pageable);

  /** Those of these cases whose pathway could not start and still waits. */
  @Query(
      "select c from SupportCaseEntity c where c.caseNumber in :numbers"
          + " and c.processInstanceId is null and c.startFailedAt is not null"
          + " and c.status <> fr.raccroche.pathway.CaseStatus.CLOSED order by c.caseNumber")
  List<SupportCaseEntity> findStartFailuresIn(@Param("numbers") Collection<String> numbers);

  /** One case locked for this transaction (null when unknown). */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select c from SupportCaseEntity c where c.caseNumber = :number")
  SupportCaseEntity lockCase(@Param("number") String number);

  /**
   * Those of these cases still waiting for their pathway, locked for this transaction: two threads
   * or nodes starting the same case wait for each other, and the second finds it started.
   */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query(
      "select c from SupportCaseEntity c where c.caseNumber in :numbers and c.processInstanceId is null"
          + " and c.status <> fr.raccroche.pathway.CaseStatus.CLOSED order by c.caseNumber")
  List<SupportCaseEntity> lockPendingStarts(@Param("numbers") Collection<String> numbers);

  /**
   * Open cases whose pathway runs, of all perimeters or of some, detected on or before a day,
   * oldest detection first ("À faire" page).
   */
  @Query(
      "select c from SupportCaseEntity c where (:all = true or c.perimeterCode in :perimeters)"
          + " and c.status <> fr.raccroche.pathway.CaseStatus.CLOSED"
          + " and c.processInstanceId is not null and c.detectedOn <= :detectedBy"
          + " order by c.detectedOn, c.caseNumber")
  Page<SupportCaseEntity> findOpenStarted(
      @Param("all") boolean all,
      @Param("perimeters") Collection<String> perimeters,
      @Param("detectedBy") LocalDate detectedBy,
      Pageable pageable);

  /** Open cases by their pathway instances. */
  @Query(
      "select c from SupportCaseEntity c where c.processInstanceId in :instances"
          + " and c.status <> fr.raccroche.pathway.CaseStatus.CLOSED")
  List<SupportCaseEntity> findOpenByProcessInstanceIds(
      @Param("instances") Collection<String> instances);

  /** The open case of each person (at most one is open at a time). */
  @Query(
      "select c from SupportCaseEntity c where c.personId in :personIds"
          + " and c.status <> fr.raccroche.pathway.CaseStatus.CLOSED")
  List<SupportCaseEntity> findOpenByPersonIds(Collection<Long> personIds);

  /**
   * Cases in scope, filtered; {@code text} (already lower-case, may be null) matches the case
   * number, the INE or the names — as typed: {@code %}, {@code _} and {@code \} are searched for
   * themselves, not as LIKE wildcards ({@code q=%} matches no case but those with a "%").
   */
  default Page<SupportCaseEntity> search(
      boolean all,
      boolean everyDepartement,
      Collection<String> departements,
      Collection<String> perimeters,
      Collection<String> partners,
      String perimeter,
      CaseStatus status,
      String text,
      Pageable pageable) {
    return searchLike(
        all,
        everyDepartement,
        departements,
        perimeters,
        partners,
        perimeter,
        status,
        text,
        text == null ? null : escapeLike(text),
        pageable);
  }

  /** The text with LIKE's wildcards and escape character escaped (escape character {@code \}). */
  static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  @Query(
      value =
          """
          select c from SupportCaseEntity c, YoungPersonEntity p
          where p.id = c.personId
            and ((:all = true and (:everyDepartement = true or c.departement in :departements))
                 or c.perimeterCode in :perimeters or c.referentPartnerCode in :partners)
            and (:perimeter is null or c.perimeterCode = :perimeter)
            and (:status is null or c.status = :status)
            and (:text is null
                 or lower(c.caseNumber) like concat('%', :pattern, '%') escape '\\'
                 or lower(p.ine) = :text
                 or lower(p.lastName) like concat('%', :pattern, '%') escape '\\'
                 or lower(p.firstName) like concat('%', :pattern, '%') escape '\\')
          order by c.createdAt desc, c.caseNumber desc
          """)
  Page<SupportCaseEntity> searchLike(
      boolean all,
      boolean everyDepartement,
      Collection<String> departements,
      Collection<String> perimeters,
      Collection<String> partners,
      String perimeter,
      CaseStatus status,
      String text,
      String pattern,
      Pageable pageable);

  List<SupportCaseEntity> findByPersonId(Long personId);

  /**
   * People not anonymised whose cases are all closed, the last closure before the cutoff, oldest
   * closure first.
   */
  @Query(
      """
      select c.personId from SupportCaseEntity c
      where c.personId in (select p.id from YoungPersonEntity p where p.anonymised = false)
      group by c.personId
      having sum(case when c.status = fr.raccroche.pathway.CaseStatus.CLOSED then 0 else 1 end) = 0
         and max(c.closedAt) < :cutoff
      order by max(c.closedAt), c.personId
      """)
  List<Long> findPersonsClosedBefore(@Param("cutoff") java.time.Instant cutoff, Pageable pageable);

  /**
   * The establishments the cases name (UAI, the name a list gave, how many cases), most named
   * first: with the directory, what tells which were never registered.
   */
  @Query(
      "select c.uai, max(c.establishmentLabel), count(c) from SupportCaseEntity c"
          + " where c.uai is not null group by c.uai order by count(c) desc, c.uai")
  List<Object[]> establishmentsNamed();

  /** {@link #establishmentsNamed()} by the cases of some départements. */
  @Query(
      "select c.uai, max(c.establishmentLabel), count(c) from SupportCaseEntity c"
          + " where c.uai is not null and c.departement in :departements"
          + " group by c.uai order by count(c) desc, c.uai")
  List<Object[]> establishmentsNamedIn(@Param("departements") Collection<String> departements);

  /** {@link #establishmentsNamed()} for one UAI. */
  @Query(
      "select c.uai, max(c.establishmentLabel), count(c) from SupportCaseEntity c"
          + " where c.uai = :uai group by c.uai")
  List<Object[]> establishmentNamed(@Param("uai") String uai);
}
