package fr.raccroche.pathway;

import fr.raccroche.shared.InvalidInputException;
import fr.raccroche.shared.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import org.springframework.web.bind.annotation.RestController;

/** Cases API: list and read within the caller's scope, signal a young person, record events. */
@Tag(
    name = "Dossiers",
    description =
        "Dossiers des jeunes (un parcours YouthPathwayProcess chacun), dans le périmètre de l'utilisateur.")
@RestController
@RequestMapping("/api/cases")
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COORDINATOR', 'CASEWORKER')")
class CaseController {
  private final CaseQueries cases;
  private final CaseEvents events;
  private final Signalements signalements;
  private final PathwayStarts starts;
  private final CaseScopes scopes;
  private final CaseReads reads;
  private final DepartementTransfers transfers;

  CaseController(
      CaseQueries cases,
      CaseEvents events,
      DepartementTransfers transfers,
      Signalements signalements,
      PathwayStarts starts,
      CaseScopes scopes,
      CaseReads reads) {
    this.cases = cases;
    this.events = events;
    this.transfers = transfers;
    this.signalements = signalements;
    this.starts = starts;
    this.scopes = scopes;
    this.reads = reads;
  }

  @Operation(summary = "Liste paginée des dossiers visibles par l'utilisateur, avec filtres")
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

  @Operation(summary = "Un dossier par son numéro (lecture journalisée)")
  @GetMapping("/{caseNumber}")
  CaseView get(
      Authentication authentication, @PathVariable String caseNumber, HttpServletRequest request) {
    checkFormat(caseNumber);
    CaseView view = cases.getCase(scopes.of(authentication), caseNumber);
    reads.read(authentication, request, PersonalDataRead.Surface.CASE_API, List.of(caseNumber));
    return view;
  }

  @Operation(
      summary =
          "Signale un jeune : 201 nouveau dossier (parcours démarré), 200 dossier déjà ouvert dans"
              + " votre périmètre, 409 jeune suivi par un autre périmètre (rien n'est montré ni"
              + " modifié ; ce périmètre reçoit une tâche)")
  @PostMapping
  @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
  ResponseEntity<?> create(
      Authentication authentication, @RequestBody NewCaseRequest request, HttpServletRequest http) {
    CaseScope scope = scopes.of(authentication);
    Signalements.Outcome outcome =
        signalements.signal(scope, authentication.getName(), request.toNewCase());
    return switch (outcome.kind()) {
      case OPENED -> {
        URI location = URI.create("/api/cases/" + outcome.caseNumber());
        if (!scope.covers(outcome.perimeterCode(), null)) {
          // Opened where the place routes, outside the signaller's scope: the number only (the
          // person may be known there from an earlier case).
          yield ResponseEntity.created(location)
              .body(
                  java.util.Map.of(
                      "caseNumber", outcome.caseNumber(),
                      "perimeterCode", outcome.perimeterCode(),
                      "message",
                          "Dossier ouvert dans le périmètre "
                              + outcome.perimeterCode()
                              + ", qui suivra ce jeune."));
        }
        yield ResponseEntity.created(location).body(cases.getCase(scope, outcome.caseNumber()));
      }
      case EXISTING -> {
        CaseView existing = cases.getCase(scope, outcome.caseNumber());
        reads.read(
            authentication, http, PersonalDataRead.Surface.CASE_API, List.of(outcome.caseNumber()));
        yield ResponseEntity.ok(existing);
      }
      case FOLLOWED_ELSEWHERE -> {
        // The attempt is logged; the answer names the perimeter, nothing of the record.
        reads.read(
            authentication,
            http,
            PersonalDataRead.Surface.SIGNALEMENT_ELSEWHERE,
            List.of(outcome.caseNumber()));
        yield ResponseEntity.status(HttpStatus.CONFLICT)
            .body(
                java.util.Map.of(
                    "status", "FOLLOWED_ELSEWHERE",
                    "perimeterCode", outcome.perimeterCode(),
                    "perimeterName", outcome.perimeterName(),
                    "message", followedElsewhere(outcome)));
      }
    };
  }

  /** The French answer to a signalement of a young person another perimeter follows. */
  static String followedElsewhere(Signalements.Outcome outcome) {
    return "Ce jeune est déjà suivi par le périmètre « "
        + outcome.perimeterName()
        + " » ("
        + outcome.perimeterCode()
        + "). Ses coordonnateurs ont reçu une tâche pour examiner votre signalement ; aucune"
        + " information de leur dossier ne vous est montrée et rien n'a été modifié.";
  }

  /** The cases whose pathway could not start ("démarrages en échec"), for supervisors. */
  @Operation(
      summary =
          "Démarrages en échec : les dossiers dont le parcours n'a pas pu démarrer, avec le motif"
              + " (superviseurs)")
  @GetMapping("/start-failures")
  @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
  PageResponse<PathwayStarts.StartFailure> startFailures(
      Authentication authentication,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    if (page < 0 || size < 1 || size > 200) {
      throw new InvalidInputException(
          "size", "Page positive ou nulle, taille de page entre 1 et 200.");
    }
    return PageResponse.of(starts.failures(scopes.of(authentication), PageRequest.of(page, size)));
  }

