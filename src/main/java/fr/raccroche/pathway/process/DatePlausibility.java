package fr.raccroche.pathway.process;

import fr.raccroche.pathway.internal.CaseRecords;
import fr.raccroche.pathway.internal.SupportCaseEntity;
import fr.raccroche.pathway.internal.YoungPersonEntity;
import fr.raccroche.pathway.internal.YoungPersonRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The dates a caseworker types into the pathway's forms, checked against the case record (never
 * against process variables): a date cannot lie in the future, nor before the young person's birth;
 * a first contact cannot come before the detection or the leaving of school; a solution cannot
 * start before the leaving. Called by {@link TaskInputValidation}; a refusal is a French form
 * validation error that Tasklist shows, and the task stays open.
 *
 * <p>Typing 04/12/2026 in a form that read it the American way stored 12 April 2026, before the
 * detection: these rules catch such a date even when the browser gets it wrong.
 */
@Component
public class DatePlausibility {
  private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final CaseRecords records;
  private final YoungPersonRepository people;
  private final Clock clock;

  @Autowired
  public DatePlausibility(
      CaseRecords records, YoungPersonRepository people, Optional<Clock> clock) {
    this.records = records;
    this.people = people;
    this.clock = clock.orElse(Clock.systemDefaultZone());
  }

  /** Task_ContactYoungPerson: the date of the first successful contact. */
  public void checkContactDate(String caseNumber, LocalDate date) {
    SupportCaseEntity c = records.get(caseNumber);
    String what = "La date du contact (" + date.format(FRENCH) + ")";
    notInFuture(what, date);
    notBeforeBirth(what, date, c);
    notBefore(what, date, c.getDetectedOn(), "le repérage du jeune");
    notBefore(what, date, c.getLeavingDate(), "sa sortie de formation");
  }

  /** Task_FollowUp: the start of the solution the referent records. */
  public void checkSolutionStart(String caseNumber, LocalDate date) {
    SupportCaseEntity c = records.get(caseNumber);
    String what = "La date de début de la solution (" + date.format(FRENCH) + ")";
    notInFuture(what, date);
    notBeforeBirth(what, date, c);
    notBefore(what, date, c.getLeavingDate(), "la sortie de formation du jeune");
  }

  private void notInFuture(String what, LocalDate date) {
    if (date.isAfter(LocalDate.now(clock))) {
      throw refuse(what + " est dans le futur : saisissez une date passée ou celle d'aujourd'hui.");
    }
  }

  private void notBeforeBirth(String what, LocalDate date, SupportCaseEntity c) {
    LocalDate birth =
        c.getPersonId() == null
            ? null
            : people.findById(c.getPersonId()).map(YoungPersonEntity::getBirthDate).orElse(null);
    notBefore(what, date, birth, "la naissance du jeune");
  }

  private static void notBefore(String what, LocalDate date, LocalDate limit, String event) {
    if (limit != null && date.isBefore(limit)) {
      throw refuse(
          what
              + " précède "
              + event
              + " ("
              + limit.format(FRENCH)
              + ") : vérifiez-la (jour, puis mois, puis année).");
    }
  }

  private static FormFieldValidationException refuse(String frenchMessage) {
    return new FormFieldValidationException("task-input", frenchMessage);
  }
}
