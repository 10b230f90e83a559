package fr.raccroche.coordination;

import fr.raccroche.pathway.Need;
import fr.raccroche.shared.InvalidInputException;
import fr.raccroche.shared.NotFoundException;
import fr.raccroche.shared.PostalAddress;
import fr.raccroche.shared.web.ListParams;
import fr.raccroche.territory.TerritoryService;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** French pages of the catalogue: browse with filters, create, edit. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'PREFECTURE', 'COORDINATOR', 'CASEWORKER')")
class OfferPagesController {
  private final OfferService offers;
  private final TerritoryService territory;

  OfferPagesController(OfferService offers, TerritoryService territory) {
    this.offers = offers;
    this.territory = territory;
  }

  static final List<ListParams.Column> COLUMNS =
      List.of(
          new ListParams.Column("name", "Offre", true),
          new ListParams.Column("partner", "Structure", true),
          new ListParams.Column("needs", "Besoins", true),
          new ListParams.Column("age", "Public", true),
          new ListParams.Column("perimeters", "Périmètres", true),
          new ListParams.Column("places", "Places", false),
          new ListParams.Column("dates", "Dates", true),
          new ListParams.Column("contact", "Contact", true),
          new ListParams.Column("updated", "Mise à jour", false));

  private static final Map<String, OfferService.Sort> SORTS =
      Map.of(
          "name", OfferService.Sort.NAME,
          "partner", OfferService.Sort.PARTNER,
          "needs", OfferService.Sort.NEEDS,
          "age", OfferService.Sort.AGE,
          "perimeters", OfferService.Sort.PERIMETERS,
          "places", OfferService.Sort.PLACES,
          "dates", OfferService.Sort.DATES,
          "contact", OfferService.Sort.CONTACT,
          "updated", OfferService.Sort.UPDATED);

  /**
   * The catalogue: filtered by perimeter, need, age, places, type, structure and publication,
   * sorted by any column, paged; everything in the URL.
   */
  @GetMapping("/offers")
  String list(
      Authentication who,
      @RequestParam(required = false) String perimeter,
      @RequestParam(required = false) String need,
      @RequestParam(required = false) String age,
      @RequestParam(required = false) String placesAvailable,
      @RequestParam(required = false) String type,
      @RequestParam(required = false) String partner,
      @RequestParam(required = false) String published,
      @RequestParam(required = false) String page,
      @RequestParam(required = false) String size,
      @RequestParam(required = false) String sort,
      @RequestParam(required = false) String dir,
      HttpServletRequest request,
      Model model) {
    ListParams list =
        ListParams.read(request.getRequestURI(), COLUMNS, "name", true, page, size, sort, dir);
    Need needFilter = null;
    Integer ageFilter = null;
    try {
      needFilter = need == null || need.isBlank() ? null : Need.valueOf(need);
      ageFilter = age == null || age.isBlank() ? null : Integer.valueOf(age.strip());
      if (ageFilter != null && (ageFilter < 0 || ageFilter > 120)) {
        throw new IllegalArgumentException("age");
      }
    } catch (IllegalArgumentException e) {
      model.addAttribute("error", "Filtre invalide : besoin ou âge inconnu.");
      needFilter = null;
      ageFilter = null;
    }
    OfferType typeFilter = null;
    if (type != null && !type.isBlank()) {
      try {
        typeFilter = OfferType.valueOf(type.strip());
      } catch (IllegalArgumentException e) {
        list.problem("Type d'offre inconnu : le filtre par type est ignoré.");
      }
    }
    Boolean publishedFilter =
        switch (published == null ? "" : published.strip()) {
          case "" -> null;
          case "yes" -> true;
          case "no" -> false;
          default -> {
            list.problem("Filtre de publication inconnu : ignoré.");
            yield null;
          }
        };
    String perimeterFilter = perimeter == null || perimeter.isBlank() ? null : perimeter.strip();
    String partnerFilter = partner == null || partner.isBlank() ? null : partner.strip();
    boolean places = placesAvailable != null && !placesAvailable.isBlank();
    list.filter("perimeter", perimeterFilter)
        .filter("need", needFilter)
        .filter("age", ageFilter)
        .filter("placesAvailable", places ? "on" : null)
        .filter("type", typeFilter)
        .filter("partner", partnerFilter)
        .filter("published", publishedFilter == null ? null : publishedFilter ? "yes" : "no");
    OfferFilter filter =
        new OfferFilter(
            perimeterFilter,
            needFilter,
            ageFilter,
            places,
            partnerFilter,
            typeFilter,
            publishedFilter);
    Page<Offer> found =
        list.fetch(
            pageable -> offers.find(filter, SORTS.get(list.sort()), list.ascending(), pageable));
    model.addAttribute("offers", found);
    model.addAttribute("list", list);
    model.addAttribute("columns", COLUMNS);
    model.addAttribute(
        "editable", found.stream().filter(o -> canEdit(who, o)).map(Offer::id).toList());
    model.addAttribute("perimeters", territory.perimeters());
    model.addAttribute("partners", territory.partners(null, null));
    model.addAttribute("needs", Need.values());
    model.addAttribute("types", OfferType.values());
    model.addAttribute("perimeter", perimeterFilter);
    model.addAttribute("need", needFilter);
    model.addAttribute("age", ageFilter);
    model.addAttribute("placesAvailable", places);
    model.addAttribute("type", typeFilter);
    model.addAttribute("partner", partnerFilter);
    model.addAttribute("published", publishedFilter);
    return "offers";
  }

