package fr.raccroche.coordination;

import fr.raccroche.coordination.internal.OfferEntity;
import fr.raccroche.coordination.internal.OfferRepository;
import fr.raccroche.coordination.process.CoordinationSettings;
import fr.raccroche.coordination.process.OfferProcesses;
import fr.raccroche.pathway.Need;
import fr.raccroche.shared.InvalidInputException;
import fr.raccroche.shared.NotFoundException;
import fr.raccroche.shared.OpeningHours;
import fr.raccroche.shared.PhoneNumbers;
import fr.raccroche.shared.PostalAddress;
import fr.raccroche.territory.Partner;
import fr.raccroche.territory.TerritoryService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shared catalogue of local offers (docs/specification.md, Coordination): read with filters,
 * created and updated with every rule checked before anything is written (a refusal names its field
 * in French), and each offer's {@code OfferUpdateProcess} started or moved in the same transaction.
 */
@Service
public class OfferService {
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final OfferRepository offers;
  private final TerritoryService territory;
  private final OfferProcesses processes;
  private final CoordinationSettings settings;
  private final Clock clock;

  OfferService(
      OfferRepository offers,
      TerritoryService territory,
      OfferProcesses processes,
      CoordinationSettings settings,
      Optional<Clock> clock) {
    this.offers = offers;
    this.territory = territory;
    this.processes = processes;
    this.settings = settings;
    this.clock = clock.orElse(Clock.systemDefaultZone());
  }

  /** The offers matching the filter, by name. */
  @Transactional(readOnly = true)
  public List<Offer> find(OfferFilter filter) {
    LocalDate today = LocalDate.now(clock);
    return offers.findAllByOrderByNameAsc().stream()
        .map(this::view)
        .filter(o -> filter.perimeterCode() == null || o.serves(filter.perimeterCode()))
        .filter(o -> filter.need() == null || o.needs().contains(filter.need()))
        .filter(o -> filter.age() == null || o.openTo(filter.age()))
        .filter(o -> !Boolean.TRUE.equals(filter.placesAvailable()) || o.hasPlaces())
        .filter(o -> !Boolean.TRUE.equals(filter.placesAvailable()) || o.currentOn(today))
        .filter(o -> filter.partnerCode() == null || o.partnerCode().equals(filter.partnerCode()))
        .filter(o -> filter.type() == null || o.types().contains(filter.type()))
        .filter(o -> filter.published() == null || o.published() == filter.published())
        .toList();
  }

  /** The columns the catalogue's page sorts by. */
  public enum Sort {
    NAME,
    PARTNER,
    NEEDS,
    AGE,
    PERIMETERS,
    PLACES,
    DATES,
    CONTACT,
    UPDATED
  }

  /**
   * A page of the catalogue, filtered, sorted by a column (empty values last), then by name. The
   * catalogue of a département is a few hundred offers: it is read whole, as {@link #find} does.
   */
  @Transactional(readOnly = true)
  public org.springframework.data.domain.Page<Offer> find(
      OfferFilter filter,
      Sort sort,
      boolean ascending,
      org.springframework.data.domain.Pageable page) {
    java.util.Comparator<Offer> order =
        switch (sort) {
          case NAME -> text(Offer::name, ascending);
          case PARTNER -> text(Offer::partnerName, ascending);
          case NEEDS ->
              text(
                  o -> o.needs().stream().map(Need::label).sorted().findFirst().orElse(null),
                  ascending);
          case AGE -> value(Offer::minAge, ascending);
          case PERIMETERS ->
              text(
                  o -> o.perimeterCodes().isEmpty() ? null : String.join(", ", o.perimeterCodes()),
                  ascending);
          case PLACES -> value(Offer::placesAvailable, ascending);
          case DATES -> value(Offer::startDate, ascending);
          case CONTACT -> text(Offer::contactName, ascending);
          case UPDATED -> value(Offer::lastUpdatedOn, ascending);
        };
    List<Offer> all =
        find(filter).stream()
            .sorted(order.thenComparing(text(Offer::name, true)).thenComparing(Offer::id))
            .toList();
    int from = (int) Math.min(page.getOffset(), all.size());
    int to = Math.min(from + page.getPageSize(), all.size());
    return new org.springframework.data.domain.PageImpl<>(all.subList(from, to), page, all.size());
  }

  private static java.util.Comparator<Offer> text(
      java.util.function.Function<Offer, String> key, boolean ascending) {
    java.text.Collator french = java.text.Collator.getInstance(java.util.Locale.FRENCH);
    java.util.Comparator<String> c = ascending ? french::compare : (a, b) -> french.compare(b, a);
    return java.util.Comparator.comparing(
        o -> blankToNull(key.apply(o)), java.util.Comparator.nullsLast(c));
  }

