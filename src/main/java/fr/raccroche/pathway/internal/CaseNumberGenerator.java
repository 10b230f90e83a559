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
    // Locked once per transaction: an import numbers hundreds of cases in one.
    @SuppressWarnings("unchecked")
    java.util.Map<CaseNumberCounterId, CaseNumberCounterEntity> locked =
        (java.util.Map<CaseNumberCounterId, CaseNumberCounterEntity>)
            org.springframework.transaction.support.TransactionSynchronizationManager.getResource(
                this);
    if (locked == null) {
      locked = new java.util.HashMap<>();
      org.springframework.transaction.support.TransactionSynchronizationManager.bindResource(
          this, locked);
      org.springframework.transaction.support.TransactionSynchronizationManager
          .registerSynchronization(
              new org.springframework.transaction.support.TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                  org.springframework.transaction.support.TransactionSynchronizationManager
                      .unbindResourceIfPossible(CaseNumberGenerator.this);
                }
              });
    }
    CaseNumberCounterEntity counter = locked.get(id);
    if (counter != null) {
      counter.setLastValue(counter.getLastValue() + 1);
      return CaseNumbers.format(year, departement, counter.getLastValue());
    }
    counter =
        counters
            .lockById(id)
            .orElseGet(
                () -> {
                  CaseNumberCounterEntity created = new CaseNumberCounterEntity();
                  created.setId(id);
                  created.setLastValue(0);
                  return counters.saveAndFlush(created);
                });
    locked.put(id, counter);
    counter.setLastValue(counter.getLastValue() + 1);
    return CaseNumbers.format(year, departement, counter.getLastValue());
  }
}
