package fr.raccroche.indicators.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PreRemove;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;

/**
 * A quarterly snapshot: the raw figures of the département and of each perimeter, frozen when
 * computed. A draft may be published (once) or discarded; a published snapshot never changes: its
 * setters refuse, and so does Hibernate's update or delete of a row loaded as published.
 */
@Entity
@Table(name = "indicator_snapshot")
public class SnapshotEntity {
  public static final String DRAFT = "DRAFT";
  public static final String PUBLISHED = "PUBLISHED";
  public static final String DISCARDED = "DISCARDED";

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "IndicatorSnapshotIds")
  @SequenceGenerator(
      name = "IndicatorSnapshotIds",
      sequenceName = "indicator_snapshot_seq",
      allocationSize = 50)
  @Column(name = "id")
  private Long id;

  @Column(name = "departement")
  private String departement;

  @Column(name = "school_year")
  private String schoolYear;

  @Column(name = "quarter")
  private String quarter;

  @Column(name = "status")
  private String status;

  @Column(name = "report_json")
  private String reportJson;

  @Column(name = "computed_at")
  private Instant computedAt;

  @Column(name = "review_comment")
  private String reviewComment;

  @Column(name = "reviewed_by")
  private String reviewedBy;

  @Column(name = "published_at")
  private Instant publishedAt;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  @Transient private boolean loadedPublished;

  protected SnapshotEntity() {}

  public SnapshotEntity(
      String departement,
      String schoolYear,
      String quarter,
      String reportJson,
      Instant computedAt,
      String processInstanceId) {
    this.departement = departement;
    this.schoolYear = schoolYear;
    this.quarter = quarter;
    this.status = DRAFT;
    this.reportJson = reportJson;
    this.computedAt = computedAt;
    this.processInstanceId = processInstanceId;
  }

  public String getDepartement() {
    return departement;
  }

  @PostLoad
  void loaded() {
    loadedPublished = PUBLISHED.equals(status);
  }

  @PreUpdate
  @PreRemove
  void refuseChangesOfPublished() {
    if (loadedPublished) {
      throw new PublishedSnapshotException(id);
    }
  }

  /** Publishes a draft with the reviewer's comment; a published snapshot refuses. */
  public void publish(String comment, String reviewer, Instant at) {
    requireDraft();
    this.reviewComment = comment;
    this.reviewedBy = reviewer;
    this.publishedAt = at;
    this.status = PUBLISHED;
  }

  /** Sets a draft aside (the supervisors asked for a recomputation). */
  public void discard(String comment, String reviewer) {
    requireDraft();
    this.reviewComment = comment;
    this.reviewedBy = reviewer;
    this.status = DISCARDED;
  }

  private void requireDraft() {
    if (!DRAFT.equals(status)) {
      throw new PublishedSnapshotException(id);
    }
  }

  public Long getId() {
    return id;
  }

  public String getSchoolYear() {
    return schoolYear;
  }

  public String getQuarter() {
    return quarter;
  }

  public String getStatus() {
    return status;
  }

  public String getReportJson() {
    return reportJson;
  }

  public Instant getComputedAt() {
    return computedAt;
  }

  public String getReviewComment() {
    return reviewComment;
  }

  public String getReviewedBy() {
    return reviewedBy;
  }

  public Instant getPublishedAt() {
    return publishedAt;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }
}
