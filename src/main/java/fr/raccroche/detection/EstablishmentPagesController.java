package fr.raccroche.detection;

import fr.raccroche.pathway.CaseQueries;
import fr.raccroche.pathway.CaseQueries.NamedEstablishment;
import fr.raccroche.pathway.CaseScope;
import fr.raccroche.pathway.CaseScopes;
import fr.raccroche.shared.InvalidInputException;
import fr.raccroche.territory.Establishment;
import fr.raccroche.territory.EstablishmentType;
import fr.raccroche.territory.TerritoryService;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
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

  private final CaseScopes scopes;

  EstablishmentPagesController(CaseQueries cases, TerritoryService territory, CaseScopes scopes) {
    this.cases = cases;
    this.territory = territory;
    this.scopes = scopes;
  }

  @GetMapping("/establishments/unregistered")
  String unregistered(
      @RequestParam(required = false) String added, Authentication authentication, Model model) {
    if (added != null) {
      territory
          .findEstablishment(added)
          .ifPresent(
              e ->
                  model.addAttribute(
                      "notice", "« " + e.name() + " » (" + e.uai() + ") est ajouté à l'annuaire."));
    }
    return page(authentication, model);
  }

  private String page(Authentication authentication, Model model) {
    CaseScope scope = scopes.of(authentication);
    model.addAttribute("unregistered", unregistered(scope));
    model.addAttribute("types", EstablishmentType.values());
    model.addAttribute(
        "perimeters",
        territory.perimeters().stream().filter(p -> scope.covers(p.code(), null)).toList());
    return "establishments-unregistered";
  }

  @PostMapping("/establishments/unregistered")
  String register(
      @RequestParam Map<String, String> form, Authentication authentication, Model model) {
    try {
      String perimeter = form.get("perimeterCode");
      if (perimeter != null
          && !perimeter.isBlank()
          && territory.perimeterExists(perimeter)
          && !scopes.of(authentication).covers(perimeter, null)) {
        // Another département's perimeter: not the supervisor's to fill (docs/security.md S34).
        throw new InvalidInputException("perimeterCode", "Choisissez un périmètre de la liste.");
      }
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
      return page(authentication, model);
    } catch (IllegalArgumentException e) {
      model.addAttribute("error", "Type d'établissement inconnu.");
      model.addAttribute("errorUai", form.get("uai"));
      return page(authentication, model);
    }
  }

  /** The establishments the cases of a scope name that the directory does not know. */
  List<NamedEstablishment> unregistered(CaseScope scope) {
    List<NamedEstablishment> named = cases.establishmentsNamed(scope);
    Set<String> known =
        territory.findEstablishments(named.stream().map(NamedEstablishment::uai).toList()).keySet();
    return named.stream().filter(n -> !known.contains(n.uai())).toList();
  }
}
