package fr.raccroche.pathway;

import fr.raccroche.shared.ConflictException;
import fr.raccroche.shared.InvalidInputException;
import fr.raccroche.shared.NotFoundException;
import fr.raccroche.shared.web.ListParams;
import fr.raccroche.territory.Partner;
import fr.raccroche.territory.Perimeter;
import fr.raccroche.territory.TerritoryService;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * French pages: the case list, a case (reachable from each task's form: the coordinator's desk,
 * with the actions the user's role allows), the signalement (errors next to their fields).
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COORDINATOR', 'CASEWORKER')")
class CasePagesController {
  private final CaseQueries cases;
  private final Signalements signalements;
  private final PathwayStarts starts;
  private final CaseScopes scopes;
  private final CaseReads reads;
  private final org.springframework.beans.factory.ObjectProvider<CaseCorrespondence> correspondence;
  private final CaseEvents events;
  private final DepartementTransfers transfers;
  private final TerritoryService territory;

  /** The signalement form's fields, in the order of the page (the error summary follows it). */
  static final List<String> SIGNALEMENT_FIELDS =
      List.of(
          "lastName",
          "firstName",
          "birthDate",
          "sex",
          "ine",
          "address",
          "postalCode",
          "communeName",
          "communeCode",
          "phone",
          "email",
          "legalGuardian",
          "guardianPhone",
          "uai",
          "lastTraining",
          "lastLevel",
          "leavingDate",
          "leavingReason");

  /** The events the case page's "Actions" offer coordinators (withdrawal: the erasure form). */
  private static final Set<CaseEventRequest.Type> PAGE_EVENTS =
      Set.of(
          CaseEventRequest.Type.RE_ENROLLED,
          CaseEventRequest.Type.MOVED_AWAY,
          CaseEventRequest.Type.LEFT_DEPARTEMENT,
          CaseEventRequest.Type.SUPPORT_REFUSED);

  CasePagesController(
      CaseQueries cases,
      Signalements signalements,
      PathwayStarts starts,
      CaseScopes scopes,
      CaseReads reads,
      org.springframework.beans.factory.ObjectProvider<CaseCorrespondence> correspondence,
      CaseEvents events,
      DepartementTransfers transfers,
      TerritoryService territory) {
    this.transfers = transfers;
    this.correspondence = correspondence;
    this.events = events;
    this.territory = territory;
    this.starts = starts;
    this.cases = cases;
    this.signalements = signalements;
    this.scopes = scopes;
    this.reads = reads;
  }

  /** The sortable columns of the list: key in the URL, what the header says, first direction. */
  static final List<ListParams.Column> COLUMNS =
      List.of(
          new ListParams.Column("caseNumber", "N° de dossier", true),
          new ListParams.Column("lastName", "Nom", true),
          new ListParams.Column("firstName", "Prénom", true),
          new ListParams.Column("perimeter", "Périmètre", true),
          new ListParams.Column("status", "Statut", true),
          new ListParams.Column("detectedOn", "Repéré le", false),
          new ListParams.Column("referent", "Référent", true));

  private static final Map<String, CaseFilter.Sort> SORTS =
      Map.of(
          "caseNumber", CaseFilter.Sort.CASE_NUMBER,
          "lastName", CaseFilter.Sort.LAST_NAME,
          "firstName", CaseFilter.Sort.FIRST_NAME,
          "perimeter", CaseFilter.Sort.PERIMETER,
          "status", CaseFilter.Sort.STATUS,
          "detectedOn", CaseFilter.Sort.DETECTED_ON,
          "referent", CaseFilter.Sort.REFERENT);

  /**
   * The case list: the person's scope, filtered (status, perimeter, referent, overdue, without
   * activity for N days, text), sorted by any column, paged; everything in the URL.
   */
  @GetMapping("/cases")
  String list(
      Authentication authentication,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String perimeter,
      @RequestParam(required = false) String referent,
      @RequestParam(required = false) String overdue,
      @RequestParam(required = false) String days,
      @RequestParam(required = false) String page,
      @RequestParam(required = false) String size,
      @RequestParam(required = false) String sort,
      @RequestParam(required = false) String dir,
      HttpServletRequest request,
      Model model) {
    CaseScope scope = scopes.of(authentication);
    ListParams list =
        ListParams.read(
            request.getRequestURI(), COLUMNS, "detectedOn", false, page, size, sort, dir);
    String text = q == null || q.isBlank() ? null : q.strip();
    if (text != null && text.length() > CaseFilter.MAX_TEXT) {
      list.problem("Recherche trop longue : " + CaseFilter.MAX_TEXT + " caractères au plus.");
      text = text.substring(0, CaseFilter.MAX_TEXT);
    }
    CaseStatus statusFilter = null;
    if (status != null && !status.isBlank()) {
      try {
        statusFilter = CaseStatus.valueOf(status.strip());
      } catch (IllegalArgumentException e) {
        list.problem("Statut inconnu : le filtre par statut est ignoré.");
      }
    }
    // The choices of the filters: what the scope can hold. A value outside them shows no case.
    List<Perimeter> perimeters =
        territory.perimeters().stream()
            .filter(
                p ->
                    scope.all()
                        || !scope.partnerCodes().isEmpty()
                        || scope.perimeterCodes().contains(p.code()))
            .toList();
    List<Partner> partners =
        territory.partners(null, null).stream()
            .filter(
                p ->
                    scope.all()
                        || !scope.perimeterCodes().isEmpty()
                        || scope.partnerCodes().contains(p.code()))
            .toList();
    String perimeterFilter = perimeter == null || perimeter.isBlank() ? null : perimeter.strip();
    String referentFilter = referent == null || referent.isBlank() ? null : referent.strip();
    boolean outside = false;
    if (perimeterFilter != null
        && perimeters.stream().noneMatch(p -> p.code().equals(perimeterFilter))) {
      list.problem("Ce périmètre est inconnu ou hors de votre champ : aucun dossier à afficher.");
      outside = true;
    }
    if (referentFilter != null
        && partners.stream().noneMatch(p -> p.code().equals(referentFilter))) {
      list.problem("Ce référent est inconnu ou hors de votre champ : aucun dossier à afficher.");
      outside = true;
    }
    boolean overdueFilter = overdue != null && !overdue.isBlank();
    Integer silentDays = null;
    if (days != null && !days.isBlank()) {
      try {
        silentDays = Integer.valueOf(days.strip());
        if (silentDays < 1 || silentDays > MAX_DAYS) {
          list.problem(
              "Nombre de jours sans activité invalide (de 1 à " + MAX_DAYS + ") : filtre ignoré.");
          silentDays = null;
        }
      } catch (NumberFormatException e) {
        list.problem("Nombre de jours sans activité illisible : filtre ignoré.");
      }
    }
    list.filter("q", text)
        .filter("status", statusFilter)
        .filter("perimeter", perimeterFilter)
        .filter("referent", referentFilter)
        .filter("overdue", overdueFilter ? "1" : null)
        .filter("days", silentDays);
    CaseFilter filter =
        new CaseFilter(
            perimeterFilter, statusFilter, text, referentFilter, overdueFilter, silentDays);
    CaseScope effective = outside ? CaseScope.NONE : scope;
    Page<CaseSummary> found =
        list.fetch(
            pageable ->
                cases.findCases(
                    effective, filter, SORTS.get(list.sort()), list.ascending(), pageable));
    reads.read(
        authentication,
        request,
        PersonalDataRead.Surface.CASE_LIST_PAGE,
        found.map(CaseSummary::caseNumber).getContent());
    model.addAttribute("cases", found);
    model.addAttribute("list", list);
    model.addAttribute("columns", COLUMNS);
    model.addAttribute("q", text);
    model.addAttribute("status", statusFilter);
    model.addAttribute("statuses", CaseStatus.values());
    model.addAttribute("perimeter", perimeterFilter);
    model.addAttribute("perimeters", perimeters);
    model.addAttribute("referent", referentFilter);
    model.addAttribute("partners", partners);
    model.addAttribute("overdue", overdueFilter);
    model.addAttribute("days", silentDays);
    return "cases";
  }

  static final int MAX_DAYS = 365;

  @GetMapping("/cases/{caseNumber}")
  String show(
      Authentication authentication,
      @PathVariable String caseNumber,
      HttpServletRequest request,
      Model model) {
    if (!CaseNumbers.isValid(caseNumber)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    CaseView c;
    try {
      c = cases.getCase(scopes.of(authentication), caseNumber);
    } catch (NotFoundException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    model.addAttribute("c", c);
    reads.read(authentication, request, PersonalDataRead.Surface.CASE_PAGE, List.of(caseNumber));
    // The "Écrire au jeune" form, when the messages module is there.
    CaseCorrespondence messages = correspondence.getIfAvailable();
    model.addAttribute("messageTemplates", messages == null ? null : messages.templates());
    // "Déménagement": the other perimeters of the case's département; "Départ": the other
    // départements of the deployment, where a case opens.
    String departement =
        territory.findPerimeter(c.perimeterCode()).map(Perimeter::departement).orElse(null);
    model.addAttribute(
        "otherPerimeters",
        territory.perimeters().stream()
            .filter(p -> !p.code().equals(c.perimeterCode()))
            .filter(p -> departement == null || departement.equals(p.departement()))
            .map(p -> Map.entry(p.code(), p.name()))
            .toList());
    model.addAttribute(
        "otherDepartements",
        transfers.servedDepartements().stream().filter(d -> !d.equals(departement)).toList());
    return "case";
  }

  /**
   * The case page's "Actions" (coordinators, administrators): what {@code POST
   * /api/cases/{caseNumber}/events} records — re-enrolment, move, departure, refusal — with the
   * same rules and scope.
   */
  @PostMapping("/cases/{caseNumber}/events")
  @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
  String event(
      Authentication authentication,
      @PathVariable String caseNumber,
      @RequestParam Map<String, String> form,
      RedirectAttributes redirect) {
    if (!CaseNumbers.isValid(caseNumber)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    try {
      // Unknown and out-of-scope cases answer the same.
      cases.getCase(scopes.of(authentication), caseNumber);
    } catch (NotFoundException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    try {
      CaseEventRequest.Type type = parseType(form.get("type"));
      boolean departure = type == CaseEventRequest.Type.LEFT_DEPARTEMENT;
      CaseEventRequest request =
          new CaseEventRequest(
              type,
              type == CaseEventRequest.Type.RE_ENROLLED
                      && "FALSE_DETECTION".equals(form.get("closureReason"))
                  ? ClosureReason.FALSE_DETECTION
                  : null,
              type == CaseEventRequest.Type.MOVED_AWAY ? form.get("perimeterCode") : null,
              null,
              departure ? form.get("toDepartement") : null,
              departure ? form.get("communeCode") : null,
              departure ? form.get("postalCode") : null,
              departure ? form.get("address") : null,
              departure ? form.get("phone") : null);
      String opened = CaseController.apply(events, transfers, authentication, caseNumber, request);
      redirect.addFlashAttribute(
          "eventNotice",
          opened == null
              ? notice(type)
              : "Le départ est enregistré : le dossier est clos et le dossier "
                  + opened
                  + " est ouvert dans le département "
                  + request.toDepartement().strip()
                  + ", qui reprend l'accompagnement.");
    } catch (NotFoundException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    } catch (InvalidInputException | ConflictException e) {
      redirect.addFlashAttribute("eventError", e.getMessage());
    }
    return "redirect:/cases/" + caseNumber + "#actions";
  }

  private static CaseEventRequest.Type parseType(String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException("type", "Choisissez ce qui est arrivé au jeune.");
    }
    try {
      CaseEventRequest.Type type = CaseEventRequest.Type.valueOf(value.strip());
      if (PAGE_EVENTS.contains(type)) {
        return type;
      }
    } catch (IllegalArgumentException e) {
      // below
    }
    throw new InvalidInputException("type", "Type d'événement inconnu.");
  }

  private static String notice(CaseEventRequest.Type type) {
    return switch (type) {
      case RE_ENROLLED -> "La réinscription est enregistrée : le dossier est clos.";
      case MOVED_AWAY -> "Le déménagement est enregistré : le dossier est transféré.";
      case LEFT_DEPARTEMENT -> "Le départ du département est enregistré : le dossier est clos.";
      case SUPPORT_REFUSED -> "Le refus de l'accompagnement est enregistré.";
      case WITHDRAWN -> "Le dossier est retiré.";
    };
  }

  /** A supervisor retries the start of a pathway that could not start ("démarrage en échec"). */
  @PostMapping("/cases/{caseNumber}/start")
  @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
  String retryStart(@PathVariable String caseNumber, Authentication authentication) {
    if (!CaseNumbers.isValid(caseNumber)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    try {
      cases.getCase(scopes.of(authentication), caseNumber);
    } catch (NotFoundException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    boolean started = starts.startNow(caseNumber);
    return "redirect:/cases/" + caseNumber + (started ? "?started" : "");
  }

  @GetMapping("/cases/new")
  @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
  String newCase(Model model) {
    model.addAttribute("levels", SchoolLevel.values());
    model.addAttribute("errors", Map.of());
    return "case-new";
  }

  @PostMapping("/cases/new")
  @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
  String create(
      Authentication authentication,
      @RequestParam Map<String, String> form,
      HttpServletRequest http,
      Model model) {
    // The simple rules first, all at once (each error next to its field); the service's rules
    // then come one at a time.
    Map<String, String> errors = new LinkedHashMap<>();
    required(form, "lastName", "Le nom est obligatoire.", errors);
    required(form, "firstName", "Le prénom est obligatoire.", errors);
    required(form, "birthDate", "La date de naissance est obligatoire.", errors);
    LocalDate birthDate = date(form.get("birthDate"), "birthDate", "La date de naissance", errors);
    LocalDate leavingDate =
        date(form.get("leavingDate"), "leavingDate", "La date de sortie", errors);
    SchoolLevel lastLevel = level(form.get("lastLevel"), errors);
    if (!errors.isEmpty()) {
      return signalementForm(model, form, errors, null);
    }
    try {
      NewCaseRequest request =
          new NewCaseRequest(
              form.get("ine"),
              form.get("lastName"),
              form.get("firstName"),
              form.get("sex"),
              birthDate,
              form.get("address"),
              form.get("postalCode"),
              form.get("communeCode"),
              form.get("communeName"),
              form.get("phone"),
              form.get("email"),
              form.get("legalGuardian"),
              form.get("guardianPhone"),
              leavingDate,
              form.get("leavingReason"),
              form.get("lastTraining"),
              lastLevel,
              form.get("uai"),
              form.get("perimeterCode"),
              "on".equals(form.get("justiceFollowUp")));
      Signalements.Outcome outcome =
          signalements.signal(
              scopes.of(authentication), authentication.getName(), request.toNewCase());
      return switch (outcome.kind()) {
        case OPENED -> "redirect:/cases/" + outcome.caseNumber() + "?created";
        case EXISTING -> "redirect:/cases/" + outcome.caseNumber() + "?existing";
        case FOLLOWED_ELSEWHERE -> {
          reads.read(
              authentication,
              http,
              PersonalDataRead.Surface.SIGNALEMENT_ELSEWHERE,
              List.of(outcome.caseNumber()));
          yield signalementForm(model, form, errors, CaseController.followedElsewhere(outcome));
        }
      };
    } catch (InvalidInputException e) {
      if (e.field() != null && SIGNALEMENT_FIELDS.contains(e.field())) {
        errors.put(e.field(), e.getMessage());
        return signalementForm(model, form, errors, null);
      }
      return signalementForm(model, form, errors, e.getMessage());
    }
  }

  /**
   * The form again with what was entered, each error by field ({@code errors}, in the page's order)
   * and an error that belongs to no field ({@code error}).
   */
  private static String signalementForm(
      Model model, Map<String, String> form, Map<String, String> errors, String error) {
    Map<String, String> ordered = new LinkedHashMap<>();
    for (String field : SIGNALEMENT_FIELDS) {
      if (errors.containsKey(field)) {
        ordered.put(field, errors.get(field));
      }
    }
    model.addAttribute("errors", ordered);
    model.addAttribute("error", error);
    model.addAttribute("form", form);
    model.addAttribute("levels", SchoolLevel.values());
    return "case-new";
  }

  private static void required(
      Map<String, String> form, String field, String message, Map<String, String> errors) {
    String value = form.get(field);
    if (value == null || value.isBlank()) {
      errors.put(field, message);
    }
  }

  private static final java.time.format.DateTimeFormatter FRENCH_DATE =
      java.time.format.DateTimeFormatter.ofPattern("dd/MM/uuuu")
          .withResolverStyle(java.time.format.ResolverStyle.STRICT);

  /** A date typed JJ/MM/AAAA (the form), or ISO (older pages, programs). */
  private static LocalDate date(
      String value, String field, String what, Map<String, String> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    try {
      return v.contains("/") ? LocalDate.parse(v, FRENCH_DATE) : LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      errors.put(field, what + " est invalide : attendu JJ/MM/AAAA, par exemple 23/11/2008.");
      return null;
    }
  }

  private static SchoolLevel level(String value, Map<String, String> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return SchoolLevel.valueOf(value);
    } catch (IllegalArgumentException e) {
      errors.put("lastLevel", "Niveau inconnu.");
      return null;
    }
  }
}
