package fr.raccroche.territory.internal;

import fr.raccroche.territory.EstablishmentType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "establishment")
public class EstablishmentEntity {
  @Id
  @Column(name = "uai")
  private String uai;

  @Column(name = "name", nullable = false)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(name = "type", nullable = false)
  private EstablishmentType type;

  @Column(name = "commune_code", nullable = false)
  private String communeCode;

  @Column(name = "commune_name")
  private String communeName;

  @Column(name = "perimeter_code", nullable = false)
  private String perimeterCode;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected EstablishmentEntity() {}

  public EstablishmentEntity(String uai, Instant createdAt) {
    this.uai = uai;
    this.createdAt = createdAt;
  }

  public String getUai() {
    return uai;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public EstablishmentType getType() {
    return type;
  }

  public void setType(EstablishmentType type) {
    this.type = type;
  }

  public String getCommuneCode() {
    return communeCode;
  }

  public void setCommuneCode(String communeCode) {
    this.communeCode = communeCode;
  }

  public String getCommuneName() {
    return communeName;
  }

  public void setCommuneName(String communeName) {
    this.communeName = communeName;
  }

  public String getPerimeterCode() {
    return perimeterCode;
  }

  public void setPerimeterCode(String perimeterCode) {
    this.perimeterCode = perimeterCode;
  }
}