  /**
   * Tries again now to start a case's pathway that could not start (once its cause is fixed): 200
   * with the case's status when it started, 409 with the French reason when it still fails.
   */
  @Operation(
      summary =
          "Relance le démarrage du parcours d'un dossier en échec, une fois la cause corrigée"
              + " (superviseurs) : 200 démarré, 409 avec le motif s'il échoue encore")
  @PostMapping("/{caseNumber}/start")
  @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
  ResponseEntity<?> retryStart(Authentication authentication, @PathVariable String caseNumber) {
    checkFormat(caseNumber);
    cases.getCase(scopes.of(authentication), caseNumber);
    if (starts.startNow(caseNumber)) {
      return ResponseEntity.ok(java.util.Map.of("caseNumber", caseNumber, "started", true));
    }
    String reason =
        starts.failuresAmong(List.of(caseNumber)).values().stream()
            .map(PathwayStarts.StartFailure::reason)
            .findFirst()
            .orElse("Le parcours n'a pas pu démarrer.");
    return ResponseEntity.status(HttpStatus.CONFLICT)
        .body(java.util.Map.of("caseNumber", caseNumber, "started", false, "message", reason));
  }

  @Operation(
      summary =
          "Événement sur un dossier (rescolarisation, déménagement…) : 204 ; 201 avec le numéro du"
              + " nouveau dossier pour un départ vers un autre département de la plateforme")
  @PostMapping("/{caseNumber}/events")
  @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
  ResponseEntity<?> event(
      Authentication authentication,
      @PathVariable String caseNumber,
      @RequestBody CaseEventRequest event) {
    checkFormat(caseNumber);
    // Unknown and out-of-scope cases answer the same.
    cases.getCase(scopes.of(authentication), caseNumber);
    String opened = apply(events, transfers, authentication, caseNumber, event);
    if (opened == null) {
      return ResponseEntity.noContent().build();
    }
    // The new case's number and département only: its content belongs to the other département.
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(
            java.util.Map.of(
                "caseNumber", caseNumber,
                "transferredTo", opened,
                "toDepartement", event.toDepartement().strip()));
  }

  /**
   * Sends an event to a case already found in the caller's scope (the API and the case page's
   * "Actions" form): the same rules for both, withdrawal for administrators only. Answers the
   * number of the case opened in another département by a {@code LEFT_DEPARTEMENT} that names one
   * this deployment serves, else null.
   */
  static String apply(
      CaseEvents events,
      DepartementTransfers transfers,
      Authentication authentication,
      String caseNumber,
      CaseEventRequest event) {
    if (event.type() == null) {
      throw new InvalidInputException("type", "Le type d'événement est obligatoire.");
    }
    event.validate();
    switch (event.type()) {
      case RE_ENROLLED ->
          events.reEnrolled(
              caseNumber,
              event.closureReason() == null
                  ? ClosureReason.RETURNED_TO_TRAINING
                  : event.closureReason());
      case MOVED_AWAY -> {
        if (event.perimeterCode() == null || event.perimeterCode().isBlank()) {
          throw new InvalidInputException(
              "perimeterCode", "Indiquez le périmètre où le jeune s'est installé.");
        }
        events.movedAway(caseNumber, event.perimeterCode());
      }
      case LEFT_DEPARTEMENT -> {
        String to = event.toDepartement() == null ? null : event.toDepartement().strip();
        if (to != null && !to.isEmpty()) {
          if (!transfers.isDepartement(to)) {
            throw new InvalidInputException(
                "toDepartement", "Département inconnu : « " + to + " ».");
          }
          if (transfers.serves(to)) {
            return transfers.transfer(
                caseNumber,
                new DepartementTransfers.Destination(
                    to, event.communeCode(), event.postalCode(), event.address(), event.phone()),
                authentication.getName());
          }
        }
        // Out of the deployment (or not said where): the case closes, nothing else.
        events.movedAway(caseNumber, null);
      }
      case SUPPORT_REFUSED -> events.supportRefused(caseNumber);
      case WITHDRAWN -> {
        if (authentication.getAuthorities().stream()
            .noneMatch(a -> a.getAuthority().equals("ROLE_ADMIN"))) {
          throw new AccessDeniedException("Only administrators withdraw a case");
        }
        events.withdraw(caseNumber, event.reason());
      }
      default -> throw new InvalidInputException("type", "Type d'événement inconnu.");
    }
    return null;
  }

  private static void checkFormat(String caseNumber) {
    if (!CaseNumbers.isValid(caseNumber)) {
      throw new InvalidInputException(
          "caseNumber",
          "Numéro de dossier invalide : « " + caseNumber + " » (attendu AAAA-DD-NNNNNN).");
    }
  }
}