  @GetMapping("/offers/new")
  @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COORDINATOR', 'CASEWORKER')")
  String newOffer(Authentication who, Model model) {
    return form(who, model, null, null);
  }

  @PostMapping("/offers/new")
  @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COORDINATOR', 'CASEWORKER')")
  String create(Authentication who, @RequestParam MultiValueMap<String, String> form, Model model) {
    try {
      OfferRequest request = request(form);
      if (request.partnerCode() != null && offers.partnerExists(request.partnerCode())) {
        OfferRights.checkCanEdit(who, offers.partner(request.partnerCode()));
      }
      Offer created = offers.create(request, who.getName());
      return "redirect:/offers?created=" + created.id();
    } catch (InvalidInputException e) {
      model.addAttribute("error", e.getMessage());
      model.addAttribute("errorField", e.field());
      return form(who, model, null, form);
    }
  }

  @GetMapping("/offers/{id}/edit")
  @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COORDINATOR', 'CASEWORKER')")
  String edit(Authentication who, @PathVariable long id, Model model) {
    Offer offer = found(id);
    OfferRights.checkCanEdit(who, offers.partnerOf(id));
    return form(who, model, offer, null);
  }

  @PostMapping("/offers/{id}/edit")
  @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COORDINATOR', 'CASEWORKER')")
  String update(
      Authentication who,
      @PathVariable long id,
      @RequestParam MultiValueMap<String, String> form,
      Model model) {
    Offer offer = found(id);
    OfferRights.checkCanEdit(who, offers.partnerOf(id));
    try {
      offers.update(id, request(form), who.getName());
      return "redirect:/offers?updated=" + id;
    } catch (InvalidInputException e) {
      model.addAttribute("error", e.getMessage());
      model.addAttribute("errorField", e.field());
      return form(who, model, offer, form);
    }
  }

