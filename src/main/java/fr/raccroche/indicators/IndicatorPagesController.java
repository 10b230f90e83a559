package fr.raccroche.indicators;

import fr.raccroche.indicators.IndicatorService.Period;
import fr.raccroche.indicators.internal.CsvReport;
import fr.raccroche.indicators.internal.SvgCharts;
import fr.raccroche.indicators.internal.Viewer;
import fr.raccroche.shared.InvalidInputException;
import fr.raccroche.shared.NotFoundException;
import fr.raccroche.territory.OfficialDepartements;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** French pages: the quarterly report (charts, tables, exports), the objectives. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'PREFECTURE', 'COORDINATOR')")
class IndicatorPagesController {
  private final IndicatorService indicators;
  private final OfficialDepartements official;
  private final Clock clock;

  IndicatorPagesController(
      IndicatorService indicators, OfficialDepartements official, Optional<Clock> clock) {
    this.indicators = indicators;
    this.official = official;
    this.clock = clock.orElse(Clock.systemDefaultZone());
  }

  @GetMapping("/indicators")
  String report(
      Authentication authentication,
      @RequestParam(required = false) String schoolYear,
      @RequestParam(required = false) String quarter,
      @RequestParam(required = false) String departement,
      @RequestParam(required = false) String perimeter,
      Model model) {
    Viewer viewer = indicators.viewer(authentication);
    String dep;
    try {
      dep = indicators.scope(authentication, departement, perimeter).departement();
    } catch (NotFoundException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    } catch (InvalidInputException e) {
      // said below, with the report's other checks
      dep = indicators.departement();
    }
    // The départements this reader may choose among (by official name).
    Map<String, String> departementNames = new LinkedHashMap<>();
    for (String d : indicators.departements()) {
      if (viewer.departements() == null || viewer.departements().contains(d)) {
        departementNames.put(d, d + " — " + official.name(d));
      }
    }
    model.addAttribute("departement", dep);
    model.addAttribute("departementNames", departementNames);
    // By default the quarter under way, in its school year.
    LocalDate today = LocalDate.now(clock);
    String sy = blank(schoolYear) ? SchoolYear.of(today).toString() : schoolYear.strip();
    String q = blank(quarter) ? Quarter.of(today).toString() : quarter.strip();
    // A quarter outside the school year chosen (the year changed, not the quarter): the year's
    // quarter under way, or its last one.
    SchoolYear year = parseOrNull(sy);
    Quarter chosen = quarterOrNull(q);
    if (year != null && chosen != null && !year.overlaps(chosen)) {
      Quarter fallback = defaultQuarter(year, today);
      model.addAttribute(
          "message",
          "Le trimestre "
              + chosen.label()
              + " n'est pas dans l'année scolaire "
              + year
              + " : voici le "
              + fallback.label()
              + ".");
      q = fallback.toString();
    }
    Map<String, String> names = new LinkedHashMap<>(indicators.perimeterNames(dep));
    if (viewer.perimeters() != null) {
      // A coordinator chooses among their own perimeters only.
      names.keySet().retainAll(viewer.perimeters());
    }
    model.addAttribute("schoolYear", sy);
    model.addAttribute("quarter", q);
    model.addAttribute("perimeter", perimeter);
    model.addAttribute("perimeterNames", names);
    model.addAttribute("schoolYears", schoolYears(today, year));
    model.addAttribute("quarters", quarters(year == null ? SchoolYear.of(today) : year, today, q));
    model.addAttribute("allPerimeters", viewer.perimeters() == null);
    model.addAttribute("manager", viewer.manager());
    try {
      Period period = indicators.period(sy, q);
      String scope;
      try {
        IndicatorService.Scope s =
            indicators.scope(authentication, departementNames.size() > 1 ? dep : null, perimeter);
        scope = s.perimeter();
        dep = s.departement();
      } catch (NotFoundException e) {
        throw new ResponseStatusException(HttpStatus.NOT_FOUND);
      }
      // The perimeter shown is the one selected.
      model.addAttribute("perimeter", scope);
      model.addAttribute("departement", dep);
      IndicatorReport r = indicators.report(period, dep, scope, false, viewer.mask());
      model.addAttribute("r", r);
      model.addAttribute("indicatorLines", CsvReport.indicators(r));
      model.addAttribute("barsSvg", SvgCharts.bars(r.perimeters()));
      model.addAttribute("trendSvg", r.trend().isEmpty() ? null : SvgCharts.trend(r.trend()));
      String exportBase =
          UriComponentsBuilder.fromPath("/api/indicators/export")
              .queryParam("schoolYear", sy)
              .queryParam("quarter", q)
              .queryParamIfPresent(
                  "departement", Optional.ofNullable(departementNames.size() > 1 ? dep : null))
              .queryParamIfPresent("perimeter", Optional.ofNullable(scope))
              .build()
              .toUriString();
      model.addAttribute("csvHref", exportBase + "&format=csv");
      model.addAttribute("pdfHref", exportBase + "&format=pdf");
      if (viewer.manager()) {
        model.addAttribute("snapshots", indicators.snapshots(period, dep));
      }
    } catch (InvalidInputException e) {
      model.addAttribute("error", e.getMessage());
    }
    return "indicators";
  }

