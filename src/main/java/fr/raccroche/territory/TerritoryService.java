package fr.raccroche.territory;

import fr.raccroche.shared.InvalidInputException;
import fr.raccroche.shared.NotFoundException;
import fr.raccroche.shared.OpeningHours;
import fr.raccroche.shared.PhoneNumbers;
import fr.raccroche.shared.PostalAddress;
import fr.raccroche.territory.internal.EstablishmentEntity;
import fr.raccroche.territory.internal.EstablishmentRepository;
import fr.raccroche.territory.internal.PartnerEntity;
import fr.raccroche.territory.internal.PartnerRepository;
import fr.raccroche.territory.internal.PerimeterEntity;
import fr.raccroche.territory.internal.PerimeterEntity.CommuneValue;
import fr.raccroche.territory.internal.PerimeterEntity.DesignationValue;
import fr.raccroche.territory.internal.PerimeterRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and defines the territory (perimeters, partners, establishments) and routes a place to its
 * perimeter. Definitions are upserts: defining an existing code replaces its description. Every
 * rule broken gives an {@link InvalidInputException} with a French message and nothing is written.
 */
@Service
@Transactional(readOnly = true)
public class TerritoryService {
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private final PerimeterRepository perimeters;
  private final PartnerRepository partners;
  private final EstablishmentRepository establishments;
  private final ApplicationEventPublisher events;
  private final OfficialCommunes officialCommunes;
  private final Clock clock;
  private final String defaultDepartement;

  TerritoryService(
      PerimeterRepository perimeters,
      PartnerRepository partners,
      EstablishmentRepository establishments,
      ApplicationEventPublisher events,
      OfficialCommunes officialCommunes,
      @org.springframework.beans.factory.annotation.Value("${raccroche.departement}")
          String defaultDepartement,
      Optional<Clock> clock) {
    this.defaultDepartement = defaultDepartement;
    this.officialCommunes = officialCommunes;
    this.perimeters = perimeters;
    this.partners = partners;
    this.establishments = establishments;
    this.events = events;
    this.clock = clock.orElse(Clock.systemDefaultZone());
  }

  // ---- perimeters

  public List<Perimeter> perimeters() {
    return perimeters.findAllByOrderByCodeAsc().stream()
        .map(TerritoryService::toPerimeter)
        .toList();
  }

  public Perimeter perimeter(String code) {
    return perimeters
        .findById(code)
        .map(TerritoryService::toPerimeter)
        .orElseThrow(() -> new NotFoundException("Périmètre inconnu : " + code + "."));
  }

  /** The perimeter, or empty when no perimeter has this code (never throws for an unknown code). */
  public Optional<Perimeter> findPerimeter(String code) {
    return code == null
        ? Optional.empty()
        : perimeters.findById(code).map(TerritoryService::toPerimeter);
  }

  public boolean perimeterExists(String code) {
    return code != null && perimeters.existsById(code);
  }

  @Transactional
  public Perimeter definePerimeter(Perimeter definition) {
    return definePerimeter(definition, List.of());
  }

