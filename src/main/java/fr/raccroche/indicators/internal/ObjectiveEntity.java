package fr.raccroche.indicators.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** A target for one indicator, school year and perimeter ({@code *} = the département). */
@Entity
@Table(name = "indicator_objective")
public class ObjectiveEntity {
  public static final String DEPARTEMENT = "*";

  /** The {@code departement} of a regional objective (the region of the deployment). */
  public static final String REGION = "*";

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "IndicatorObjectiveIds")
  @SequenceGenerator(
      name = "IndicatorObjectiveIds",
      sequenceName = "indicator_objective_seq",
      allocationSize = 50)
  @Column(name = "id")
  private Long id;

  @Column(name = "school_year")
  private String schoolYear;

  @Column(name = "departement")
  private String departement;

  @Column(name = "perimeter_code")
  private String perimeterCode;

  @Column(name = "indicator")
  private String indicator;

  @Column(name = "kind")
  private String kind;

  @Column(name = "target")
  private BigDecimal target;

  @Column(name = "updated_by")
  private String updatedBy;

  @Column(name = "updated_at")
  private Instant updatedAt;

  public Long getId() {
    return id;
  }

  public String getSchoolYear() {
    return schoolYear;
  }

  public void setSchoolYear(String schoolYear) {
    this.schoolYear = schoolYear;
  }

  public String getDepartement() {
    return departement;
  }

  public void setDepartement(String departement) {
    this.departement = departement;
  }

  public String getPerimeterCode() {
    return perimeterCode;
  }

  public void setPerimeterCode(String perimeterCode) {
    this.perimeterCode = perimeterCode;
  }

  public String getIndicator() {
    return indicator;
  }

  public void setIndicator(String indicator) {
    this.indicator = indicator;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public BigDecimal getTarget() {
    return target;
  }

  public void setTarget(BigDecimal target) {
    this.target = target;
  }

  public String getUpdatedBy() {
    return updatedBy;
  }

  public void setUpdatedBy(String updatedBy) {
    this.updatedBy = updatedBy;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public void setUpdatedAt(Instant updatedAt) {
    this.updatedAt = updatedAt;
  }
}
