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
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
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
   * Starts an import of a CSV file or an Excel workbook ({@code sheet}: the sheet to read, the
   * first by default); answers 202 with its id and status (follow it on {@code GET
   * /api/imports/{id}}), or 200 with the final report when {@code wait=true}. With {@code
   * dryRun=true}, reads the whole file and answers 200 with what the import would do ({@link
   * ImportCheck}), writing nothing.
   */
  @Operation(
      summary =
          "Importe une liste (CSV ou classeur .xlsx, champ multipart « file », feuille « sheet »)"
              + " ; dryRun=true vérifie le fichier sans rien enregistrer")
  @PostMapping
  ResponseEntity<?> create(
      Authentication authentication,
      @RequestParam LeaverSource source,
      @RequestParam(defaultValue = "LEAVERS") ImportKind kind,
      @RequestParam(required = false) String partner,
      @RequestParam(required = false) String sheet,
      @RequestParam(defaultValue = "false") boolean wait,
      @RequestParam(defaultValue = "false") boolean dryRun,
      @RequestParam(required = false) MultipartFile file)
      throws IOException {
    if (file == null || file.isEmpty()) {
      throw new InvalidInputException(
          "file", "Joignez le fichier à importer (champ « file ») : il est vide ou absent.");
    }
    if (dryRun) {
      try (InputStream in = file.getInputStream()) {
        return ResponseEntity.ok(
            imports.check(
                in,
                file.getOriginalFilename(),
                sheet,
                source,
                kind,
                partner,
                authentication.getName()));
      }
    }
    ImportReport report;
    try (InputStream in = file.getInputStream()) {
      report =
          imports.submit(
              in,
              file.getOriginalFilename(),
              sheet,
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

  /**
   * The headers a source's files use for the canonical columns, beyond the built-in ones (JSON:
   * canonical name → list of headers).
   */
  @Operation(
      summary =
          "Alias d'en-têtes d'une source : nom canonique → en-têtes reconnus en plus des alias"
              + " intégrés")
  @GetMapping("/column-aliases/{source}")
  Map<String, List<String>> columnAliases(
      Authentication authentication, @PathVariable LeaverSource source) {
    return imports.columnAliases(authentication.getName(), source);
  }

  /**
   * Replaces a source's header aliases (JSON: canonical name → list of headers); 400 with a French
   * message when a column is unknown or a header already names another column.
   */
  @Operation(
      summary =
          "Remplace les alias d'en-têtes d'une source (superviseurs) : 400 si une colonne est"
              + " inconnue ou un en-tête déjà pris")
  @PutMapping("/column-aliases/{source}")
  Map<String, List<String>> defineColumnAliases(
      Authentication authentication,
      @PathVariable LeaverSource source,
      @RequestBody Map<String, List<String>> aliases) {
    return imports.defineColumnAliases(source, aliases, authentication.getName());
  }

  @Operation(summary = "Historique des imports")
  @GetMapping
  List<ImportReport> history(Authentication authentication) {
    return imports.history(authentication);
  }

  @Operation(summary = "Rapport d'un import")
  @GetMapping("/{id}")
  ImportReport report(@PathVariable long id, Authentication authentication) {
    imports.checkVisible(id, authentication);
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
    // 404 before any byte is written
    String departement = imports.checkVisible(id, authentication);
    // The rejected lines name people: the export is a read of personal data, in the import's
    // département.
    events.publishEvent(
        new PersonalDataRead(
            authentication.getName(),
            request.getRemoteAddr(),
            PersonalDataRead.Surface.IMPORT_REJECTIONS,
            List.of("import:" + id),
            departement));
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader(
        "Content-Disposition", "attachment; filename=\"import-" + id + "-lignes-rejetees.csv\"");
    Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
    imports.writeRejections(id, out);
    out.flush();
  }
}
