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

/** One line of the access log: written once, never updated (the repository cannot delete). */
@Entity
@Immutable
@Table(name = "access_log")
public class AccessLogEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "access_log_seq")
  @SequenceGenerator(name = "access_log_seq", sequenceName = "access_log_seq", allocationSize = 50)
  private Long id;

  @Column(name = "read_at", nullable = false)
  private Instant readAt;

  @Column(name = "user_id", nullable = false)
  private String userId;

  @Column(name = "case_number")
  private String caseNumber;

  @Column(name = "surface", nullable = false)
  private String surface;

  @Column(name = "remote_address")
  private String remoteAddress;

  /** The département of the case (or import) read; null: administrators only. */
  @Column(name = "departement")
  private String departement;

  protected AccessLogEntity() {}

  public AccessLogEntity(
      Instant readAt,
      String userId,
      String caseNumber,
      String surface,
      String remoteAddress,
      String departement) {
    this.departement = departement;
    this.readAt = readAt;
    this.userId = userId;
    this.caseNumber = caseNumber;
    this.surface = surface;
    this.remoteAddress = remoteAddress;
  }

  public String getDepartement() {
    return departement;
  }

  public Long getId() {
    return id;
  }

  public Instant getReadAt() {
    return readAt;
  }

  public String getUserId() {
    return userId;
  }

  public String getCaseNumber() {
    return caseNumber;
  }

  public String getSurface() {
    return surface;
  }

  public String getRemoteAddress() {
    return remoteAddress;
  }
}
