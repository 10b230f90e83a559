package fr.raccroche.pathway.internal;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Last case number given per school year and département. */
@Entity
@Table(name = "case_number_counter")
public class CaseNumberCounterEntity {
  @EmbeddedId private CaseNumberCounterId id;

  @Column(name = "last_value")
  private long lastValue;

  public CaseNumberCounterId getId() {
    return id;
  }

  public void setId(CaseNumberCounterId id) {
    this.id = id;
  }

  public long getLastValue() {
    return lastValue;
  }

  public void setLastValue(long lastValue) {
    this.lastValue = lastValue;
  }
}
