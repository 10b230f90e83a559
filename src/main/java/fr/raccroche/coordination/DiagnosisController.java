package fr.raccroche.coordination;

import fr.raccroche.indicators.IndicatorService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Territorial diagnoses API (aggregates only); supervisors open a campaign by hand if needed. Read
 * as the indicators are (docs/security.md S9): a coordinator their own perimeters, the prefecture
 * every perimeter with small counts masked, caseworkers nothing.
 */
@Tag(
    name = "Diagnostics territoriaux",
    description = "Diagnostic annuel des forces et faiblesses de chaque périmètre.")
@RestController
@RequestMapping("/api/diagnoses")
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'PREFECTURE', 'COORDINATOR')")
class DiagnosisController {
  private final DiagnosisService diagnoses;
  private final IndicatorService indicators;

  DiagnosisController(DiagnosisService diagnoses, IndicatorService indicators) {
    this.diagnoses = diagnoses;
    this.indicators = indicators;
  }

  @Operation(summary = "Diagnostic d'un périmètre pour une année scolaire")
  @GetMapping("/{perimeter}/{schoolYear}")
  Diagnosis get(
      @PathVariable String perimeter, @PathVariable String schoolYear, Authentication who) {
    return diagnoses.diagnosis(perimeter, schoolYear, indicators.reader(who));
  }

  @Operation(summary = "Diagnostics successifs d'un périmètre")
  @GetMapping("/{perimeter}")
  List<Diagnosis> history(@PathVariable String perimeter, Authentication who) {
    return diagnoses.history(perimeter, indicators.reader(who));
  }

  /** Opens the diagnosis of every perimeter for a school year (default: the current one). */
  @Operation(summary = "Ouvre la campagne de diagnostic d'une année scolaire")
  @PostMapping("/campaign")
  @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
  Map<String, Object> campaign(@RequestParam(required = false) String schoolYear) {
    String year = schoolYear == null ? diagnoses.currentSchoolYear() : schoolYear;
    return Map.of("schoolYear", year, "opened", diagnoses.openCampaign(year));
  }
}
