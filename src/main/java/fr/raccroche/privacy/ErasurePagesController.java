package fr.raccroche.privacy;

import fr.raccroche.pathway.CaseNumbers;
import fr.raccroche.shared.InvalidInputException;
import fr.raccroche.shared.NotFoundException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The administrators' withdrawal form on the case page (same rule as {@code /api/erasures}). */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class ErasurePagesController {
  private final RetentionService retention;

  ErasurePagesController(RetentionService retention) {
    this.retention = retention;
  }

  @PostMapping("/cases/{caseNumber}/erasure")
  String withdraw(
      Authentication authentication,
      @PathVariable String caseNumber,
      @RequestParam(required = false) String reason) {
    if (!CaseNumbers.isValid(caseNumber)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    try {
      retention.withdrawAndErase(caseNumber, reason, authentication.getName());
    } catch (NotFoundException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    } catch (InvalidInputException e) {
      return "redirect:/cases/"
          + caseNumber
          + "?erasureError="
          + URLEncoder.encode(e.getMessage(), StandardCharsets.UTF_8);
    }
    return "redirect:/cases/" + caseNumber + "?erased";
  }
}
