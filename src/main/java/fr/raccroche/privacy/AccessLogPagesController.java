package fr.raccroche.privacy;

import fr.raccroche.shared.InvalidInputException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "Journal des accès": the supervisors' page over the access log, with its filters. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
class AccessLogPagesController {
  private final AccessLogService accessLog;

  AccessLogPagesController(AccessLogService accessLog) {
    this.accessLog = accessLog;
  }

  @GetMapping("/access-log")
  String page(
      @RequestParam(required = false) String caseNumber,
      @RequestParam(required = false) String userId,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    model.addAttribute("caseNumber", caseNumber);
    model.addAttribute("userId", userId);
    model.addAttribute("from", from);
    model.addAttribute("to", to);
    try {
      model.addAttribute(
          "entries",
          accessLog.search(
              caseNumber, userId, date(from), date(to), PageRequest.of(Math.max(page, 0), 100)));
    } catch (InvalidInputException e) {
      model.addAttribute("error", e.getMessage());
    }
    return "access-log";
  }

  private static LocalDate date(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          "date", "Date illisible : « " + value + " » (attendu AAAA-MM-JJ).");
    }
  }
}
