package fr.raccroche.indicators;

import fr.raccroche.indicators.IndicatorService.Period;
import fr.raccroche.indicators.internal.CsvReport;
import fr.raccroche.indicators.internal.PdfReport;
import fr.raccroche.indicators.internal.Viewer;
import fr.raccroche.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Indicators API: the quarterly report as JSON, CSV or PDF; the snapshots and the manual start of
 * the quarterly process; the objectives. The prefecture and coordinators (their own perimeter) read
 * masked reports; supervisors and administrators read exact ones and manage.
 */
@Tag(
    name = "Indicateurs",
    description =
        "Indicateurs trimestriels pour la préfecture (agrégats uniquement), instantanés et objectifs.")
@RestController
@RequestMapping("/api/indicators")
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'PREFECTURE', 'COORDINATOR')")
class IndicatorController {
  private final IndicatorService indicators;

  IndicatorController(IndicatorService indicators) {
    this.indicators = indicators;
  }

  @Operation(
      summary = "Rapport d'indicateurs d'un trimestre (JSON), pour le département ou un périmètre")
  @GetMapping
  IndicatorReport report(
      Authentication authentication,
      @RequestParam(required = false) String schoolYear,
      @RequestParam(required = false) String quarter,
      @RequestParam(required = false) String departement,
      @RequestParam(required = false) String perimeter,
      @RequestParam(defaultValue = "false") boolean live) {
    return build(authentication, schoolYear, quarter, departement, perimeter, live);
  }

  @Operation(summary = "Rapport d'indicateurs d'un trimestre en CSV ou en PDF")
  @GetMapping("/export")
  ResponseEntity<byte[]> export(
      Authentication authentication,
      @RequestParam(required = false) String schoolYear,
      @RequestParam(required = false) String quarter,
      @RequestParam(required = false) String departement,
      @RequestParam(required = false) String perimeter,
      @RequestParam(defaultValue = "false") boolean live,
      @RequestParam(required = false) String format) {
    String f = format == null ? "" : format.strip().toLowerCase();
    if (!f.equals("csv") && !f.equals("pdf")) {
      throw new InvalidInputException(
          "format", "Format d'export inconnu : « " + format + " » (csv ou pdf).");
    }
    IndicatorReport r = build(authentication, schoolYear, quarter, departement, perimeter, live);
    String name =
        "indicateurs-"
            + r.departement()
            + (r.perimeter() == null ? "" : "-" + r.perimeter())
            + "-"
            + r.quarter()
            + "."
            + f;
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name).build().toString())
        .contentType(
            f.equals("csv")
                ? new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)
                : MediaType.APPLICATION_PDF)
        .body(f.equals("csv") ? CsvReport.write(r) : PdfReport.write(r));
  }

  private IndicatorReport build(
      Authentication authentication,
      String schoolYear,
      String quarter,
      String departement,
      String perimeter,
      boolean live) {
    Viewer viewer = indicators.viewer(authentication);
    Period period = indicators.period(schoolYear, quarter);
    var scope = indicators.scope(authentication, departement, perimeter);
    return indicators.report(
        period, scope.departement(), scope.perimeter(), live && viewer.manager(), viewer.mask());
  }

  @Operation(summary = "Instantanés trimestriels d'une année scolaire, pour un département")
  @GetMapping("/snapshots")
  List<SnapshotSummary> snapshots(
      Authentication authentication,
      @RequestParam(required = false) String schoolYear,
      @RequestParam(required = false) String quarter,
      @RequestParam(required = false) String departement) {
    Period period = indicators.period(schoolYear, quarter);
    return indicators.snapshots(
        period, indicators.scope(authentication, departement, null).departement());
  }

  /**
   * Starts QuarterlyIndicatorsProcess for a quarter (a new draft for the supervisors to review).
   */
  @Operation(summary = "Lance le calcul d'un instantané trimestriel (QuarterlyIndicatorsProcess)")
  @PostMapping("/snapshots")
  @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
  ResponseEntity<Map<String, String>> start(
      Authentication authentication,
      @RequestParam(required = false) String schoolYear,
      @RequestParam(required = false) String quarter,
      @RequestParam(required = false) String departement) {
    Period period = indicators.period(schoolYear, quarter);
    String d = indicators.scope(authentication, departement, null).departement();
    String id = indicators.startQuarterlyProcess(period, d);
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(
            Map.of(
                "processInstanceId",
                id,
                "schoolYear",
                period.schoolYear().toString(),
                "quarter",
                period.quarter().toString(),
                "departement",
                d));
  }

  @Operation(summary = "Objectifs d'une année scolaire, par indicateur et par périmètre")
  @GetMapping("/objectives")
  List<Objective> objectives(
      Authentication authentication,
      @RequestParam(required = false) String schoolYear,
      @RequestParam(required = false) String departement) {
    if (schoolYear == null) {
      throw new InvalidInputException(
          "schoolYear", "L'année scolaire est obligatoire (par exemple 2025-2026).");
    }
    String sy = SchoolYear.parse(schoolYear).toString();
    Viewer viewer = indicators.viewer(authentication);
    String d =
        viewer.departement(
            departement == null || departement.isBlank()
                ? null
                : indicators.departement(departement),
            indicators.departement());
    return indicators.objectives(d, sy);
  }

  /**
   * What a supervisor sends to set an objective ({@code perimeter} null = the département; {@code
   * departement} null = the supervisor's).
   */
  record ObjectiveRequest(
      String schoolYear,
      String departement,
      String perimeter,
      String indicator,
      String kind,
      BigDecimal target) {}

  @Operation(summary = "Fixe l'objectif d'un indicateur pour une année scolaire")
  @PutMapping("/objectives")
  @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
  Objective setObjective(Authentication authentication, @RequestBody ObjectiveRequest request) {
    if (request.schoolYear() == null) {
      throw new InvalidInputException(
          "schoolYear", "L'année scolaire est obligatoire (par exemple 2025-2026).");
    }
    String d = indicators.scope(authentication, request.departement(), null).departement();
    return indicators.setObjective(
        d,
        request.schoolYear(),
        request.perimeter(),
        request.indicator(),
        request.kind(),
        request.target(),
        authentication.getName());
  }
}
