package fr.raccroche.detection;

import fr.raccroche.pathway.LeaverSource;
import fr.raccroche.pathway.PersonalDataRead;
import fr.raccroche.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Imports API: supervisors and administrators import the leaver lists and read the reports. */
@Tag(
    name = "Imports",
    description = "Import des listes de jeunes sortis sans diplôme (CSV) et rapports d'import.")
@RestController
@RequestMapping("/api/imports")
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
class ImportController {
  private final ImportService imports;
  private final ApplicationEventPublisher events;

  ImportController(ImportService imports, ApplicationEventPublisher events) {
    this.imports = imports;
    this.events = events;
  }

  /**
   * Starts an import; answers 202 with its id and status (follow it on {@code GET
   * /api/imports/{id}}), or 200 with the final report when {@code wait=true}.
   */
  @Operation(summary = "Importe une liste (fichier CSV, champ multipart « file »)")
  @PostMapping
  ResponseEntity<ImportReport> create(
      Authentication authentication,
      @RequestParam LeaverSource source,
      @RequestParam(defaultValue = "LEAVERS") ImportKind kind,
      @RequestParam(required = false) String partner,
      @RequestParam(defaultValue = "false") boolean wait,
      @RequestParam(required = false) MultipartFile file)
      throws IOException {
    if (file == null || file.isEmpty()) {
      throw new InvalidInputException(
          "file", "Joignez le fichier à importer (champ « file ») : il est vide ou absent.");
    }
    ImportReport report;
    try (InputStream in = file.getInputStream()) {
      report =
          imports.submit(
              in,
              file.getOriginalFilename(),
              source,
              kind,
              partner,
              authentication.getName(),
              wait);
    }
    return ResponseEntity.status(wait ? HttpStatus.OK : HttpStatus.ACCEPTED)
        .location(URI.create("/api/imports/" + report.id()))
        .body(report);
  }

  @Operation(summary = "Historique des imports")
  @GetMapping
  List<ImportReport> history() {
    return imports.history();
  }

  @Operation(summary = "Rapport d'un import")
  @GetMapping("/{id}")
  ImportReport report(@PathVariable long id) {
    return imports.report(id);
  }

  /** The rejected and excluded lines, as CSV for a spreadsheet. */
  @Operation(summary = "Lignes rejetées d'un import, avec leur motif (CSV)")
  @GetMapping("/{id}/rejections")
  void rejections(
      @PathVariable long id,
      Authentication authentication,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    imports.report(id); // 404 before any byte is written
    // The rejected lines name people: the export is a read of personal data.
    events.publishEvent(
        new PersonalDataRead(
            authentication.getName(),
            request.getRemoteAddr(),
            PersonalDataRead.Surface.IMPORT_REJECTIONS,
            List.of("import:" + id)));
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader(
        "Content-Disposition", "attachment; filename=\"import-" + id + "-lignes-rejetees.csv\"");
    Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
    imports.writeRejections(id, out);
    out.flush();
  }
}
