package fr.raccroche.pathway;

import fr.raccroche.shared.InvalidInputException;
import fr.raccroche.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
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
  private final org.springframework.beans.factory.ObjectProvider<CaseCorrespondence> correspondence;

  CasePagesController(
      CaseQueries cases,
      Signalements signalements,
      PathwayStarts starts,
      CaseScopes scopes,
      CaseReads reads,
      org.springframework.beans.factory.ObjectProvider<CaseCorrespondence> correspondence) {
    this.correspondence = correspondence;
    this.starts = starts;
    this.cases = cases;
    this.signalements = signalements;
    this.scopes = scopes;
    this.reads = reads;
  }

  @GetMapping("/cases")
  String list(
      Authentication authentication,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) CaseStatus status,
      @RequestParam(defaultValue = "0") int page,
      HttpServletRequest request,
      Model model) {
    Page<CaseSummary> found =
        cases.findCases(
            scopes.of(authentication),
            new CaseFilter(null, status, q),
            PageRequest.of(Math.max(page, 0), 50));
    reads.read(
        authentication,
        request,
        PersonalDataRead.Surface.CASE_LIST_PAGE,
        found.map(CaseSummary::caseNumber).getContent());
    model.addAttribute("cases", found);
    model.addAttribute("q", q);
    model.addAttribute("status", status);
    model.addAttribute("statuses", CaseStatus.values());
    return "cases";
  }

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