  private Offer found(long id) {
    try {
      return offers.get(id);
    } catch (NotFoundException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
  }

  private String form(
      Authentication who, Model model, Offer offer, MultiValueMap<String, String> sent) {
    model.addAttribute("offer", offer);
    java.util.Map<String, String> v = new java.util.HashMap<>();
    java.util.Map<String, List<String>> multi = new java.util.HashMap<>();
    if (sent != null) {
      sent.forEach((k, values) -> v.put(k, values.isEmpty() ? "" : values.get(0)));
      for (String k : List.of("types", "needs", "perimeterCodes", "receptionModes")) {
        multi.put(k, codes(sent.get(k)));
      }
    } else if (offer != null) {
      v.put("partnerCode", offer.partnerCode());
      v.put("name", offer.name());
      v.put("description", offer.description());
      v.put("minAge", offer.minAge() == null ? "" : offer.minAge().toString());
      v.put("maxAge", offer.maxAge() == null ? "" : offer.maxAge().toString());
      v.put("publicDescription", offer.publicDescription());
      v.put("accessConditions", offer.accessConditions());
      v.put("communeCodes", String.join(", ", offer.communeCodes()));
      v.put(
          "placesAvailable",
          offer.placesAvailable() == null ? "" : offer.placesAvailable().toString());
      v.put("startDate", offer.startDate() == null ? "" : offer.startDate().toString());
      v.put("endDate", offer.endDate() == null ? "" : offer.endDate().toString());
      v.put("contactName", offer.contactName());
      v.put("contactEmail", offer.contactEmail());
      v.put("contactPhone", offer.contactPhone());
      v.put("howToMobilise", offer.howToMobilise());
      v.put("mobilisationLink", offer.mobilisationLink());
      multi.put("types", offer.types().stream().map(Enum::name).toList());
      multi.put("needs", offer.needs().stream().map(Enum::name).toList());
      multi.put("perimeterCodes", offer.perimeterCodes());
      v.put("published", offer.published() ? "on" : "");
      v.put("fees", offer.fees() == null ? "" : offer.fees().name());
      v.put("feesDetails", offer.feesDetails());
      v.put("openingHours", offer.openingHours());
      PostalAddress a = offer.address();
      if (a != null) {
        v.put("addressStreet", a.street());
        v.put("addressComplement", a.complement());
        v.put("addressPostalCode", a.postalCode());
        v.put("addressCommuneCode", a.communeCode());
        v.put("addressCommuneName", a.communeName());
      }
      multi.put("receptionModes", offer.receptionModes().stream().map(Enum::name).toList());
    }
    for (String k : List.of("types", "needs", "perimeterCodes", "receptionModes")) {
      multi.putIfAbsent(k, List.of());
    }
    model.addAttribute("v", v);
    model.addAttribute("multi", multi);
    model.addAttribute(
        "partners",
        territory.partners(null, null).stream().filter(p -> OfferRights.canEdit(who, p)).toList());
    model.addAttribute("perimeters", territory.perimeters());
    model.addAttribute("needs", Need.values());
    model.addAttribute("types", OfferType.values());
    model.addAttribute("feeKinds", OfferFees.values());
    model.addAttribute("receptionModes", ReceptionMode.values());
    return "offer-form";
  }

  private boolean canEdit(Authentication who, Offer offer) {
    return territory.partnerExists(offer.partnerCode())
        && OfferRights.canEdit(who, territory.partner(offer.partnerCode()));
  }

  static OfferRequest request(MultiValueMap<String, String> f) {
    return new OfferRequest(
        text(f, "partnerCode"),
        text(f, "name"),
        text(f, "description"),
        enums(f, "types", OfferType.class),
        enums(f, "needs", Need.class),
        integer(f, "minAge", "L'âge minimum"),
        integer(f, "maxAge", "L'âge maximum"),
        text(f, "publicDescription"),
        text(f, "accessConditions"),
        codes(f.get("perimeterCodes")),
        codes(split(text(f, "communeCodes"))),
        integer(f, "placesAvailable", "Le nombre de places disponibles"),
        date(f, "startDate", "La date de début"),
        date(f, "endDate", "La date de fin"),
        text(f, "contactName"),
        text(f, "contactEmail"),
        text(f, "contactPhone"),
        text(f, "howToMobilise"),
        text(f, "mobilisationLink"),
        "on".equals(f.getFirst("published")),
        enumValue(f, "fees", OfferFees.class),
        text(f, "feesDetails"),
        enums(f, "receptionModes", ReceptionMode.class),
        text(f, "openingHours"),
        new PostalAddress(
            text(f, "addressStreet"),
            text(f, "addressComplement"),
            text(f, "addressPostalCode"),
            text(f, "addressCommuneCode"),
            text(f, "addressCommuneName")));
  }

  private static <E extends Enum<E>> E enumValue(
      MultiValueMap<String, String> f, String name, Class<E> type) {
    List<E> values = enums(f, name, type);
    return values.isEmpty() ? null : values.get(0);
  }

  private static String text(MultiValueMap<String, String> f, String name) {
    String value = f.getFirst(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static List<String> split(String value) {
    return value == null ? List.of() : List.of(value.split("[,;\\s]+"));
  }

  private static List<String> codes(List<String> values) {
    List<String> out = new ArrayList<>();
    if (values != null) {
      values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).forEach(out::add);
    }
    return out;
  }

  private static <E extends Enum<E>> List<E> enums(
      MultiValueMap<String, String> f, String name, Class<E> type) {
    List<E> out = new ArrayList<>();
    for (String v : codes(f.get(name))) {
      try {
        out.add(Enum.valueOf(type, v));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException(name, "Valeur inconnue : « " + v + " ».");
      }
    }
    return out;
  }

  private static Integer integer(MultiValueMap<String, String> f, String name, String what) {
    String value = text(f, name);
    if (value == null) {
      return null;
    }
    try {
      return Integer.valueOf(value);
    } catch (NumberFormatException e) {
      throw new InvalidInputException(name, what + " doit être un nombre entier.");
    }
  }

  private static LocalDate date(MultiValueMap<String, String> f, String name, String what) {
    String value = text(f, name);
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(name, what + " est invalide (attendu AAAA-MM-JJ).");
    }
  }
}
