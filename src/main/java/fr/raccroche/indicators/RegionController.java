package fr.raccroche.indicators;

import fr.raccroche.indicators.internal.CsvReport;
import fr.raccroche.indicators.internal.PdfReport;
import fr.raccroche.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Regional steering API: the indicators of the region's départements side by side and consolidated,
 * as JSON, CSV or PDF; the region's objectives (set by the regional steering group itself, or an
 * administrator). Aggregates only, masked.
 */
@Tag(
    name = "Pilotage régional",
    description =
        "Indicateurs des départements de la région côte à côte et consolidés (agrégats masqués),"
            + " objectifs régionaux.")
@RestController
@RequestMapping("/api/region")
@PreAuthorize("hasAnyRole('ADMIN', 'REGION')")
class RegionController {
  private final IndicatorService indicators;
  private final RegionalIndicators region;

  RegionController(IndicatorService indicators, RegionalIndicators region) {
    this.indicators = indicators;
    this.region = region;
  }

  @Operation(summary = "Indicateurs d'un trimestre pour chaque département de la région")
  @GetMapping("/indicators")
  RegionalReport report(
      @RequestParam(required = false) String schoolYear,
      @RequestParam(required = false) String quarter) {
    return region.report(indicators.period(schoolYear, quarter));
  }

  @Operation(summary = "Indicateurs régionaux d'un trimestre en CSV ou en PDF")
  @GetMapping("/indicators/export")
  ResponseEntity<byte[]> export(
      @RequestParam(required = false) String schoolYear,
      @RequestParam(required = false) String quarter,
      @RequestParam(required = false) String format) {
    String f = format == null ? "" : format.strip().toLowerCase();
    if (!f.equals("csv") && !f.equals("pdf")) {
      throw new InvalidInputException(
          "format", "Format d'export inconnu : « " + format + " » (csv ou pdf).");
    }
    RegionalReport r = region.report(indicators.period(schoolYear, quarter));
    String name = "indicateurs-region-" + r.regionCode() + "-" + r.quarter() + "." + f;
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name).build().toString())
        .contentType(
            f.equals("csv")
                ? new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)
                : MediaType.APPLICATION_PDF)
        .body(f.equals("csv") ? CsvReport.writeRegional(r) : PdfReport.writeRegional(r));
  }

  @Operation(summary = "Objectifs régionaux d'une année scolaire")
  @GetMapping("/objectives")
  List<Objective> objectives(@RequestParam(required = false) String schoolYear) {
    if (schoolYear == null || schoolYear.isBlank()) {
      throw new InvalidInputException(
          "schoolYear", "L'année scolaire est obligatoire (par exemple 2025-2026).");
    }
    return region.objectives(schoolYear);
  }

  /** What the regional steering group sends to set one of the region's objectives. */
  record ObjectiveRequest(String schoolYear, String indicator, String kind, BigDecimal target) {}

  @Operation(summary = "Fixe un objectif régional pour une année scolaire")
  @PutMapping("/objectives")
  Objective setObjective(Authentication authentication, @RequestBody ObjectiveRequest request) {
    return region.setObjective(
        request.schoolYear(),
        request.indicator(),
        request.kind(),
        request.target(),
        authentication.getName());
  }
}
