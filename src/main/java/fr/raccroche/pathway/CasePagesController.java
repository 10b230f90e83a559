package fr.raccroche.pathway;

import fr.raccroche.shared.InvalidInputException;
import fr.raccroche.shared.NotFoundException;
import fr.raccroche.shared.web.ListParams;
import fr.raccroche.territory.Partner;
import fr.raccroche.territory.Perimeter;
import fr.raccroche.territory.TerritoryService;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
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

/** French pages: the case list, a case (reachable from each task's form), the signalement. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COORDINATOR', 'CASEWORKER')")
class CasePagesController {
  private final CaseQueries cases;
  private final Signalements signalements;
  private final PathwayStarts starts;
  private final CaseScopes scopes;
  private final CaseReads reads;
  private final TerritoryService territory;
  private final org.springframework.beans.factory.ObjectProvider<CaseCorrespondence> correspondence;

  CasePagesController(
      CaseQueries cases,
      Signalements signalements,
      PathwayStarts starts,
      CaseScopes scopes,
      CaseReads reads,
      TerritoryService territory,
      org.springframework.beans.factory.ObjectProvider<CaseCorrespondence> correspondence) {
    this.correspondence = correspondence;
    this.starts = starts;
    this.cases = cases;
    this.signalements = signalements;
    this.scopes = scopes;
    this.reads = reads;
    this.territory = territory;
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
    try {
      model.addAttribute("c", cases.getCase(scopes.of(authentication), caseNumber));
    } catch (NotFoundException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    reads.read(authentication, request, PersonalDataRead.Surface.CASE_PAGE, List.of(caseNumber));
    // The "Écrire au jeune" form, when the messages module is there.
    CaseCorrespondence messages = correspondence.getIfAvailable();
    model.addAttribute("messageTemplates", messages == null ? null : messages.templates());
    return "case";
  }

  /** A supervisor retries the start of a pathway that could not start ("démarrage en échec"). */
  @PostMapping("/cases/{caseNumber}/start")
  @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
  String retryStart(@PathVariable String caseNumber) {
    if (!CaseNumbers.isValid(caseNumber)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    try {
      cases.getCase(CaseScope.ALL, caseNumber);
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
    return "case-new";
  }

  @PostMapping("/cases/new")
  @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
  String create(
      Authentication authentication,
      @RequestParam java.util.Map<String, String> form,
      HttpServletRequest http,
      Model model) {
    try {
      NewCaseRequest request =
          new NewCaseRequest(
              form.get("ine"),
              form.get("lastName"),
              form.get("firstName"),
              form.get("sex"),
              date(form.get("birthDate"), "birthDate", "La date de naissance"),
              form.get("address"),
              form.get("postalCode"),
              form.get("communeCode"),
              form.get("communeName"),
              form.get("phone"),
              form.get("email"),
              form.get("legalGuardian"),
              form.get("guardianPhone"),
              date(form.get("leavingDate"), "leavingDate", "La date de sortie"),
              form.get("leavingReason"),
              form.get("lastTraining"),
              level(form.get("lastLevel")),
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
          model.addAttribute("error", CaseController.followedElsewhere(outcome));
          model.addAttribute("form", form);
          model.addAttribute("levels", SchoolLevel.values());
          yield "case-new";
        }
      };
    } catch (InvalidInputException e) {
      model.addAttribute("error", e.getMessage());
      model.addAttribute("errorField", e.field());
      model.addAttribute("form", form);
      model.addAttribute("levels", SchoolLevel.values());
      return "case-new";
    }
  }

  private static LocalDate date(String value, String field, String what) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(field, what + " est invalide.");
    }
  }

  private static SchoolLevel level(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return SchoolLevel.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("lastLevel", "Niveau inconnu.");
    }
  }
}
