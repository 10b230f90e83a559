package fr.raccroche.coordination.internal;

import fr.raccroche.coordination.OfferFees;
import fr.raccroche.coordination.OfferType;
import fr.raccroche.coordination.ReceptionMode;
import fr.raccroche.pathway.Need;
import fr.raccroche.shared.PostalAddress;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An offer of the local catalogue. */
@Entity
@Table(name = "coordination_offer")
public class OfferEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id")
  private Long id;

  @Column(name = "partner_code")
  private String partnerCode;

  @Column(name = "name")
  private String name;

  @Column(name = "description")
  private String description;

  @Column(name = "types")
  private String types;

  @Column(name = "needs")
  private String needs;

  @Column(name = "min_age")
  private Integer minAge;

  @Column(name = "max_age")
  private Integer maxAge;

  @Column(name = "public_description")
  private String publicDescription;

  @Column(name = "access_conditions")
  private String accessConditions;

  @Column(name = "perimeter_codes")
  private String perimeterCodes;

  @Column(name = "commune_codes")
  private String communeCodes;

  @Column(name = "places_available")
  private Integer placesAvailable;

  @Column(name = "start_date")
  private LocalDate startDate;

  @Column(name = "end_date")
  private LocalDate endDate;

  @Column(name = "contact_name")
  private String contactName;

  @Column(name = "contact_email")
  private String contactEmail;

  @Column(name = "contact_phone")
  private String contactPhone;

  @Column(name = "how_to_mobilise")
  private String howToMobilise;

  @Column(name = "mobilisation_link")
  private String mobilisationLink;

  @Column(name = "published", nullable = false)
  private boolean published;

  @Column(name = "published_on")
  private LocalDate publishedOn;

  @Column(name = "fees")
  @Enumerated(EnumType.STRING)
  private OfferFees fees;

  @Column(name = "fees_details")
  private String feesDetails;

  @Column(name = "reception_modes", nullable = false)
  private String receptionModes = "";

  @Column(name = "opening_hours")
  private String openingHours;

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

  @Column(name = "last_updated_on")
  private LocalDate lastUpdatedOn;

  @Column(name = "last_updated_by")
  private String lastUpdatedBy;

  @Column(name = "created_at")
  private Instant createdAt;

  public Long getId() {
    return id;
  }

  public String getPartnerCode() {
    return partnerCode;
  }

  public void setPartnerCode(String partnerCode) {
    this.partnerCode = partnerCode;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public List<OfferType> getTypes() {
    return CodeList.split(types, OfferType.class);
  }

  public void setTypes(List<OfferType> types) {
    this.types = CodeList.join(types);
  }

  public List<Need> getNeeds() {
    return CodeList.split(needs, Need.class);
  }

  public void setNeeds(List<Need> needs) {
    this.needs = CodeList.join(needs);
  }

  public Integer getMinAge() {
    return minAge;
  }

  public void setMinAge(Integer minAge) {
    this.minAge = minAge;
  }

  public Integer getMaxAge() {
    return maxAge;
  }

  public void setMaxAge(Integer maxAge) {
    this.maxAge = maxAge;
  }

  public String getPublicDescription() {
    return publicDescription;
  }

  public void setPublicDescription(String publicDescription) {
    this.publicDescription = publicDescription;
  }

  public String getAccessConditions() {
    return accessConditions;
  }

  public void setAccessConditions(String accessConditions) {
    this.accessConditions = accessConditions;
  }

  public List<String> getPerimeterCodes() {
    return CodeList.split(perimeterCodes);
  }

  public void setPerimeterCodes(List<String> perimeterCodes) {
    this.perimeterCodes = CodeList.join(perimeterCodes);
  }

  public List<String> getCommuneCodes() {
    return CodeList.split(communeCodes);
  }

  public void setCommuneCodes(List<String> communeCodes) {
    this.communeCodes = CodeList.join(communeCodes);
  }

  public Integer getPlacesAvailable() {
    return placesAvailable;
  }

  public void setPlacesAvailable(Integer placesAvailable) {
    this.placesAvailable = placesAvailable;
  }

  public LocalDate getStartDate() {
    return startDate;
  }

  public void setStartDate(LocalDate startDate) {
    this.startDate = startDate;
  }

  public LocalDate getEndDate() {
    return endDate;
  }

  public void setEndDate(LocalDate endDate) {
    this.endDate = endDate;
  }

  public String getContactName() {
    return contactName;
  }

  public void setContactName(String contactName) {
    this.contactName = contactName;
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

  public String getHowToMobilise() {
    return howToMobilise;
  }

  public void setHowToMobilise(String howToMobilise) {
    this.howToMobilise = howToMobilise;
  }

  public String getMobilisationLink() {
    return mobilisationLink;
  }

  public void setMobilisationLink(String mobilisationLink) {
    this.mobilisationLink = mobilisationLink;
  }

  public LocalDate getLastUpdatedOn() {
    return lastUpdatedOn;
  }

  public void setLastUpdatedOn(LocalDate lastUpdatedOn) {
    this.lastUpdatedOn = lastUpdatedOn;
  }

  public String getLastUpdatedBy() {
    return lastUpdatedBy;
  }

  public void setLastUpdatedBy(String lastUpdatedBy) {
    this.lastUpdatedBy = lastUpdatedBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public void setCreatedAt(Instant createdAt) {
    this.createdAt = createdAt;
  }

  public boolean isPublished() {
    return published;
  }

  public void setPublished(boolean published) {
    this.published = published;
  }

  public LocalDate getPublishedOn() {
    return publishedOn;
  }

  public void setPublishedOn(LocalDate publishedOn) {
    this.publishedOn = publishedOn;
  }

  public OfferFees getFees() {
    return fees;
  }

  public void setFees(OfferFees fees) {
    this.fees = fees;
  }

  public String getFeesDetails() {
    return feesDetails;
  }

  public void setFeesDetails(String feesDetails) {
    this.feesDetails = feesDetails;
  }

  public List<ReceptionMode> getReceptionModes() {
    return CodeList.split(receptionModes, ReceptionMode.class);
  }

  public void setReceptionModes(List<ReceptionMode> receptionModes) {
    this.receptionModes = CodeList.join(receptionModes);
  }

  public String getOpeningHours() {
    return openingHours;
  }

  public void setOpeningHours(String openingHours) {
    this.openingHours = openingHours;
  }

  /** Where the offer receives young people, or null when none is recorded. */
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
}