  private static <T extends Comparable<T>> java.util.Comparator<Offer> value(
      java.util.function.Function<Offer, T> key, boolean ascending) {
    java.util.Comparator<T> c =
        ascending ? java.util.Comparator.<T>naturalOrder() : java.util.Comparator.<T>reverseOrder();
    return java.util.Comparator.comparing(key, java.util.Comparator.nullsLast(c));
  }

  /** The offer, if it exists (an offer chosen at orientation may have been removed since). */
  @Transactional(readOnly = true)
  public Optional<Offer> find(long id) {
    return offers.findById(id).map(this::view);
  }

  @Transactional(readOnly = true)
  public Offer get(long id) {
    return view(entity(id));
  }

  /** A new offer, last updated today; its update process starts with it. */
  @Transactional
  public Offer create(OfferRequest request, String actor) {
    return createAsOf(request, actor, LocalDate.now(clock));
  }

  /**
   * A new offer whose content was last checked on an earlier day (an existing catalogue taken over,
   * the demo): its update task comes six months after that day.
   */
  @Transactional
  public Offer createAsOf(OfferRequest request, String actor, LocalDate lastUpdatedOn) {
    Partner partner = check(request);
    boolean publish = Boolean.TRUE.equals(request.published());
    checkPublishable(request.description(), publish);
    OfferEntity entity = new OfferEntity();
    entity.setPartnerCode(partner.code());
    entity.setCreatedAt(Instant.now(clock));
    apply(entity, request);
    setPublished(entity, publish);
    entity.setLastUpdatedOn(lastUpdatedOn);
    entity.setLastUpdatedBy(actor);
    entity = offers.save(entity);
    processes.published(
        entity.getId(), partner.code(), entity.getName(), lastUpdatedOn.format(FRENCH_DATE));
    return view(entity);
  }

  /** New content for an offer: its last update becomes today and an open update task closes. */
  @Transactional
  public Offer update(long id, OfferRequest request, String actor) {
    OfferEntity entity = entity(id);
    if (request.partnerCode() != null
        && !request.partnerCode().isBlank()
        && !request.partnerCode().strip().equals(entity.getPartnerCode())) {
      throw new InvalidInputException(
          "partnerCode", "La structure d'une offre ne change pas : créez une nouvelle offre.");
    }
    check(request.withPartner(entity.getPartnerCode()));
    boolean publish =
        request.published() == null ? entity.isPublished() : request.published().booleanValue();
    checkPublishable(request.description(), publish);
    apply(entity, request);
    setPublished(entity, publish);
    LocalDate today = LocalDate.now(clock);
    entity.setLastUpdatedOn(today);
    entity.setLastUpdatedBy(actor);
    processes.published(
        entity.getId(), entity.getPartnerCode(), entity.getName(), today.format(FRENCH_DATE));
    return view(entity);
  }

  /**
   * The editor publishes the offer: from now on it is a data·inclusion service, readable without
   * login. Its last update date does not change (publishing changes nothing of its content).
   */
  @Transactional
  public Offer publish(long id) {
    OfferEntity entity = entity(id);
    checkPublishable(entity.getDescription(), true);
    setPublished(entity, true);
    return view(entity);
  }

  /** The editor withdraws the offer from publication: it is no longer readable without login. */
  @Transactional
  public Offer unpublish(long id) {
    OfferEntity entity = entity(id);
    setPublished(entity, false);
    return view(entity);
  }

  /** The published offers, by name: the data·inclusion services. */
  @Transactional(readOnly = true)
  public List<Offer> published() {
    return offers.findByPublishedTrueOrderByNameAsc().stream().map(this::view).toList();
  }

  /**
   * The partner confirmed in its update task that the offer is still accurate (called by the
   * process): last update today, places as given. Answers the new date, French format.
   */
  @Transactional
  public String confirmStillAccurate(long id, Integer placesAvailable, String actor) {
    OfferEntity entity = entity(id);
    if (placesAvailable != null && placesAvailable < 0) {
      throw new InvalidInputException(
          "placesAvailable", "Le nombre de places disponibles ne peut pas être négatif.");
    }
    if (placesAvailable != null) {
      entity.setPlacesAvailable(placesAvailable);
    }
    LocalDate today = LocalDate.now(clock);
    entity.setLastUpdatedOn(today);
    entity.setLastUpdatedBy(actor);
    return today.format(FRENCH_DATE);
  }

  /** The partner of an offer (for the rights on it). */
  @Transactional(readOnly = true)
  public Partner partnerOf(long offerId) {
    return territory.partner(entity(offerId).getPartnerCode());
  }

  public boolean partnerExists(String code) {
    return territory.partnerExists(code);
  }

  public Partner partner(String code) {
    return territory.partner(code);
  }

