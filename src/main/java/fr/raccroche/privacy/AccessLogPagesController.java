package fr.raccroche.privacy;

import fr.raccroche.pathway.PersonalDataRead;
import fr.raccroche.shared.InvalidInputException;
import fr.raccroche.shared.web.ListParams;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Journal des accès": the supervisors' page over the access log, filtered by user, case, dates and
 * surface ("accès par"), sorted by any column, paged; everything in the URL.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
class AccessLogPagesController {
  static final List<ListParams.Column> COLUMNS =
      List.of(
          new ListParams.Column("readAt", "Date et heure", false),
          new ListParams.Column("userId", "Utilisateur", true),
          new ListParams.Column("caseNumber", "Dossier", true),
          new ListParams.Column("surface", "Accès par", true),
          new ListParams.Column("remoteAddress", "Adresse", true));

  /** What each column key sorts by: the entity's properties, never the key itself. */
  private static final Map<String, List<String>> SORTS =
      Map.of(
          "readAt", List.of("readAt"),
          "userId", List.of("userId"),
          "caseNumber", List.of("caseNumber"),
          "surface", List.of("surface"),
          "remoteAddress", List.of("remoteAddress"));

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
      @RequestParam(required = false) String surface,
      @RequestParam(required = false) String page,
      @RequestParam(required = false) String size,
      @RequestParam(required = false) String sort,
      @RequestParam(required = false) String dir,
      org.springframework.security.core.Authentication authentication,
      HttpServletRequest request,
      Model model) {
    String readable =
        AccessLogService.readableBy(authentication)
            .orElseThrow(
                () ->
                    new org.springframework.security.access.AccessDeniedException(
                        "No département"));
    ListParams list =
        ListParams.read(request.getRequestURI(), COLUMNS, "readAt", false, page, size, sort, dir);
    String caseFilter = text(caseNumber, 40);
    String userFilter = text(userId, 100);
    PersonalDataRead.Surface surfaceFilter = null;
    if (surface != null && !surface.isBlank()) {
      try {
        surfaceFilter = PersonalDataRead.Surface.valueOf(surface.strip());
      } catch (IllegalArgumentException e) {
        list.problem("Type d'accès inconnu : le filtre est ignoré.");
      }
    }
    list.filter("caseNumber", caseFilter)
        .filter("userId", userFilter)
        .filter("surface", surfaceFilter)
        .filter("from", from == null ? null : from.strip())
        .filter("to", to == null ? null : to.strip());
    model.addAttribute("caseNumber", caseFilter);
    model.addAttribute("userId", userFilter);
    model.addAttribute("from", from);
    model.addAttribute("to", to);
    model.addAttribute("surface", surfaceFilter);
    model.addAttribute("surfaces", PersonalDataRead.Surface.values());
    model.addAttribute("list", list);
    model.addAttribute("columns", COLUMNS);
    PersonalDataRead.Surface chosen = surfaceFilter;
    try {
      LocalDate start = date(from);
      LocalDate end = date(to);
      model.addAttribute(
          "entries",
          list.fetch(
              list.springSort(SORTS, "id"),
              pageable ->
                  accessLog.search(
                      readable, caseFilter, userFilter, start, end, chosen, pageable)));
    } catch (InvalidInputException e) {
      model.addAttribute("error", e.getMessage());
    }
    return "access-log";
  }

  private static String text(String value, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String s = value.strip();
    return s.length() > max ? s.substring(0, max) : s;
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