  /** A choice of a select: its value and French label. */
  record Choice(String value, String label) {}

  /** The school years offered: the current one and the five before (and the one asked for). */
  static List<Choice> schoolYears(LocalDate today, SchoolYear asked) {
    List<Choice> years = new ArrayList<>();
    SchoolYear current = SchoolYear.of(today);
    for (int i = 0; i <= 5; i++) {
      SchoolYear y = new SchoolYear(current.startYear() - i);
      years.add(new Choice(y.toString(), y.toString()));
    }
    if (asked != null && years.stream().noneMatch(c -> c.value().equals(asked.toString()))) {
      years.add(new Choice(asked.toString(), asked.toString()));
    }
    return years;
  }

  /**
   * The quarters of a school year (September to August: five calendar quarters touch it), not those
   * still to come, with their months.
   */
  static List<Choice> quarters(SchoolYear year, LocalDate today, String asked) {
    List<Choice> quarters = new ArrayList<>();
    Quarter q = Quarter.of(year.start());
    while (year.overlaps(q)) {
      if (!q.start().isAfter(today) || q.toString().equals(asked)) {
        quarters.add(new Choice(q.toString(), q.label() + " (" + months(q) + ")"));
      }
      q =
          new Quarter(
              q.number() == 4 ? q.year() + 1 : q.year(), q.number() == 4 ? 1 : q.number() + 1);
    }
    return quarters;
  }

  private static String months(Quarter q) {
    return switch (q.number()) {
      case 1 -> "janvier–mars";
      case 2 -> "avril–juin";
      case 3 -> "juillet–septembre";
      default -> "octobre–décembre";
    };
  }

  /** The quarter under way if it is in that school year, otherwise the year's last one. */
  static Quarter defaultQuarter(SchoolYear year, LocalDate today) {
    Quarter now = Quarter.of(today);
    return year.overlaps(now) ? now : Quarter.of(year.end());
  }

  /** The school year, or null when invalid (the report then says why in French). */
  private static SchoolYear parseOrNull(String text) {
    try {
      return SchoolYear.parse(text);
    } catch (InvalidInputException e) {
      return null;
    }
  }

  private static Quarter quarterOrNull(String text) {
    try {
      return Quarter.parse(text);
    } catch (InvalidInputException e) {
      return null;
    }
  }

  /** Starts the quarterly process by hand: a new draft for the supervisors to review. */
  @PostMapping("/indicators/snapshots")
  @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
  String start(
      Authentication authentication,
      @RequestParam String schoolYear,
      @RequestParam String quarter,
      @RequestParam(required = false) String departement,
      RedirectAttributes redirect) {
    Period period = indicators.period(schoolYear, quarter);
    String dep = indicators.scope(authentication, departement, null).departement();
    indicators.startQuarterlyProcess(period, dep);
    redirect.addFlashAttribute(
        "message",
        "Un nouveau brouillon du trimestre "
            + period.quarter()
            + " a été calculé : la tâche « Relire les indicateurs trimestriels » attend les"
            + " superviseurs dans Tasklist.");
    redirect.addAttribute("schoolYear", period.schoolYear().toString());
    redirect.addAttribute("quarter", period.quarter().toString());
    redirect.addAttribute("departement", dep);
    return "redirect:/indicators";
  }

  @GetMapping("/indicators/objectives")
  @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
  String objectives(
      Authentication authentication,
      @RequestParam(required = false) String schoolYear,
      @RequestParam(required = false) String departement,
      Model model) {
    String sy =
        blank(schoolYear) ? SchoolYear.of(LocalDate.now(clock)).toString() : schoolYear.strip();
    String dep;
    try {
      dep = indicators.scope(authentication, departement, null).departement();
    } catch (NotFoundException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    model.addAttribute("schoolYear", sy);
    model.addAttribute("departement", dep);
    model.addAttribute("perimeterNames", indicators.perimeterNames(dep));
    model.addAttribute("keys", IndicatorKey.values());
    try {
      model.addAttribute("objectives", indicators.objectives(dep, SchoolYear.parse(sy).toString()));
    } catch (InvalidInputException e) {
      model.addAttribute("error", e.getMessage());
      model.addAttribute("errorField", "schoolYear");
      model.addAttribute("objectives", java.util.List.of());
    }
    return "indicator-objectives";
  }

  @PostMapping("/indicators/objectives")
  @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
  String setObjective(
      Authentication authentication,
      @RequestParam String schoolYear,
      @RequestParam(required = false) String departement,
      @RequestParam(required = false) String perimeter,
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
      String dep = indicators.scope(authentication, departement, null).departement();
      indicators.setObjective(
          dep, schoolYear, perimeter, indicator, kind, value, authentication.getName());
      redirect.addFlashAttribute("message", "Objectif enregistré.");
    } catch (InvalidInputException | NotFoundException e) {
      redirect.addFlashAttribute("error", e.getMessage());
      // The field at fault, for the page to show the message beside it.
      if (e instanceof InvalidInputException invalid) {
        redirect.addFlashAttribute("errorField", invalid.field());
      }
    }
    redirect.addAttribute("schoolYear", schoolYear);
    if (!blank(departement)) {
      redirect.addAttribute("departement", departement.strip());
    }
    return "redirect:/indicators/objectives";
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