  /** True when the offer is older than the configured delay (its partner has a task). */
  public boolean isStale(LocalDate lastUpdatedOn) {
    return !settings
        .after(lastUpdatedOn, settings.getOfferStaleAfter())
        .toInstant()
        .isAfter(clock.instant());
  }

  private OfferEntity entity(long id) {
    return offers
        .findById(id)
        .orElseThrow(() -> new NotFoundException("L'offre n° " + id + " n'existe pas."));
  }

  /** Every rule, before anything is written. Answers the offer's partner. */
  private Partner check(OfferRequest r) {
    if (r == null) {
      throw new InvalidInputException("body", "Le contenu de l'offre est vide.");
    }
    if (r.partnerCode() == null || r.partnerCode().isBlank()) {
      throw new InvalidInputException(
          "partnerCode", "La structure qui propose l'offre (partnerCode) est obligatoire.");
    }
    if (!territory.partnerExists(r.partnerCode().strip())) {
      throw new InvalidInputException(
          "partnerCode", "La structure « " + r.partnerCode() + " » n'existe pas.");
    }
    Partner partner = territory.partner(r.partnerCode().strip());
    text(r.name(), "name", "Le nom de l'offre", 3, 150, true);
    text(r.description(), "description", "La description", 0, 2000, false);
    if (r.needs() == null || r.needs().isEmpty() || r.needs().stream().anyMatch(Objects::isNull)) {
      throw new InvalidInputException(
          "needs", "Indiquez au moins un besoin auquel l'offre répond (needs).");
    }
    if (r.types() != null && r.types().stream().anyMatch(Objects::isNull)) {
      throw new InvalidInputException("types", "Type d'offre inconnu.");
    }
    age(r.minAge(), "minAge", "L'âge minimum");
    age(r.maxAge(), "maxAge", "L'âge maximum");
    if (r.minAge() != null && r.maxAge() != null && r.maxAge() < r.minAge()) {
      throw new InvalidInputException(
          "maxAge", "L'âge maximum (maxAge) est inférieur à l'âge minimum.");
    }
    text(r.publicDescription(), "publicDescription", "La description du public", 0, 500, false);
    text(r.accessConditions(), "accessConditions", "Les conditions d'accès", 0, 1000, false);
    if (r.perimeterCodes() != null) {
      for (String code : r.perimeterCodes()) {
        if (code == null || !territory.perimeterExists(code.strip())) {
          throw new InvalidInputException(
              "perimeterCodes", "Le périmètre « " + code + " » n'existe pas.");
        }
      }
    }
    if (r.communeCodes() != null) {
      for (String code : r.communeCodes()) {
        if (code == null || !code.strip().matches("^[0-9AB]{5}$")) {
          throw new InvalidInputException(
              "communeCodes", "Code commune INSEE invalide : « " + code + " » (5 caractères).");
        }
      }
    }
    if (r.placesAvailable() != null && r.placesAvailable() < 0) {
      throw new InvalidInputException(
          "placesAvailable",
          "Le nombre de places disponibles (placesAvailable) ne peut pas être négatif.");
    }
    // Offers run within a sane range (docs/security.md R6): year 1 or 9999 is a typing error.
    for (var date :
        java.util.Map.of(
                "startDate",
                r.startDate() == null ? LocalDate.now(clock) : r.startDate(),
                "endDate",
                r.endDate() == null ? LocalDate.now(clock) : r.endDate())
            .entrySet()) {
      if (date.getValue().getYear() < 2000 || date.getValue().getYear() > 2100) {
        throw new InvalidInputException(
            date.getKey(),
            "Date invraisemblable pour "
                + date.getKey()
                + " : "
                + date.getValue()
                + " (attendue entre 2000 et 2100).");
      }
    }
    if (r.startDate() != null && r.endDate() != null && r.endDate().isBefore(r.startDate())) {
      throw new InvalidInputException(
          "endDate", "La date de fin (endDate) précède la date de début de l'offre.");
    }
    text(r.contactName(), "contactName", "Le nom du contact", 0, 150, false);
    if (r.contactEmail() != null
        && !r.contactEmail().isBlank()
        && (r.contactEmail().length() > 254
            || !EMAIL.matcher(r.contactEmail().strip()).matches())) {
      throw new InvalidInputException(
          "contactEmail", "Adresse de courriel invalide : « " + r.contactEmail() + " ».");
    }
    PhoneNumbers.checked(r.contactPhone(), "contactPhone");
    text(r.howToMobilise(), "howToMobilise", "La façon de mobiliser l'offre", 0, 1000, false);
    if (r.mobilisationLink() != null
        && !r.mobilisationLink().isBlank()
        && (r.mobilisationLink().length() > 500
            || !r.mobilisationLink().strip().matches("^https?://\\S+$"))) {
      throw new InvalidInputException(
          "mobilisationLink", "Le lien de mobilisation doit être une adresse http(s).");
    }
    if (r.receptionModes() != null && r.receptionModes().stream().anyMatch(Objects::isNull)) {
      throw new InvalidInputException("receptionModes", "Mode d'accueil inconnu.");
    }
    text(r.feesDetails(), "feesDetails", "Les précisions sur les frais", 0, 500, false);
    OpeningHours.checked(r.openingHours(), "openingHours");
    PostalAddress.check(PostalAddress.clean(r.address()), "address");
    return partner;
  }

