package fr.raccroche.detection.internal;

import fr.raccroche.pathway.LeaverSource;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A review an import's chunk asked for, waiting to be opened after the rows phase ({@link
 * ReviewStarts}): written with the chunk (with {@code COPY}), no engine work in the chunk.
 */
@Entity
@Table(name = "import_pending_review")
public class PendingReviewEntity {
  /** What a human must decide. */
  public enum Kind {
    DUPLICATE,
    PERIMETER
  }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "PendingReviewIds")
  @SequenceGenerator(
      name = "PendingReviewIds",
      sequenceName = "import_pending_review_seq",
      allocationSize = 50)
  @Column(name = "id")
  private Long id;

  @Column(name = "import_id")
  private long importId;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind")
  private Kind kind;

  @Column(name = "person_id")
  private long personId;

  @Column(name = "candidate_person_id")
  private Long candidatePersonId;

  @Column(name = "perimeter_code")
  private String perimeterCode;

  @Enumerated(EnumType.STRING)
  @Column(name = "source")
  private LeaverSource source;

  @Column(name = "followed_by")
  private String followedBy;

  @Column(name = "leaving_date")
  private LocalDate leavingDate;

  @Column(name = "leaving_reason")
  private String leavingReason;

  @Column(name = "training")
  private String training;

  @Column(name = "level")
  private String level;

  @Column(name = "uai")
  private String uai;

  @Column(name = "establishment_name")
  private String establishmentName;

  @Column(name = "start_failure")
  private String startFailure;

  @Column(name = "created_at")
  private Instant createdAt;

  protected PendingReviewEntity() {}

  PendingReviewEntity(
      long importId,
      Kind kind,
      long personId,
      Long candidatePersonId,
      String perimeterCode,
      PendingCase p,
      Instant createdAt) {
    this.importId = importId;
    this.kind = kind;
    this.personId = personId;
    this.candidatePersonId = candidatePersonId;
    this.perimeterCode = perimeterCode;
    this.source = p.source();
    this.followedBy = p.followedByPartnerCode();
    this.leavingDate = p.leavingDate();
    this.leavingReason = cut(p.leavingReason(), 200);
    this.training = cut(p.training(), 200);
    this.level = cut(p.level(), 100);
    this.uai = p.uai();
    this.establishmentName = cut(p.establishmentName(), 200);
    this.createdAt = createdAt;
  }

  private static String cut(String v, int max) {
    return v == null || v.length() <= max ? v : v.substring(0, max);
  }

  PendingCase pendingCase() {
    return new PendingCase(
        source, followedBy, leavingDate, leavingReason, training, level, uai, establishmentName);
  }

  public Long getId() {
    return id;
  }

  public Kind getKind() {
    return kind;
  }

  public long getPersonId() {
    return personId;
  }

  public Long getCandidatePersonId() {
    return candidatePersonId;
  }

  public String getPerimeterCode() {
    return perimeterCode;
  }

  public long getImportId() {
    return importId;
  }

  public String getStartFailure() {
    return startFailure;
  }

  void setStartFailure(String startFailure) {
    this.startFailure = startFailure;
  }

  @Override
  public String toString() {
    return "PendingReview[id=" + id + ", kind=" + kind + "]";
  }
}
