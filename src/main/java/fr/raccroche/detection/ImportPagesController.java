package fr.raccroche.detection;

import fr.raccroche.pathway.LeaverSource;
import fr.raccroche.shared.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  @GetMapping("/imports")
  String page(Model model) {
    model.addAttribute("history", imports.history());
    model.addAttribute("columns", ImportTemplates.columns());
    model.addAttribute("sources", LeaverSource.values());
    model.addAttribute("kinds", ImportKind.values());
    return "imports";
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
          check = imports.check(in, file.getOriginalFilename(), sheet, s, k, partner);
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
      return page(model);
    }
  }

  /** Each source's own headers for the canonical columns, beside the built-in ones. */
  @GetMapping("/imports/column-aliases")
  String aliases(@RequestParam(required = false) String source, Model model) {
    LeaverSource s =
        source == null || source.isBlank()
            ? LeaverSource.values()[0]
            : parse(LeaverSource.class, source, "source", "Source inconnue.");
    model.addAttribute("source", s);
    model.addAttribute("sources", LeaverSource.values());
    model.addAttribute("builtIn", ImportService.builtInColumnAliases());
    model.addAttribute("storedText", joined(imports.columnAliases(s)));
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
    return aliases(s.name(), model);
  }

  @GetMapping("/imports/{id}")
  String report(@PathVariable long id, Model model) {
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
