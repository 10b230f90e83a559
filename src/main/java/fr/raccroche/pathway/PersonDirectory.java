package fr.raccroche.pathway;

import fr.raccroche.pathway.internal.YoungPersonEntity;
import fr.raccroche.pathway.internal.YoungPersonRepository;
import fr.raccroche.shared.BulkInserts;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The young people's records, for matching: look up by INE or by birth date (the folded name key
 * comes with each record), register a new person, complete a known one. Used by imports in batches:
 * every method takes or returns collections.
 */
@Service
@Transactional
public class PersonDirectory {
  private final YoungPersonRepository persons;
  private final BulkInserts bulk;
  private final Clock clock;

  PersonDirectory(YoungPersonRepository persons, BulkInserts bulk, Optional<Clock> clock) {
    this.persons = persons;
    this.bulk = bulk;
    this.clock = clock.orElse(Clock.systemDefaultZone());
  }

  /**
   * What matching needs of a person, and what registering a case needs (sex and birth date, for the
   * indicators): no contact details.
   */
  public record PersonRef(long id, String ine, String nameKey, LocalDate birthDate, String sex) {}

  @Transactional(readOnly = true)
  public List<PersonRef> findByInes(Collection<String> ines) {
    return ines.isEmpty()
        ? List.of()
        : persons.matchKeysByIne(ines).stream().map(PersonDirectory::ref).toList();
  }

  @Transactional(readOnly = true)
  public List<PersonRef> findByBirthDates(Collection<LocalDate> birthDates) {
    return birthDates.isEmpty()
        ? List.of()
        : persons.matchKeysByBirthDate(birthDates).stream().map(PersonDirectory::ref).toList();
  }

  /**
   * A new record, without matching (the caller matched already). In a bulk scope ({@link
   * BulkInserts}) it is written at the scope's next flush.
   */
  public PersonRef register(PersonDetails p) {
    Instant now = Instant.now(clock);
    YoungPersonEntity e = new YoungPersonEntity();
    e.setIne(p.ine());
    e.setLastName(p.lastName());
    e.setFirstName(p.firstName());
    e.setNameKey(Names.key(p.lastName(), p.firstName()));
    e.setSex(p.sex());
    e.setBirthDate(p.birthDate());
    e.setAddress(p.address());
    e.setPostalCode(p.postalCode());
    e.setCommuneCode(p.communeCode());
    e.setCommuneName(p.communeName());
    e.setPhone(p.phone());
    e.setEmail(p.email());
    e.setLegalGuardian(p.legalGuardian());
    e.setGuardianPhone(p.guardianPhone());
    e.setCreatedAt(now);
    e.setUpdatedAt(now);
    return ref(bulk.add(e));
  }

  /** Newer details complete a known record (an INE it lacked, contact details); never erase it. */
  public void complete(long personId, PersonDetails p) {
    YoungPersonEntity e = persons.findById(personId).orElseThrow();
    boolean changed = false;
    if (e.getIne() == null && p.ine() != null) {
      e.setIne(p.ine());
      changed = true;
    }
    if (p.phone() != null && !p.phone().equals(e.getPhone())) {
      e.setPhone(p.phone());
      changed = true;
    }
    if (p.email() != null && !p.email().equals(e.getEmail())) {
      e.setEmail(p.email());
      changed = true;
    }
    if (p.address() != null && !p.address().equals(e.getAddress())) {
      e.setAddress(p.address());
      e.setPostalCode(p.postalCode());
      e.setCommuneCode(p.communeCode());
      e.setCommuneName(p.communeName());
      changed = true;
    }
    if (changed) {
      e.setUpdatedAt(Instant.now(clock));
    }
  }

  /**
   * A one-line French description for a reviewer comparing two records (names, birth date, INE,
   * commune).
   */
  @Transactional(readOnly = true)
  public String summary(long personId) {
    YoungPersonEntity e = persons.findById(personId).orElseThrow();
    return e.getFirstName()
        + " "
        + e.getLastName().toUpperCase(java.util.Locale.FRENCH)
        + ", né(e) le "
        + e.getBirthDate().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))
        + (e.getIne() == null ? ", sans INE" : ", INE " + e.getIne())
        + (e.getCommuneName() == null && e.getPostalCode() == null
            ? ""
            : ", "
                + (e.getPostalCode() == null ? "" : e.getPostalCode() + " ")
                + (e.getCommuneName() == null ? "" : e.getCommuneName()));
  }

  /** Removes a record merged into another (it must have no case any more). */
  public void delete(long personId) {
    persons.deleteById(personId);
  }

  private static PersonRef ref(Object[] row) {
    return new PersonRef(
        ((Number) row[0]).longValue(),
        (String) row[1],
        (String) row[2],
        (LocalDate) row[3],
        (String) row[4]);
  }

  static PersonRef ref(YoungPersonEntity e) {
    return new PersonRef(e.getId(), e.getIne(), e.getNameKey(), e.getBirthDate(), e.getSex());
  }
}
