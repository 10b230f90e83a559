package fr.raccroche.detection;

import fr.raccroche.pathway.CaseQueries;
import fr.raccroche.pathway.CaseQueries.NamedEstablishment;
import fr.raccroche.shared.InvalidInputException;
import fr.raccroche.territory.Establishment;
import fr.raccroche.territory.EstablishmentType;
import fr.raccroche.territory.TerritoryService;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Établissements non référencés": the schools the lists name that the département's directory does
 * not know (a private school, a collège not entered yet), with how many cases name them, and a
 * one-click "Ajouter à l'annuaire" prefilled with the name the list gave (issue #19, point 6).
 * Their cases never depended on it: a school nobody registered is kept as the list names it.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
class EstablishmentPagesController {
  private final CaseQueries cases;
  private final TerritoryService territory;

  EstablishmentPagesController(CaseQueries cases, TerritoryService territory) {
    this.cases = cases;
    this.territory = territory;
  }

  @GetMapping("/establishments/unregistered")
  String unregistered(@RequestParam(required = false) String added, Model model) {
    if (added != null) {
      territory
          .findEstablishment(added)
          .ifPresent(
              e ->
                  model.addAttribute(
                      "notice", "« " + e.name() + " » (" + e.uai() + ") est ajouté à l'annuaire."));
    }
    return page(model);
  }

  private String page(Model model) {
    model.addAttribute("unregistered", unregistered());
    model.addAttribute("types", EstablishmentType.values());
    model.addAttribute("perimeters", territory.perimeters());
    return "establishments-unregistered";
  }

  @PostMapping("/establishments/unregistered")
  String register(@RequestParam Map<String, String> form, Model model) {
    try {
      String type = form.get("type");
      Establishment added =
          territory.defineEstablishment(
              new Establishment(
                  form.get("uai"),
                  form.get("name"),
                  type == null || type.isBlank() ? null : EstablishmentType.valueOf(type),
                  form.get("communeCode"),
                  form.get("communeName"),
                  form.get("perimeterCode")));
      return "redirect:/establishments/unregistered?added=" + added.uai();
    } catch (InvalidInputException e) {
      model.addAttribute("error", e.getMessage());
      model.addAttribute("errorUai", form.get("uai"));
      return page(model);
    } catch (IllegalArgumentException e) {
      model.addAttribute("error", "Type d'établissement inconnu.");
      model.addAttribute("errorUai", form.get("uai"));
      return page(model);
    }
  }

  /** The establishments the cases name that the directory does not know. */
  List<NamedEstablishment> unregistered() {
    List<NamedEstablishment> named = cases.establishmentsNamed();
    Set<String> known =
        territory.findEstablishments(named.stream().map(NamedEstablishment::uai).toList()).keySet();
    return named.stream().filter(n -> !known.contains(n.uai())).toList();
  }
}
