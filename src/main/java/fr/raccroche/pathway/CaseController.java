package fr.raccroche.pathway;

import fr.raccroche.shared.InvalidInputException;
import fr.raccroche.shared.web.PageResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Cases API: list and read within the caller's scope, signal a young person, record events. */
@RestController
@RequestMapping("/api/cases")
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COORDINATOR', 'CASEWORKER')")
class CaseController {
  private final CaseService cases;
  private final CaseScopes scopes;
  private final CaseReads reads;

  CaseController(CaseService cases, CaseScopes scopes, CaseReads reads) {
    this.cases = cases;
    this.scopes = scopes;
    this.reads = reads;
  }

  @GetMapping
  PageResponse<CaseSummary> list(
      Authentication authentication,
      @RequestParam(required = false) String perimeter,
      @RequestParam(required = false) CaseStatus status,
      @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size,
      HttpServletRequest request) {
    if (page < 0) {
      throw new InvalidInputException("page", "Le numéro de page doit être positif ou nul.");
    }
    if (size < 1 || size > 200) {
      throw new InvalidInputException(
          "size", "La taille de page doit être comprise entre 1 et 200.");
    }
    if (q != null && q.length() > CaseFilter.MAX_TEXT) {
      throw new InvalidInputException(
          "q", "La recherche dépasse " + CaseFilter.MAX_TEXT + " caractères.");
    }
    Page<CaseSummary> found =
        cases.findCases(
            scopes.of(authentication),
            new CaseFilter(perimeter, status, q),
            PageRequest.of(page, size));
    reads.read(
        authentication,
        request,
        PersonalDataRead.Surface.CASE_LIST_API,
        found.map(CaseSummary::caseNumber).getContent());
    return PageResponse.of(found);
  }

  @GetMapping("/{caseNumber}")
  CaseView get(
      Authentication authentication, @PathVariable String caseNumber, HttpServletRequest request) {
    checkFormat(caseNumber);
    CaseView view = cases.getCase(scopes.of(authentication), caseNumber);
    reads.read(authentication, request, PersonalDataRead.Surface.CASE_API, List.of(caseNumber));
    return view;
  }

  @PostMapping
  @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
  ResponseEntity<CaseView> create(@RequestBody NewCaseRequest request) {
    CaseView created = cases.startCase(request.toNewCase());
    return ResponseEntity.created(URI.create("/api/cases/" + created.caseNumber())).body(created);
  }

  @PostMapping("/{caseNumber}/events")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
  void event(
      Authentication authentication,
      @PathVariable String caseNumber,
      @RequestBody CaseEventRequest event) {
    checkFormat(caseNumber);
    // Unknown and out-of-scope cases answer the same.
    cases.getCase(scopes.of(authentication), caseNumber);
    if (event.type() == null) {
      throw new InvalidInputException("type", "Le type d'événement est obligatoire.");
    }
    event.validate();
    switch (event.type()) {
      case RE_ENROLLED ->
          cases.reEnrolled(
              caseNumber,
              event.closureReason() == null
                  ? ClosureReason.RETURNED_TO_TRAINING
                  : event.closureReason());
      case MOVED_AWAY -> {
        if (event.perimeterCode() == null || event.perimeterCode().isBlank()) {
          throw new InvalidInputException(
              "perimeterCode", "Indiquez le périmètre où le jeune s'est installé.");
        }
        cases.movedAway(caseNumber, event.perimeterCode());
      }
      case LEFT_DEPARTEMENT -> cases.movedAway(caseNumber, null);
      case SUPPORT_REFUSED -> cases.supportRefused(caseNumber);
      case WITHDRAWN -> {
        if (authentication.getAuthorities().stream()
            .noneMatch(a -> a.getAuthority().equals("ROLE_ADMIN"))) {
          throw new AccessDeniedException("Only administrators withdraw a case");
        }
        cases.withdraw(caseNumber, event.reason());
      }
      default -> throw new InvalidInputException("type", "Type d'événement inconnu.");
    }
  }

  private static void checkFormat(String caseNumber) {
    if (!CaseNumbers.isValid(caseNumber)) {
      throw new InvalidInputException(
          "caseNumber",
          "Numéro de dossier invalide : « " + caseNumber + " » (attendu AAAA-DD-NNNNNN).");
    }
  }
}
