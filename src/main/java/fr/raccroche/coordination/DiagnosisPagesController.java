package fr.raccroche.coordination;

import fr.raccroche.indicators.AggregateReader;
import fr.raccroche.indicators.IndicatorService;
import fr.raccroche.shared.InvalidInputException;
import fr.raccroche.shared.NotFoundException;
import fr.raccroche.territory.Perimeter;
import fr.raccroche.territory.TerritoryService;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * French pages of the territorial diagnosis, and its PDF export; read as the API is (a perimeter
 * out of the reader's scope: 403; small counts masked for the prefecture).
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'PREFECTURE', 'COORDINATOR')")
class DiagnosisPagesController {
  private final DiagnosisService diagnoses;
  private final TerritoryService territory;
  private final IndicatorService indicators;
  private final DiagnosisPdf pdf;

  DiagnosisPagesController(
      DiagnosisService diagnoses,
      TerritoryService territory,
      IndicatorService indicators,
      DiagnosisPdf pdf) {
    this.diagnoses = diagnoses;
    this.territory = territory;
    this.indicators = indicators;
    this.pdf = pdf;
  }

  /** The perimeters this reader may open, in the territory's order. */
  private List<Perimeter> readable(AggregateReader reader) {
    return territory.perimeters().stream().filter(p -> reader.reads(p.code())).toList();
  }

  @GetMapping("/diagnoses")
  String index(
      @RequestParam(required = false) String perimeter,
      @RequestParam(required = false) String schoolYear,
      Authentication who) {
    List<Perimeter> readable = readable(indicators.reader(who));
    if (readable.isEmpty()) {
      throw new AccessDeniedException("No perimeter in the reader's scope");
    }
    String p = perimeter == null || perimeter.isBlank() ? readable.get(0).code() : perimeter;
    String y =
        schoolYear == null || schoolYear.isBlank() ? diagnoses.currentSchoolYear() : schoolYear;
    return "redirect:/diagnoses/" + p + "/" + y;
  }

  @GetMapping("/diagnoses/{perimeter}/{schoolYear}")
  String show(
      @PathVariable String perimeter,
      @PathVariable String schoolYear,
      Authentication who,
      Model model) {
    AggregateReader reader = indicators.reader(who);
    Diagnosis d = found(perimeter, schoolYear, reader);
    List<Diagnosis> history = diagnoses.history(perimeter, reader);
    model.addAttribute("d", d);
    model.addAttribute("f", d.figures());
    model.addAttribute("history", history);
    model.addAttribute("perimeters", readable(reader));
    model.addAttribute("currentYear", diagnoses.currentSchoolYear());
    return "diagnosis";
  }

  @GetMapping("/diagnoses/{perimeter}/{schoolYear}.pdf")
  ResponseEntity<byte[]> pdf(
      @PathVariable String perimeter, @PathVariable String schoolYear, Authentication who) {
    AggregateReader reader = indicators.reader(who);
    Diagnosis d = found(perimeter, schoolYear, reader);
    byte[] body = pdf.render(d, diagnoses.history(perimeter, reader));
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

  private Diagnosis found(String perimeter, String schoolYear, AggregateReader reader) {
    try {
      return diagnoses.diagnosis(perimeter, schoolYear, reader);
    } catch (NotFoundException | InvalidInputException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
  }
}
