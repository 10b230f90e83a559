package fr.raccroche.detection;

import fr.raccroche.pathway.LeaverSource;
import fr.raccroche.shared.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
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

  ImportPagesController(ImportService imports) {
    this.imports = imports;
  }

  @GetMapping("/imports")
  String page(Model model) {
    model.addAttribute("history", imports.history());
    model.addAttribute("sources", LeaverSource.values());
    model.addAttribute("kinds", ImportKind.values());
    return "imports";
  }

  @PostMapping("/imports")
  String upload(
      Authentication authentication,
      @RequestParam(required = false) String source,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String partner,
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
      ImportReport report;
      try (InputStream in = file.getInputStream()) {
        report =
            imports.submit(
                in, file.getOriginalFilename(), s, k, partner, authentication.getName(), false);
      }
      return "redirect:/imports/" + report.id();
    } catch (InvalidInputException e) {
      model.addAttribute("error", e.getMessage());
      return page(model);
    }
  }

  @GetMapping("/imports/{id}")
  String report(@PathVariable long id, Model model) {
    model.addAttribute("report", imports.report(id));
    return "import";
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
