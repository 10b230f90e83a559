package fr.raccroche.coordination;

import fr.raccroche.coordination.ExperimentRecords.CallRequest;
import fr.raccroche.coordination.ExperimentRecords.ProjectRequest;
import fr.raccroche.shared.InvalidInputException;
import fr.raccroche.shared.NotFoundException;
import fr.raccroche.territory.TerritoryService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** French pages of the local experiments: the calls, a call's budget and its projects. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'PREFECTURE', 'COORDINATOR', 'CASEWORKER')")
class ExperimentPagesController {
  private final ExperimentService experiments;
  private final TerritoryService territory;

  private final java.time.Clock clock;

  ExperimentPagesController(
      ExperimentService experiments,
      TerritoryService territory,
      java.util.Optional<java.time.Clock> clock) {
    this.clock = clock.orElse(java.time.Clock.systemDefaultZone());
    this.experiments = experiments;
    this.territory = territory;
  }

  @GetMapping("/experiments")
  String calls(Model model) {
    model.addAttribute("calls", experiments.calls());
    return "experiments";
  }

  @PostMapping("/experiments")
  @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
  String createCall(Authentication who, @RequestParam Map<String, String> form, Model model) {
    try {
      var created =
          experiments.createCall(
              new CallRequest(
                  form.get("title"),
                  form.get("funder"),
                  form.get("description"),
                  amount(form.get("budgetEnvelope"), "budgetEnvelope", "L'enveloppe"),
                  date(form.get("opensOn"), "opensOn", "La date d'ouverture"),
                  date(form.get("closesOn"), "closesOn", "La date de clôture")),
              who.getName());
      return "redirect:/experiments/calls/" + created.id();
    } catch (InvalidInputException e) {
      model.addAttribute("error", e.getMessage());
      model.addAttribute("errorField", e.field());
      model.addAttribute("form", form);
      return calls(model);
    }
  }

  @GetMapping("/experiments/calls/{id}")
  String call(Authentication who, @PathVariable long id, Model model) {
    try {
      model.addAttribute("call", experiments.call(id));
    } catch (NotFoundException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    model.addAttribute(
        "partners",
        territory.partners(null, null).stream().filter(p -> OfferRights.canEdit(who, p)).toList());
    model.addAttribute("perimeters", territory.perimeters());
    model.addAttribute("today", LocalDate.now(clock));
    return "experiment-call";
  }

  @PostMapping("/experiments/calls/{id}/projects")
  @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COORDINATOR', 'CASEWORKER')")
  String submit(
      Authentication who,
      @PathVariable long id,
      @RequestParam Map<String, String> form,
      Model model) {
    try {
      String partner = form.get("carrierPartnerCode");
      if (partner != null && territory.partnerExists(partner)) {
        OfferRights.checkCanEdit(who, territory.partner(partner));
      }
      experiments.submit(
          id,
          new ProjectRequest(
              partner,
              form.get("perimeterCode"),
              form.get("title"),
              form.get("description"),
              amount(form.get("amountRequested"), "amountRequested", "Le montant demandé"),
              date(form.get("startDate"), "startDate", "La date de début"),
              date(form.get("endDate"), "endDate", "La date de fin")),
          who.getName());
      return "redirect:/experiments/calls/" + id + "?submitted";
    } catch (InvalidInputException e) {
      model.addAttribute("error", e.getMessage());
      model.addAttribute("errorField", e.field());
      model.addAttribute("form", form);
      return call(who, id, model);
    }
  }

  @GetMapping("/experiments/projects/{id}")
  String project(@PathVariable long id) {
    try {
      return "redirect:/experiments/calls/" + experiments.project(id).callId() + "#projet-" + id;
    } catch (NotFoundException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
  }

  private static BigDecimal amount(String value, String field, String what) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(value.strip().replace(" ", "").replace(',', '.'));
    } catch (NumberFormatException e) {
      throw new InvalidInputException(field, what + " doit être un montant en euros.");
    }
  }

  private static LocalDate date(String value, String field, String what) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(field, what + " est invalide (attendu AAAA-MM-JJ).");
    }
  }
}
