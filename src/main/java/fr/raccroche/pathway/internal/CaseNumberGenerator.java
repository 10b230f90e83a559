package fr.raccroche.pathway.internal;

import fr.raccroche.pathway.CaseNumbers;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives the next case number of a school year and département. The counter row is locked for the
 * rest of the caller's transaction, so two imports never get the same number.
 */
@Component
public class CaseNumberGenerator {
  private final CaseNumberCounterRepository counters;

  CaseNumberGenerator(CaseNumberCounterRepository counters) {
    this.counters = counters;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public String next(LocalDate detectedOn, String departement) {
    int year = CaseNumbers.schoolYearStart(detectedOn);
    CaseNumberCounterId id = new CaseNumberCounterId(year, departement);
    CaseNumberCounterEntity counter =
        counters
            .lockById(id)
            .orElseGet(
                () -> {
                  CaseNumberCounterEntity created = new CaseNumberCounterEntity();
                  created.setId(id);
                  created.setLastValue(0);
                  return counters.saveAndFlush(created);
                });
    counter.setLastValue(counter.getLastValue() + 1);
    return CaseNumbers.format(year, departement, counter.getLastValue());
  }
}
