package fr.raccroche.territory.internal;

import fr.raccroche.territory.PartnerType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

@Entity
@Table(name = "partner")
public class PartnerEntity {
  @Id
  @Column(name = "code")
  private String code;

  @Column(name = "name", nullable = false)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(name = "type", nullable = false)
  private PartnerType type;

  @Column(name = "departement_wide", nullable = false)
  private boolean departementWide;

  @Column(name = "contact_email")
  private String contactEmail;

  @Column(name = "contact_phone")
  private String contactPhone;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @ElementCollection
  @CollectionTable(name = "partner_perimeter", joinColumns = @JoinColumn(name = "partner_code"))
  @Column(name = "perimeter_code")
  private Set<String> perimeterCodes = new LinkedHashSet<>();

  protected PartnerEntity() {}

  public PartnerEntity(String code, Instant createdAt) {
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

  public PartnerType getType() {
    return type;
  }

  public void setType(PartnerType type) {
    this.type = type;
  }

  public boolean isDepartementWide() {
    return departementWide;
  }

  public void setDepartementWide(boolean departementWide) {
    this.departementWide = departementWide;
  }

  public String getContactEmail() {
    return contactEmail;
  }

  public void setContactEmail(String contactEmail) {
    this.contactEmail = contactEmail;
  }

  public String getContactPhone() {
    return contactPhone;
  }

  public void setContactPhone(String contactPhone) {
    this.contactPhone = contactPhone;
  }

  public Set<String> getPerimeterCodes() {
    return perimeterCodes;
  }
}
