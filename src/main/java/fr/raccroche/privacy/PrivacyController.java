package fr.raccroche.privacy;

import fr.raccroche.pathway.CaseNumbers;
import fr.raccroche.shared.InvalidInputException;
import fr.raccroche.shared.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Data protection API: the access log (supervisors, administrators) and the immediate withdrawal
 * with erasure of a young person (administrators).
 */
@Tag(
    name = "Protection des données",
    description = "Journal des accès aux données personnelles et retraits (effacement).")
@RestController
class PrivacyController {
  private final AccessLogService accessLog;
  private final RetentionService retention;

  PrivacyController(AccessLogService accessLog, RetentionService retention) {
    this.accessLog = accessLog;
    this.retention = retention;
  }

  @Operation(summary = "Journal des accès aux données personnelles, filtré et paginé")
  @GetMapping("/api/access-log")
  @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
  PageResponse<AccessLogEntry> accessLog(
      Authentication authentication,
      @RequestParam(required = false) String caseNumber,
      @RequestParam(required = false) String userId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    if (page < 0) {
      throw new InvalidInputException("page", "Le numéro de page doit être positif ou nul.");
    }
    if (size < 1 || size > 500) {
      throw new InvalidInputException(
          "size", "La taille de page doit être comprise entre 1 et 500.");
    }
    String readable =
        AccessLogService.readableBy(authentication)
            .orElseThrow(() -> new AccessDeniedException("No département"));
    return PageResponse.of(
        accessLog.search(readable, caseNumber, userId, from, to, null, PageRequest.of(page, size)));
  }

  /** The request of a withdrawal: any case of the person, and why. */
  record WithdrawalRequest(String caseNumber, String reason) {}

  /** What a withdrawal did: the cases closed and anonymised. */
  record WithdrawalResult(List<String> caseNumbers, String message) {}

  @Operation(
      summary = "Retrait d'une personne (opposition, erreur) : dossiers clos et données effacées")
  @PostMapping("/api/erasures")
  @PreAuthorize("hasRole('ADMIN')")
  WithdrawalResult withdraw(Authentication authentication, @RequestBody WithdrawalRequest request) {
    if (request == null || request.caseNumber() == null || request.caseNumber().isBlank()) {
      throw new InvalidInputException("caseNumber", "Le numéro de dossier est obligatoire.");
    }
    if (!CaseNumbers.isValid(request.caseNumber())) {
      throw new InvalidInputException(
          "caseNumber",
          "Numéro de dossier invalide : « "
              + request.caseNumber()
              + " » (attendu AAAA-DD-NNNNNN).");
    }
    List<String> erased =
        retention.withdrawAndErase(
            request.caseNumber(), request.reason(), authentication.getName());
    return new WithdrawalResult(
        erased,
        "Le jeune est retiré : "
            + erased.size()
            + " dossier(s) clos et ses données personnelles effacées.");
  }
}
