package fr.raccroche.detection;

import fr.raccroche.pathway.LeaverSource;
import fr.raccroche.shared.InvalidInputException;
import fr.raccroche.shared.web.ListParams;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The French upload page with the import history, and each import's report page. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
class ImportPagesController {
  private final ImportService imports;
  private final ImportTemplates templates;

  ImportPagesController(ImportService imports, ImportTemplates templates) {
    this.imports = imports;
    this.templates = templates;
  }

  static final List<ListParams.Column> COLUMNS =
      List.of(
          new ListParams.Column("id", "N°", false),
          new ListParams.Column("startedAt", "Date", false),
          new ListParams.Column("source", "Source", true),
          new ListParams.Column("fileName", "Fichier", true),
          new ListParams.Column("status", "État", true),
          new ListParams.Column("rowsRead", "Lues", false),
          new ListParams.Column("created", "Nouveaux", false),
          new ListParams.Column("merged", "Rapprochés", false),
          new ListParams.Column("updated", "Mis à jour", false),
          new ListParams.Column("unchanged", "Déjà connus", false),
          new ListParams.Column("rejected", "Rejetées", false),
          new ListParams.Column("excluded", "Exclues", false));

  /** What each column key sorts by: the entity's properties, never the key itself. */
  private static final Map<String, List<String>> SORTS =
      Map.ofEntries(
          Map.entry("id", List.of("id")),
          Map.entry("startedAt", List.of("startedAt")),
          Map.entry("source", List.of("source")),
          Map.entry("fileName", List.of("fileName")),
          Map.entry("status", List.of("status")),
          Map.entry("rowsRead", List.of("rowsRead")),
          Map.entry("created", List.of("rowsCreated")),
          Map.entry("merged", List.of("rowsMerged")),
          Map.entry("updated", List.of("rowsUpdated")),
          Map.entry("unchanged", List.of("rowsUnchanged")),
          Map.entry("rejected", List.of("rowsRejected")),
          Map.entry("excluded", List.of("rowsExcluded")));

