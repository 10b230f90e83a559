package fr.raccroche.coordination;

import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Territorial diagnoses API (aggregates only); supervisors open a campaign by hand if needed. */
@RestController
@RequestMapping("/api/diagnoses")
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'PREFECTURE', 'COORDINATOR', 'CASEWORKER')")
class DiagnosisController {
  private final DiagnosisService diagnoses;

  DiagnosisController(DiagnosisService diagnoses) {
    this.diagnoses = diagnoses;
  }

  @GetMapping("/{perimeter}/{schoolYear}")
  Diagnosis get(@PathVariable String perimeter, @PathVariable String schoolYear) {
    return diagnoses.diagnosis(perimeter, schoolYear);
  }

  @GetMapping("/{perimeter}")
  List<Diagnosis> history(@PathVariable String perimeter) {
    return diagnoses.history(perimeter);
  }

  /** Opens the diagnosis of every perimeter for a school year (default: the current one). */
  @PostMapping("/campaign")
  @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
  Map<String, Object> campaign(@RequestParam(required = false) String schoolYear) {
    String year = schoolYear == null ? diagnoses.currentSchoolYear() : schoolYear;
    return Map.of("schoolYear", year, "opened", diagnoses.openCampaign(year));
  }
}
