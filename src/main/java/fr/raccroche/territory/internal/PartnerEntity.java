package fr.raccroche.territory.internal;

import fr.raccroche.shared.PostalAddress;
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
import java.time.LocalDate;
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

  @Column(name = "departement", nullable = false)
  private String departement;

  @Column(name = "contact_email")
  private String contactEmail;

  @Column(name = "contact_phone")
  private String contactPhone;

  @Column(name = "siret")
  private String siret;

  @Column(name = "address_street")
  private String addressStreet;

  @Column(name = "address_complement")
  private String addressComplement;

  @Column(name = "address_postal_code")
  private String addressPostalCode;

  @Column(name = "address_commune_code")
  private String addressCommuneCode;

  @Column(name = "address_commune_name")
  private String addressCommuneName;

  @Column(name = "website")
  private String website;

  @Column(name = "opening_hours")
  private String openingHours;

  @Column(name = "publish_staff_contacts", nullable = false)
  private boolean publishStaffContacts;

  @Column(name = "updated_on")
  private LocalDate updatedOn;

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

  public String getSiret() {
    return siret;
  }

  public void setSiret(String siret) {
    this.siret = siret;
  }

  /** The premises, or null when none is recorded. */
  public PostalAddress getAddress() {
    return PostalAddress.clean(
        new PostalAddress(
            addressStreet,
            addressComplement,
            addressPostalCode,
            addressCommuneCode,
            addressCommuneName));
  }

  public void setAddress(PostalAddress address) {
    PostalAddress a = address == null ? new PostalAddress(null, null, null, null, null) : address;
    this.addressStreet = a.street();
    this.addressComplement = a.complement();
    this.addressPostalCode = a.postalCode();
    this.addressCommuneCode = a.communeCode();
    this.addressCommuneName = a.communeName();
  }

  public String getWebsite() {
    return website;
  }

  public void setWebsite(String website) {
    this.website = website;
  }

  public String getOpeningHours() {
    return openingHours;
  }

  public void setOpeningHours(String openingHours) {
    this.openingHours = openingHours;
  }

  public boolean isPublishStaffContacts() {
    return publishStaffContacts;
  }

  public void setPublishStaffContacts(boolean publishStaffContacts) {
    this.publishStaffContacts = publishStaffContacts;
  }

  public LocalDate getUpdatedOn() {
    return updatedOn;
  }

  public void setUpdatedOn(LocalDate updatedOn) {
    this.updatedOn = updatedOn;
  }

  public String getDepartement() {
    return departement;
  }

  public void setDepartement(String departement) {
    this.departement = departement;
  }
}