  /** The upload form and the imports, filtered by status, source and dates, sorted, paged. */
  @GetMapping("/imports")
  String page(
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String source,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String page,
      @RequestParam(required = false) String size,
      @RequestParam(required = false) String sort,
      @RequestParam(required = false) String dir,
      Authentication authentication,
      HttpServletRequest request,
      Model model) {
    ListParams list =
        ListParams.read(request.getRequestURI(), COLUMNS, "id", false, page, size, sort, dir);
    ImportStatus statusFilter =
        value(ImportStatus.class, status, list, "État inconnu : le filtre par état est ignoré.");
    LeaverSource sourceFilter =
        value(
            LeaverSource.class, source, list, "Source inconnue : le filtre par source est ignoré.");
    LocalDate fromDate = date(from, list);
    LocalDate toDate = date(to, list);
    if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
      list.problem(
          "La date de fin doit être postérieure ou égale à la date de début : dates ignorées.");
      fromDate = null;
      toDate = null;
    }
    list.filter("status", statusFilter)
        .filter("source", sourceFilter)
        .filter("from", fromDate)
        .filter("to", toDate);
    LocalDate start = fromDate;
    LocalDate end = toDate;
    Page<ImportReport> found =
        list.fetch(
            list.springSort(SORTS, "id"),
            pageable ->
                imports.search(authentication, statusFilter, sourceFilter, start, end, pageable));
    model.addAttribute("history", found);
    model.addAttribute("list", list);
    model.addAttribute("listColumns", COLUMNS);
    model.addAttribute("status", statusFilter);
    model.addAttribute("source", sourceFilter);
    model.addAttribute("from", fromDate);
    model.addAttribute("to", toDate);
    model.addAttribute("statuses", ImportStatus.values());
    model.addAttribute("columns", ImportTemplates.columns());
    model.addAttribute("sources", LeaverSource.values());
    model.addAttribute("kinds", ImportKind.values());
    return "imports";
  }

  private static <E extends Enum<E>> E value(
      Class<E> type, String value, ListParams list, String problem) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip());
    } catch (IllegalArgumentException e) {
      list.problem(problem);
      return null;
    }
  }

  private static LocalDate date(String value, ListParams list) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      list.problem("Date illisible (attendu AAAA-MM-JJ) : filtre de date ignoré.");
      return null;
    }
  }

  /**
   * Imports the file, or with {@code action=check} ("Vérifier le fichier") shows what the import
   * would do without writing anything.
   */
  @PostMapping("/imports")
  String upload(
      Authentication authentication,
      @RequestParam(required = false) String source,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String partner,
      @RequestParam(required = false) String sheet,
      @RequestParam(required = false) String action,
      @RequestParam(required = false) MultipartFile file,
      HttpServletRequest request,
      Model model)
      throws IOException {
    try {
      if (file == null || file.isEmpty()) {
        throw new InvalidInputException("file", "Choisissez le fichier à importer.");
      }
      LeaverSource s =
          parse(LeaverSource.class, source, "source", "Choisissez la source de la liste.");
      ImportKind k = parse(ImportKind.class, kind, "kind", "Choisissez le type de liste.");
      if ("check".equals(action)) {
        ImportCheck check;
        try (InputStream in = file.getInputStream()) {
          check =
              imports.check(
                  in, file.getOriginalFilename(), sheet, s, k, partner, authentication.getName());
        }
        model.addAttribute("check", check);
        model.addAttribute("partner", partner);
        return "import-check";
      }
      ImportReport report;
      try (InputStream in = file.getInputStream()) {
        report =
            imports.submit(
                in,
                file.getOriginalFilename(),
                sheet,
                s,
                k,
                partner,
                authentication.getName(),
                false);
      }
      return "redirect:/imports/" + report.id();
    } catch (InvalidInputException e) {
      model.addAttribute("error", e.getMessage());
      model.addAttribute("sent", new Sent(source, kind, partner, sheet));
      return page(null, null, null, null, null, null, null, null, authentication, request, model);
    }
  }

  /** What the upload form had, shown again with its error. */
  record Sent(String source, String kind, String partner, String sheet) {}

  /** Each source's own headers for the canonical columns, beside the built-in ones. */
  @GetMapping("/imports/column-aliases")
  String aliases(
      Authentication authentication, @RequestParam(required = false) String source, Model model) {
    LeaverSource s =
        source == null || source.isBlank()
            ? LeaverSource.values()[0]
            : parse(LeaverSource.class, source, "source", "Source inconnue.");
    model.addAttribute("source", s);
    model.addAttribute("sources", LeaverSource.values());
    model.addAttribute("builtIn", ImportService.builtInColumnAliases());
    model.addAttribute("storedText", joined(imports.columnAliases(authentication.getName(), s)));
    return "import-aliases";
  }

  /** Saves a source's headers: one text area per column, one header per line. */
  @PostMapping("/imports/column-aliases")
  String saveAliases(
      Authentication authentication,
      @RequestParam String source,
      @RequestParam Map<String, String> form,
      Model model) {
    LeaverSource s = parse(LeaverSource.class, source, "source", "Source inconnue.");
    Map<String, List<String>> aliases = new LinkedHashMap<>();
    for (String column : ImportService.builtInColumnAliases().keySet()) {
      String text = form.get("alias_" + column);
      if (text == null) {
        continue;
      }
      List<String> headers =
          text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
      if (!headers.isEmpty()) {
        aliases.put(column, headers);
      }
    }
    try {
      imports.defineColumnAliases(s, aliases, authentication.getName());
      model.addAttribute("saved", true);
    } catch (InvalidInputException e) {
      model.addAttribute("error", e.getMessage());
      model.addAttribute("source", s);
      model.addAttribute("sources", LeaverSource.values());
      model.addAttribute("builtIn", ImportService.builtInColumnAliases());
      model.addAttribute("storedText", joined(aliases));
      return "import-aliases";
    }
    return aliases(authentication, s.name(), model);
  }

  @GetMapping("/imports/{id}")
  String report(@PathVariable long id, Authentication authentication, Model model) {
    try {
      imports.checkVisible(id, authentication);
    } catch (fr.raccroche.shared.NotFoundException e) {
      // Unknown, or another département's: the French 404 page.
      throw new org.springframework.web.server.ResponseStatusException(
          org.springframework.http.HttpStatus.NOT_FOUND);
    }
    model.addAttribute("report", imports.report(id));
    model.addAttribute("casesOpened", templates.casesOpened(id));
    model.addAttribute("casesShown", ImportTemplates.CASES_SHOWN);
    return "import";
  }

  /** The list's template: the header row, as CSV (UTF-8, semicolons) for Excel or any tool. */
  @GetMapping("/imports/modele.csv")
  org.springframework.http.ResponseEntity<byte[]> csvTemplate() {
    return org.springframework.http.ResponseEntity.ok()
        .contentType(org.springframework.http.MediaType.parseMediaType("text/csv;charset=UTF-8"))
        .header(
            org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"modele-liste-reperage.csv\"")
        .body(ImportTemplates.csv());
  }

  /** The same template as an Excel workbook, every column as text. */
  @GetMapping("/imports/modele.xlsx")
  org.springframework.http.ResponseEntity<byte[]> xlsxTemplate() {
    return org.springframework.http.ResponseEntity.ok()
        .contentType(
            org.springframework.http.MediaType.parseMediaType(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        .header(
            org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"modele-liste-reperage.xlsx\"")
        .body(ImportTemplates.xlsx());
  }

  /** Each column's headers, one per line, for the text areas. */
  private static Map<String, String> joined(Map<String, List<String>> aliases) {
    Map<String, String> text = new LinkedHashMap<>();
    aliases.forEach((column, headers) -> text.put(column, String.join("\n", headers)));
    return text;
  }

  private static <E extends Enum<E>> E parse(
      Class<E> type, String value, String field, String message) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(field, message);
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(field, message);
    }
  }
}
