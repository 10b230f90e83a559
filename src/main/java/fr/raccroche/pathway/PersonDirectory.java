package fr.raccroche.pathway;

import fr.raccroche.pathway.internal.YoungPersonEntity;
import fr.raccroche.pathway.internal.YoungPersonRepository;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may read of a young person's record without a case: the one-line description a
 * reviewer compares (the review processes). Matching and registering people belong to the intake
 * ({@link CaseIntake}).
 */
@Service
@Transactional(readOnly = true)
public class PersonDirectory {
  private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final YoungPersonRepository persons;

  PersonDirectory(YoungPersonRepository persons) {
    this.persons = persons;
  }

  /**
   * A one-line French description for a reviewer comparing two records (names, birth date, INE,
   * commune). Plain text: whoever puts it in a form escapes it ({@code MarkdownText}).
   */
  public String summary(long personId) {
    YoungPersonEntity e = persons.findById(personId).orElseThrow();
    return e.getFirstName()
        + " "
        + e.getLastName().toUpperCase(Locale.FRENCH)
        + ", né(e) le "
        + e.getBirthDate().format(FRENCH_DATE)
        + (e.getIne() == null ? ", sans INE" : ", INE " + e.getIne())
        + (e.getCommuneName() == null && e.getPostalCode() == null
            ? ""
            : ", "
                + (e.getPostalCode() == null ? "" : e.getPostalCode() + " ")
                + (e.getCommuneName() == null ? "" : e.getCommuneName()));
  }
}
