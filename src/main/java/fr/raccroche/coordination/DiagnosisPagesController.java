package fr.raccroche.coordination;

import fr.raccroche.shared.InvalidInputException;
import fr.raccroche.shared.NotFoundException;
import fr.raccroche.territory.TerritoryService;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** French pages of the territorial diagnosis, and its PDF export. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'PREFECTURE', 'COORDINATOR', 'CASEWORKER')")
class DiagnosisPagesController {
  private final DiagnosisService diagnoses;
  private final TerritoryService territory;
  private final DiagnosisPdf pdf;

  DiagnosisPagesController(
      DiagnosisService diagnoses, TerritoryService territory, DiagnosisPdf pdf) {
    this.diagnoses = diagnoses;
    this.territory = territory;
    this.pdf = pdf;
  }

  @GetMapping("/diagnoses")
  String index(
      @RequestParam(required = false) String perimeter,
      @RequestParam(required = false) String schoolYear) {
    String p =
        perimeter == null || perimeter.isBlank() ? territory.perimeters().get(0).code() : perimeter;
    String y =
        schoolYear == null || schoolYear.isBlank() ? diagnoses.currentSchoolYear() : schoolYear;
    return "redirect:/diagnoses/" + p + "/" + y;
  }

  @GetMapping("/diagnoses/{perimeter}/{schoolYear}")
  String show(@PathVariable String perimeter, @PathVariable String schoolYear, Model model) {
    Diagnosis d = found(perimeter, schoolYear);
    List<Diagnosis> history = diagnoses.history(perimeter);
    model.addAttribute("d", d);
    model.addAttribute("f", d.figures());
    model.addAttribute("history", history);
    model.addAttribute("perimeters", territory.perimeters());
    model.addAttribute("currentYear", diagnoses.currentSchoolYear());
    return "diagnosis";
  }

  @GetMapping("/diagnoses/{perimeter}/{schoolYear}.pdf")
  ResponseEntity<byte[]> pdf(@PathVariable String perimeter, @PathVariable String schoolYear) {
    Diagnosis d = found(perimeter, schoolYear);
    byte[] body = pdf.render(d, diagnoses.history(perimeter));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("diagnostic-" + perimeter + "-" + schoolYear + ".pdf")
                .build()
                .toString())
        .body(body);
  }

  private Diagnosis found(String perimeter, String schoolYear) {
    try {
      return diagnoses.diagnosis(perimeter, schoolYear);
    } catch (NotFoundException | InvalidInputException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
  }
}