  /**
   * Defines a perimeter by its communes and by whole EPCI (each EPCI brings its member communes and
   * their municipal arrondissements, from the official list). Every commune must be in the official
   * list (docs/communes.md); a commune given without a name takes its official name.
   */
  @Transactional
  public Perimeter definePerimeter(Perimeter definition, List<String> epciCodes) {
    require(definition.code(), "code", "Le code du périmètre est obligatoire.");
    if (!TerritoryCodes.isEntityCode(definition.code())) {
      throw new InvalidInputException(
          "code",
          "Code de périmètre invalide : « "
              + definition.code()
              + " » (lettres majuscules, chiffres, tirets ; 2 à 32 caractères).");
    }
    require(definition.name(), "name", "Le nom du périmètre est obligatoire.");
    if (!TerritoryCodes.isDepartement(definition.departement())) {
      throw new InvalidInputException(
          "departement", "Code de département invalide : « " + definition.departement() + " ».");
    }
    List<Commune> given = new ArrayList<>(definition.communes());
    for (String epciCode : epciCodes == null ? List.<String>of() : epciCodes) {
      Epci epci =
          officialCommunes
              .epci(epciCode)
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "epci",
                          "EPCI inconnu : « "
                              + epciCode
                              + " » (numéro SIREN à 9 chiffres de la liste officielle, ex."
                              + " 200046977 pour la Métropole de Lyon)."));
      officialCommunes
          .members(epci.code())
          .forEach(c -> given.add(new Commune(c.code(), c.name())));
    }
    List<CommuneValue> communes = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Commune commune : given) {
      String code = TerritoryCodes.normaliseCommuneCode(commune.code());
      if (!TerritoryCodes.isCommuneCode(code)) {
        throw new InvalidInputException(
            "communes", "Code commune INSEE invalide : « " + commune.code() + " ».");
      }
      if (!seen.add(code)) {
        continue;
      }
      Optional<OfficialCommune> official = officialCommunes.commune(code);
      if (official.isEmpty()) {
        throw new InvalidInputException(
            "communes",
            "Commune inconnue : « "
                + code
                + " » n'est pas dans la liste officielle des communes (COG "
                + officialCommunes.version()
                + ").");
      }
      Optional<String> owner = perimeters.findCodeByCommune(code);
      if (owner.isPresent() && !owner.get().equals(definition.code())) {
        throw new InvalidInputException(
            "communes",
            "La commune " + code + " appartient déjà au périmètre " + owner.get() + ".");
      }
      communes.add(
          new CommuneValue(
              code,
              commune.name() == null || commune.name().isBlank()
                  ? official.get().name()
                  : commune.name()));
    }
    Set<String> postalCodes = new java.util.LinkedHashSet<>();
    for (String postalCode : definition.postalCodes()) {
      String code = TerritoryCodes.normalisePostalCode(postalCode);
      if (!TerritoryCodes.isPostalCode(code)) {
        throw new InvalidInputException(
            "postalCodes", "Code postal invalide : « " + postalCode + " ».");
      }
      postalCodes.add(code);
    }
    List<DesignationValue> coordinators = new ArrayList<>();
    for (CoordinatorDesignation designation : definition.coordinators()) {
      require(
          designation.userId(), "coordinators", "L'identifiant du coordonnateur est obligatoire.");
      if (designation.designationDate() == null) {
        throw new InvalidInputException(
            "coordinators", "La date de désignation du coordonnateur est obligatoire.");
      }
      require(
          designation.reference(),
          "coordinators",
          "La référence de l'acte de désignation du coordonnateur est obligatoire.");
      coordinators.add(
          new DesignationValue(
              designation.userId(), designation.designationDate(), designation.reference()));
    }

    PerimeterEntity entity =
        perimeters
            .findById(definition.code())
            .orElseGet(() -> new PerimeterEntity(definition.code(), Instant.now(clock)));
    entity.setName(definition.name().strip());
    entity.setDepartement(definition.departement());
    entity.getCommunes().clear();
    entity.getCommunes().addAll(communes);
    entity.getPostalCodes().clear();
    entity.getPostalCodes().addAll(postalCodes);
    entity.getCoordinators().clear();
    entity.getCoordinators().addAll(coordinators);
    perimeters.saveAndFlush(entity);
    events.publishEvent(
        new PerimeterDefined(entity.getCode(), entity.getName(), entity.getDepartement()));
    return toPerimeter(entity);
  }

  // ---- partners

  /**
   * The partners of a type serving a perimeter: those that list it, and the département-wide
   * partners of its département (never another département's).
   */
  public List<Partner> partners(PartnerType type, String perimeterCode) {
    String departementOfPerimeter =
        perimeterCode == null
            ? null
            : perimeters.findById(perimeterCode).map(PerimeterEntity::getDepartement).orElse(null);
    return partners.findAllByOrderByCodeAsc().stream()
        .filter(p -> type == null || p.getType() == type)
        .filter(
            p ->
                perimeterCode == null
                    || (p.isDepartementWide() && p.getDepartement().equals(departementOfPerimeter))
                    || p.getPerimeterCodes().contains(perimeterCode))
        .map(TerritoryService::toPartner)
        .toList();
  }

  public Partner partner(String code) {
    return partners
        .findById(code)
        .map(TerritoryService::toPartner)
        .orElseThrow(() -> new NotFoundException("Partenaire inconnu : " + code + "."));
  }

  public boolean partnerExists(String code) {
    return code != null && partners.existsById(code);
  }

  @Transactional
  public Partner definePartner(Partner definition) {
    require(definition.code(), "code", "Le code du partenaire est obligatoire.");
    if (!TerritoryCodes.isEntityCode(definition.code())) {
      throw new InvalidInputException(
          "code",
          "Code de partenaire invalide : « "
              + definition.code()
              + " » (lettres majuscules, chiffres, tirets ; 2 à 32 caractères).");
    }
    require(definition.name(), "name", "Le nom du partenaire est obligatoire.");
    if (definition.type() == null) {
      throw new InvalidInputException("type", "Le type de partenaire est obligatoire.");
    }
    if (!definition.departementWide() && definition.perimeterCodes().isEmpty()) {
      throw new InvalidInputException(
          "perimeterCodes",
          "Un partenaire qui ne couvre pas tout le département doit avoir au moins un périmètre.");
    }
    Set<String> departementsOfPerimeters = new java.util.TreeSet<>();
    for (String perimeterCode : definition.perimeterCodes()) {
      PerimeterEntity perimeter = perimeters.findById(perimeterCode).orElse(null);
      if (perimeter == null) {
        throw new InvalidInputException(
            "perimeterCodes", "Périmètre inconnu : " + perimeterCode + ".");
      }
      departementsOfPerimeters.add(perimeter.getDepartement());
    }
    String departement = blankToNull(definition.departement());
    if (departement != null && !TerritoryCodes.isDepartement(departement)) {
      throw new InvalidInputException(
          "departement", "Code de département invalide : « " + departement + " ».");
    }
    if (departementsOfPerimeters.size() > 1
        || (departement != null
            && !departementsOfPerimeters.isEmpty()
            && !departementsOfPerimeters.contains(departement))) {
      throw new InvalidInputException(
          "perimeterCodes",
          "Un partenaire appartient à un seul département : ses périmètres doivent en être.");
    }
    if (departement == null) {
      departement =
          departementsOfPerimeters.isEmpty()
              ? partners
                  .findById(definition.code())
                  .map(PartnerEntity::getDepartement)
                  .orElse(defaultDepartement)
              : departementsOfPerimeters.iterator().next();
    }
    String siret = blankToNull(definition.siret());
    if (siret != null) {
      siret = siret.replaceAll("\\s", "");
      if (!TerritoryCodes.isSiret(siret)) {
        throw new InvalidInputException(
            "siret",
            "Numéro SIRET invalide : « "
                + definition.siret().strip()
                + " » (14 chiffres dont le dernier est une clé de contrôle).");
      }
    }
    PostalAddress address = PostalAddress.clean(definition.address());
    PostalAddress.check(address, "address");
    String contactPhone = PhoneNumbers.checked(definition.contactPhone(), "contactPhone");
    String contactEmail = blankToNull(definition.contactEmail());
    if (contactEmail != null && !EMAIL.matcher(contactEmail).matches()) {
      throw new InvalidInputException(
          "contactEmail", "Adresse de courriel invalide : « " + contactEmail + " ».");
    }
    String website = blankToNull(definition.website());
    if (website != null && (website.length() > 500 || !website.matches("^https?://\\S+$"))) {
      throw new InvalidInputException(
          "website", "Le site web doit être une adresse http(s) de 500 caractères au plus.");
    }
    String openingHours = OpeningHours.checked(definition.openingHours(), "openingHours");
    PartnerEntity entity =
        partners
            .findById(definition.code())
            .orElseGet(() -> new PartnerEntity(definition.code(), Instant.now(clock)));
    entity.setName(definition.name().strip());
    entity.setType(definition.type());
    entity.setDepartementWide(definition.departementWide());
    entity.setDepartement(departement);
    entity.setContactEmail(contactEmail);
    entity.setContactPhone(contactPhone);
    entity.setSiret(siret);
    entity.setAddress(address);
    entity.setWebsite(website);
    entity.setOpeningHours(openingHours);
    entity.setPublishStaffContacts(definition.publishStaffContacts());
    entity.setUpdatedOn(LocalDate.now(clock));
    entity.getPerimeterCodes().clear();
    if (!definition.departementWide()) {
      entity.getPerimeterCodes().addAll(definition.perimeterCodes());
    }
    partners.saveAndFlush(entity);
    events.publishEvent(
        new PartnerDefined(entity.getCode(), entity.getName(), entity.getDepartement()));
    return toPartner(entity);
  }

  // ---- establishments

  public List<Establishment> establishments(String perimeterCode) {
    List<EstablishmentEntity> found =
        perimeterCode == null
            ? establishments.findAllByOrderByUaiAsc()
            : establishments.findByPerimeterCodeOrderByUaiAsc(perimeterCode);
    return found.stream().map(TerritoryService::toEstablishment).toList();
  }

  public Establishment establishment(String uai) {
    String normalised = TerritoryCodes.normaliseUai(uai);
    if (!TerritoryCodes.isUai(normalised)) {
      throw new InvalidInputException(
          "uai", "Code UAI invalide : « " + uai + " » (7 chiffres suivis d'une lettre).");
    }
    return establishments
        .findById(normalised)
        .map(TerritoryService::toEstablishment)
        .orElseThrow(() -> new NotFoundException("Établissement inconnu : " + normalised + "."));
  }

  /**
   * The registered establishment of a UAI, or empty (unknown or malformed code): a lookup that
   * never throws, for code that runs inside a caller's transaction (an exception through this proxy
   * would mark the caller's transaction rollback-only).
   */
  public Optional<Establishment> findEstablishment(String uai) {
    String normalised = TerritoryCodes.normaliseUai(uai);
    if (!TerritoryCodes.isUai(normalised)) {
      return Optional.empty();
    }
    return establishments.findById(normalised).map(TerritoryService::toEstablishment);
  }

  /** The registered establishments among these UAIs, by UAI (unknown codes are simply absent). */
  public java.util.Map<String, Establishment> findEstablishments(
      java.util.Collection<String> uais) {
    java.util.Set<String> codes = new java.util.HashSet<>();
    for (String uai : uais) {
      String normalised = TerritoryCodes.normaliseUai(uai);
      if (TerritoryCodes.isUai(normalised)) {
        codes.add(normalised);
      }
    }
    java.util.Map<String, Establishment> found = new java.util.HashMap<>();
    if (!codes.isEmpty()) {
      establishments
          .findAllById(codes)
          .forEach(e -> found.put(e.getUai(), TerritoryService.toEstablishment(e)));
    }
    return found;
  }

  @Transactional
  public Establishment defineEstablishment(Establishment definition) {
    String uai = TerritoryCodes.normaliseUai(definition.uai());
    if (!TerritoryCodes.isUai(uai)) {
      throw new InvalidInputException(
          "uai",
          "Code UAI invalide : « " + definition.uai() + " » (7 chiffres suivis d'une lettre).");
    }
    require(definition.name(), "name", "Le nom de l'établissement est obligatoire.");
    if (definition.type() == null) {
      throw new InvalidInputException("type", "Le type d'établissement est obligatoire.");
    }
    String communeCode = TerritoryCodes.normaliseCommuneCode(definition.communeCode());
    if (!TerritoryCodes.isCommuneCode(communeCode)) {
      throw new InvalidInputException(
          "communeCode", "Code commune INSEE invalide : « " + definition.communeCode() + " ».");
    }
    String perimeterCode = definition.perimeterCode();
    if (perimeterCode == null) {
      perimeterCode =
          perimeters
              .findCodeByCommune(communeCode)
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "perimeterCode",
                          "La commune "
                              + communeCode
                              + " n'appartient à aucun périmètre : précisez le périmètre."));
    } else if (!perimeters.existsById(perimeterCode)) {
      throw new InvalidInputException(
          "perimeterCode", "Périmètre inconnu : " + perimeterCode + ".");
    }
    EstablishmentEntity entity =
        establishments
            .findById(uai)
            .orElseGet(() -> new EstablishmentEntity(uai, Instant.now(clock)));
    entity.setName(definition.name().strip());
    entity.setType(definition.type());
    entity.setCommuneCode(communeCode);
    entity.setCommuneName(definition.communeName());
    entity.setPerimeterCode(perimeterCode);
    establishments.saveAndFlush(entity);
    return toEstablishment(entity);
  }

  // ---- official communes

  /** A code of the official commune list (COG). */
  public Optional<OfficialCommune> officialCommune(String code) {
    return officialCommunes.commune(code);
  }

  // ---- routing

  /**
   * The perimeter of a place: that of the commune code, else of the postal code (when it belongs to
   * one perimeter only), else of the establishment. Empty when none of them routes. Codes are
   * normalised first; malformed ones simply do not route.
   */
  public Optional<Routing> route(String communeCode, String postalCode, String uai) {
    String commune = TerritoryCodes.normaliseCommuneCode(communeCode);
    if (TerritoryCodes.isCommuneCode(commune)) {
      Optional<String> byCommune = perimeters.findCodeByCommune(commune);
      if (byCommune.isPresent()) {
        return Optional.of(new Routing(byCommune.get(), Routing.RoutedBy.COMMUNE_CODE));
      }
    }
    String postal = TerritoryCodes.normalisePostalCode(postalCode);
    if (TerritoryCodes.isPostalCode(postal)) {
      List<String> byPostal = perimeters.findCodesByPostalCode(postal);
      if (byPostal.size() == 1) {
        return Optional.of(new Routing(byPostal.get(0), Routing.RoutedBy.POSTAL_CODE));
      }
    }
    String normalisedUai = TerritoryCodes.normaliseUai(uai);
    if (TerritoryCodes.isUai(normalisedUai)) {
      Optional<EstablishmentEntity> establishment = establishments.findById(normalisedUai);
      if (establishment.isPresent()) {
        return Optional.of(
            new Routing(establishment.get().getPerimeterCode(), Routing.RoutedBy.UAI));
      }
    }
    return Optional.empty();
  }

  /** The routing rules as they stand, to route many places without a query each. */
  public RoutingTable routingTable() {
    return routingTable(null);
  }

  /**
   * The routing rules to one département's perimeters only (null: every département's): an import
   * into a département never routes a young person to another (docs/specification.md §1).
   */
  public RoutingTable routingTable(String departement) {
    java.util.Map<String, String> byCommune = new java.util.HashMap<>();
    java.util.Map<String, String> byPostal = new java.util.HashMap<>();
    java.util.Set<String> ambiguousPostal = new java.util.HashSet<>();
    java.util.Set<String> included = new java.util.HashSet<>();
    for (PerimeterEntity p : perimeters.findAll()) {
      if (departement != null && !departement.equals(p.getDepartement())) {
        continue;
      }
      included.add(p.getCode());
      p.getCommunes().forEach(c -> byCommune.put(c.code(), p.getCode()));
      for (String postal : p.getPostalCodes()) {
        String previous = byPostal.put(postal, p.getCode());
        if (previous != null && !previous.equals(p.getCode())) {
          ambiguousPostal.add(postal); // a postal code spanning two perimeters routes nothing
        }
      }
    }
    ambiguousPostal.forEach(byPostal::remove);
    java.util.Map<String, String> byUai = new java.util.HashMap<>();
    establishments.findAll().stream()
        .filter(e -> included.contains(e.getPerimeterCode()))
        .forEach(e -> byUai.put(e.getUai(), e.getPerimeterCode()));
    return new RoutingTable(departement, byCommune, byPostal, byUai);
  }

  // ---- mapping

  private static void require(String value, String field, String message) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(field, message);
    }
  }

  private static Perimeter toPerimeter(PerimeterEntity e) {
    return new Perimeter(
        e.getCode(),
        e.getName(),
        e.getDepartement(),
        e.getCommunes().stream()
            .map(c -> new Commune(c.code(), c.name()))
            .sorted(java.util.Comparator.comparing(Commune::code))
            .toList(),
        e.getPostalCodes().stream().sorted().toList(),
        e.getCoordinators().stream()
            .map(d -> new CoordinatorDesignation(d.userId(), d.designationDate(), d.reference()))
            .sorted(java.util.Comparator.comparing(CoordinatorDesignation::userId))
            .toList());
  }

  private static Partner toPartner(PartnerEntity e) {
    return new Partner(
        e.getCode(),
        e.getName(),
        e.getType(),
        e.isDepartementWide(),
        e.getPerimeterCodes().stream().sorted().toList(),
        e.getContactEmail(),
        e.getContactPhone(),
        e.getSiret(),
        e.getAddress(),
        e.getWebsite(),
        e.getOpeningHours(),
        e.isPublishStaffContacts(),
        e.getUpdatedOn(),
        e.getDepartement());
  }

  private static Establishment toEstablishment(EstablishmentEntity e) {
    return new Establishment(
        e.getUai(),
        e.getName(),
        e.getType(),
        e.getCommuneCode(),
        e.getCommuneName(),
        e.getPerimeterCode());
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