  /**
   * A published offer is a data·inclusion service, whose description is required (5 characters at
   * least): refused before anything is written when it is missing.
   */
  private static void checkPublishable(String description, boolean publish) {
    if (publish && (description == null || description.strip().length() < 5)) {
      throw new InvalidInputException(
          "description",
          "Une offre publiée doit avoir une description (5 caractères au moins) : data·inclusion"
              + " l'exige.");
    }
  }

  private void setPublished(OfferEntity entity, boolean publish) {
    if (publish && !entity.isPublished()) {
      entity.setPublishedOn(LocalDate.now(clock));
    }
    entity.setPublished(publish);
  }

  private static void text(
      String value, String field, String what, int min, int max, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        throw new InvalidInputException(field, what + " (" + field + ") est obligatoire.");
      }
      return;
    }
    int length = value.strip().length();
    if (length < min || length > max) {
      throw new InvalidInputException(
          field, what + " (" + field + ") doit faire entre " + min + " et " + max + " caractères.");
    }
  }

  private static void age(Integer age, String field, String what) {
    if (age != null && (age < 0 || age > 99)) {
      throw new InvalidInputException(field, what + " (" + field + ") doit être entre 0 et 99.");
    }
  }

  private static void apply(OfferEntity e, OfferRequest r) {
    e.setName(r.name().strip());
    e.setDescription(blankToNull(r.description()));
    e.setTypes(r.types() == null ? List.of() : r.types().stream().distinct().toList());
    e.setNeeds(r.needs().stream().distinct().toList());
    e.setMinAge(r.minAge());
    e.setMaxAge(r.maxAge());
    e.setPublicDescription(blankToNull(r.publicDescription()));
    e.setAccessConditions(blankToNull(r.accessConditions()));
    e.setPerimeterCodes(strip(r.perimeterCodes()));
    e.setCommuneCodes(strip(r.communeCodes()));
    e.setPlacesAvailable(r.placesAvailable());
    e.setStartDate(r.startDate());
    e.setEndDate(r.endDate());
    e.setContactName(blankToNull(r.contactName()));
    e.setContactEmail(blankToNull(r.contactEmail()));
    e.setHowToMobilise(blankToNull(r.howToMobilise()));
    e.setMobilisationLink(blankToNull(r.mobilisationLink()));
    e.setContactPhone(PhoneNumbers.checked(r.contactPhone(), "contactPhone"));
    e.setFees(r.fees());
    e.setFeesDetails(blankToNull(r.feesDetails()));
    e.setReceptionModes(
        r.receptionModes() == null ? List.of() : r.receptionModes().stream().distinct().toList());
    e.setOpeningHours(OpeningHours.checked(r.openingHours(), "openingHours"));
    e.setAddress(PostalAddress.clean(r.address()));
  }

  private static List<String> strip(List<String> codes) {
    List<String> out = new ArrayList<>();
    if (codes != null) {
      codes.stream().map(String::strip).distinct().forEach(out::add);
    }
    return out;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private Offer view(OfferEntity e) {
    String partnerName =
        territory.partnerExists(e.getPartnerCode())
            ? territory.partner(e.getPartnerCode()).name()
            : e.getPartnerCode();
    List<Need> needs = e.getNeeds();
    return new Offer(
        e.getId(),
        e.getPartnerCode(),
        partnerName,
        e.getName(),
        e.getDescription(),
        e.getTypes(),
        needs,
        e.getMinAge(),
        e.getMaxAge(),
        e.getPublicDescription(),
        e.getAccessConditions(),
        e.getPerimeterCodes(),
        e.getCommuneCodes(),
        e.getPlacesAvailable(),
        e.getStartDate(),
        e.getEndDate(),
        e.getContactName(),
        e.getContactEmail(),
        e.getContactPhone(),
        e.getHowToMobilise(),
        e.getMobilisationLink(),
        e.getLastUpdatedOn(),
        isStale(e.getLastUpdatedOn()),
        e.isPublished(),
        e.getPublishedOn(),
        e.getFees(),
        e.getFeesDetails(),
        e.getReceptionModes(),
        e.getOpeningHours(),
        e.getAddress());
  }
}
