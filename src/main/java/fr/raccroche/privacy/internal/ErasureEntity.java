package fr.raccroche.privacy.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * Proof that a person's data was erased: when, why (retention or withdrawal), by whom, which cases.
 * No personal data of the young person.
 */
@Entity
@Immutable
@Table(name = "personal_data_erasure")
public class ErasureEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "personal_data_erasure_seq")
  @SequenceGenerator(
      name = "personal_data_erasure_seq",
      sequenceName = "personal_data_erasure_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "erased_at", nullable = false)
  private Instant erasedAt;

  @Column(name = "person_id", nullable = false)
  private long personId;

  @Column(name = "case_numbers", nullable = false)
  private String caseNumbers;

  @Column(name = "cause", nullable = false)
  private String cause;

  @Column(name = "requested_by", nullable = false)
  private String requestedBy;

  protected ErasureEntity() {}

  public ErasureEntity(
      Instant erasedAt, long personId, String caseNumbers, String cause, String requestedBy) {
    this.erasedAt = erasedAt;
    this.personId = personId;
    this.caseNumbers = caseNumbers;
    this.cause = cause;
    this.requestedBy = requestedBy;
  }

  public Long getId() {
    return id;
  }

  public Instant getErasedAt() {
    return erasedAt;
  }

  public long getPersonId() {
    return personId;
  }

  public String getCaseNumbers() {
    return caseNumbers;
  }

  public String getCause() {
    return cause;
  }

  public String getRequestedBy() {
    return requestedBy;
  }
}
