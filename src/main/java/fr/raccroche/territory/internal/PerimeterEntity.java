package fr.raccroche.territory.internal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

@Entity
@Table(name = "perimeter")
public class PerimeterEntity {
  @Id
  @Column(name = "code")
  private String code;

  @Column(name = "name", nullable = false)
  private String name;

  @Column(name = "departement", nullable = false)
  private String departement;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @ElementCollection
  @CollectionTable(name = "perimeter_commune", joinColumns = @JoinColumn(name = "perimeter_code"))
  private List<CommuneValue> communes = new ArrayList<>();

  @ElementCollection
  @CollectionTable(
      name = "perimeter_postal_code",
      joinColumns = @JoinColumn(name = "perimeter_code"))
  @Column(name = "postal_code")
  private Set<String> postalCodes = new LinkedHashSet<>();

  @ElementCollection
  @CollectionTable(
      name = "coordinator_designation",
      joinColumns = @JoinColumn(name = "perimeter_code"))
  private List<DesignationValue> coordinators = new ArrayList<>();

  protected PerimeterEntity() {}

  public PerimeterEntity(String code, Instant createdAt) {
    this.code = code;
    this.createdAt = createdAt;
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getDepartement() {
    return departement;
  }

  public void setDepartement(String departement) {
    this.departement = departement;
  }

  public List<CommuneValue> getCommunes() {
    return communes;
  }

  public Set<String> getPostalCodes() {
    return postalCodes;
  }

  public List<DesignationValue> getCoordinators() {
    return coordinators;
  }

  @Embeddable
  public record CommuneValue(
      @Column(name = "commune_code") String code, @Column(name = "commune_name") String name) {}

  @Embeddable
  public record DesignationValue(
      @Column(name = "user_id") String userId,
      @Column(name = "designation_date") LocalDate designationDate,
      @Column(name = "designation_reference") String reference) {}
}
