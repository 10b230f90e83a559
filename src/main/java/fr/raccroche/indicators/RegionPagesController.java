package fr.raccroche.indicators;

import fr.raccroche.indicators.IndicatorService.Period;
import fr.raccroche.shared.InvalidInputException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The regional steering page ({@code /region}): the indicators of the region's départements side by
 * side and consolidated, the region's objectives (set here by the regional steering group), the
 * trend of each département, the regional CSV and PDF. Aggregates only, masked.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'REGION')")
class RegionPagesController {
  private final IndicatorService indicators;
  private final RegionalIndicators region;
  private final Clock clock;

  RegionPagesController(
      IndicatorService indicators, RegionalIndicators region, Optional<Clock> clock) {
    this.indicators = indicators;
    this.region = region;
    this.clock = clock.orElse(Clock.systemDefaultZone());
  }

  @GetMapping("/region")
  String report(
      @RequestParam(required = false) String schoolYear,
      @RequestParam(required = false) String quarter,
      Model model) {
    LocalDate today = LocalDate.now(clock);
    String sy = blank(schoolYear) ? SchoolYear.of(today).toString() : schoolYear.strip();
    String q = blank(quarter) ? Quarter.of(today).toString() : quarter.strip();
    SchoolYear year;
    try {
      year = SchoolYear.parse(sy);
    } catch (InvalidInputException e) {
      year = null;
    }
    model.addAttribute("schoolYear", sy);
    model.addAttribute("quarter", q);
    model.addAttribute("regionName", region.regionName());
    model.addAttribute("schoolYears", IndicatorPagesController.schoolYears(today, year));
    model.addAttribute(
        "quarters",
        IndicatorPagesController.quarters(year == null ? SchoolYear.of(today) : year, today, q));
    model.addAttribute("keys", IndicatorKey.values());
    try {
      Period period = indicators.period(sy, q);
      RegionalReport r = region.report(period);
      model.addAttribute("r", r);
      String exportBase =
          UriComponentsBuilder.fromPath("/api/region/indicators/export")
              .queryParam("schoolYear", sy)
              .queryParam("quarter", q)
              .build()
              .toUriString();
      model.addAttribute("csvHref", exportBase + "&format=csv");
      model.addAttribute("pdfHref", exportBase + "&format=pdf");
    } catch (InvalidInputException e) {
      model.addAttribute("error", e.getMessage());
    }
    return "region";
  }

  /** Sets one of the region's objectives for the school year shown. */
  @PostMapping("/region/objectives")
  String setObjective(
      Authentication authentication,
      @RequestParam String schoolYear,
      @RequestParam(required = false) String quarter,
      @RequestParam String indicator,
      @RequestParam String kind,
      @RequestParam String target,
      RedirectAttributes redirect) {
    try {
      BigDecimal value;
      try {
        value = new BigDecimal(target.strip().replace(',', '.'));
      } catch (NumberFormatException e) {
        throw new InvalidInputException("target", "L'objectif doit être un nombre.");
      }
      region.setObjective(schoolYear, indicator, kind, value, authentication.getName());
      redirect.addFlashAttribute("message", "Objectif régional enregistré.");
    } catch (InvalidInputException e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    redirect.addAttribute("schoolYear", schoolYear);
    if (!blank(quarter)) {
      redirect.addAttribute("quarter", quarter);
    }
    return "redirect:/region";
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
