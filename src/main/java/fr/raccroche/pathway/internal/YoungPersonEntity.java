package fr.raccroche.pathway.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A young person: one record whatever the number of lists they appear on. */
@Entity
@Table(name = "young_person")
public class YoungPersonEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "YoungPersonIds")
  @SequenceGenerator(
      name = "YoungPersonIds",
      sequenceName = "young_person_seq",
      allocationSize = 50)
  @Column(name = "id")
  private Long id;

  @Column(name = "ine")
  private String ine;

  @Column(name = "last_name")
  private String lastName;

  @Column(name = "first_name")
  private String firstName;

  @Column(name = "name_key")
  private String nameKey;

  @Column(name = "sex")
  private String sex;

  @Column(name = "birth_date")
  private LocalDate birthDate;

  @Column(name = "address")
  private String address;

  @Column(name = "postal_code")
  private String postalCode;

  @Column(name = "commune_code")
  private String communeCode;

  @Column(name = "commune_name")
  private String communeName;

  @Column(name = "phone")
  private String phone;

  @Column(name = "email")
  private String email;

  @Column(name = "legal_guardian")
  private String legalGuardian;

  @Column(name = "guardian_phone")
  private String guardianPhone;

  @Column(name = "anonymised")
  private boolean anonymised;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "updated_at")
  private Instant updatedAt;

  public Long getId() {
    return id;
  }

  public String getIne() {
    return ine;
  }

  public void setIne(String ine) {
    this.ine = ine;
  }

  public String getLastName() {
    return lastName;
  }

  public void setLastName(String lastName) {
    this.lastName = lastName;
  }

  public String getFirstName() {
    return firstName;
  }

  public void setFirstName(String firstName) {
    this.firstName = firstName;
  }

  public String getNameKey() {
    return nameKey;
  }

  public void setNameKey(String nameKey) {
    this.nameKey = nameKey;
  }

  public String getSex() {
    return sex;
  }

  public void setSex(String sex) {
    this.sex = sex;
  }

  public LocalDate getBirthDate() {
    return birthDate;
  }

  public void setBirthDate(LocalDate birthDate) {
    this.birthDate = birthDate;
  }

  public String getAddress() {
    return address;
  }

  public void setAddress(String address) {
    this.address = address;
  }

  public String getPostalCode() {
    return postalCode;
  }

  public void setPostalCode(String postalCode) {
    this.postalCode = postalCode;
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

  public String getPhone() {
    return phone;
  }

  public void setPhone(String phone) {
    this.phone = phone;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getLegalGuardian() {
    return legalGuardian;
  }

  public void setLegalGuardian(String legalGuardian) {
    this.legalGuardian = legalGuardian;
  }

  public String getGuardianPhone() {
    return guardianPhone;
  }

  public void setGuardianPhone(String guardianPhone) {
    this.guardianPhone = guardianPhone;
  }

  public boolean isAnonymised() {
    return anonymised;
  }

  public void setAnonymised(boolean anonymised) {
    this.anonymised = anonymised;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public void setCreatedAt(Instant createdAt) {
    this.createdAt = createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public void setUpdatedAt(Instant updatedAt) {
    this.updatedAt = updatedAt;
  }
}
