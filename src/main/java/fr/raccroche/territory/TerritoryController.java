package fr.raccroche.territory;

import fr.raccroche.shared.InvalidInputException;
import fr.raccroche.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Territory API: read for every signed-in user (no personal data here), define for administrators.
 */
@Tag(
    name = "Territoire",
    description =
        "Périmètres de coordination, structures partenaires, établissements et routage d'un lieu.")
@RestController
@RequestMapping("/api")
class TerritoryController {
  private final TerritoryService territory;

  TerritoryController(TerritoryService territory) {
    this.territory = territory;
  }

  @Operation(summary = "Périmètres de coordination")
  @GetMapping("/perimeters")
  List<Perimeter> perimeters() {
    return territory.perimeters();
  }

  @Operation(summary = "Un périmètre de coordination")
  @GetMapping("/perimeters/{code}")
  Perimeter perimeter(@PathVariable String code) {
    return territory.perimeter(code);
  }

  /**
   * Defines a perimeter: its communes (INSEE codes of the official list) and, with {@code epci},
   * whole EPCI by their SIREN code.
   */
  @Operation(summary = "Crée ou redéfinit un périmètre (communes, codes postaux, coordonnateurs)")
  @PutMapping("/perimeters/{code}")
  @PreAuthorize("hasRole('ADMIN')")
  Perimeter definePerimeter(@PathVariable String code, @RequestBody PerimeterRequest definition) {
    checkSameCode(code, definition.code());
    return territory.definePerimeter(
        new Perimeter(
            code,
            definition.name(),
            definition.departement(),
            definition.communes(),
            definition.postalCodes(),
            definition.coordinators()),
        definition.epci());
  }

  /** A perimeter's definition as sent: a {@link Perimeter} plus whole EPCI. */
  record PerimeterRequest(
      String code,
      String name,
      String departement,
      List<Commune> communes,
      List<String> postalCodes,
      List<CoordinatorDesignation> coordinators,
      List<String> epci) {
    PerimeterRequest {
      epci = epci == null ? List.of() : List.copyOf(epci);
    }
  }

  /** A commune of the official list (COG), with its département, postal codes and EPCI. */
  @Operation(
      summary = "Une commune de la liste officielle (COG) : département, codes postaux, EPCI")
  @GetMapping("/territory/communes/{code}")
  OfficialCommune officialCommune(@PathVariable String code) {
    return territory
        .officialCommune(code)
        .orElseThrow(
            () -> new NotFoundException("Commune inconnue de la liste officielle : " + code + "."));
  }

  @Operation(summary = "Structures partenaires, par type ou périmètre")
  @GetMapping("/partners")
  List<Partner> partners(
      @RequestParam(required = false) PartnerType type,
      @RequestParam(required = false) String perimeter) {
    if (perimeter != null && !territory.perimeterExists(perimeter)) {
      throw new NotFoundException("Périmètre inconnu : " + perimeter + ".");
    }
    return territory.partners(type, perimeter);
  }

  @Operation(summary = "Une structure partenaire")
  @GetMapping("/partners/{code}")
  Partner partner(@PathVariable String code) {
    return territory.partner(code);
  }

  @Operation(
      summary =
          "Crée ou redéfinit une structure partenaire (SIRET, adresse, contact publiés dans data·inclusion)")
  @PutMapping("/partners/{code}")
  @PreAuthorize("hasRole('ADMIN')")
  Partner definePartner(@PathVariable String code, @RequestBody Partner definition) {
    checkSameCode(code, definition.code());
    return territory.definePartner(
        new Partner(
            code,
            definition.name(),
            definition.type(),
            definition.departementWide(),
            definition.perimeterCodes(),
            definition.contactEmail(),
            definition.contactPhone(),
            definition.siret(),
            definition.address(),
            definition.website(),
            definition.openingHours(),
            definition.publishStaffContacts(),
            null,
            definition.departement()));
  }

  @Operation(summary = "Établissements, éventuellement d'un périmètre")
  @GetMapping("/establishments")
  List<Establishment> establishments(@RequestParam(required = false) String perimeter) {
    if (perimeter != null && !territory.perimeterExists(perimeter)) {
      throw new NotFoundException("Périmètre inconnu : " + perimeter + ".");
    }
    return territory.establishments(perimeter);
  }

  @Operation(summary = "Un établissement par son code UAI")
  @GetMapping("/establishments/{uai}")
  Establishment establishment(@PathVariable String uai) {
    return territory.establishment(uai);
  }

  @Operation(summary = "Crée ou redéfinit un établissement")
  @PutMapping("/establishments/{uai}")
  @PreAuthorize("hasRole('ADMIN')")
  Establishment defineEstablishment(
      @PathVariable String uai, @RequestBody Establishment definition) {
    if (definition.uai() != null && !uai.equalsIgnoreCase(definition.uai().strip())) {
      throw new InvalidInputException(
          "uai", "Le code UAI du corps de la requête ne correspond pas à celui de l'adresse.");
    }
    return territory.defineEstablishment(
        new Establishment(
            uai,
            definition.name(),
            definition.type(),
            definition.communeCode(),
            definition.communeName(),
            definition.perimeterCode()));
  }

  /**
   * Which perimeter a place belongs to: by commune code, else postal code, else UAI (the order used
   * to route a case).
   */
  @Operation(summary = "Périmètre d'un lieu (code commune, sinon code postal, sinon UAI)")
  @GetMapping("/territory/routing")
  Routing route(
      @RequestParam(required = false) String communeCode,
      @RequestParam(required = false) String postalCode,
      @RequestParam(required = false) String uai) {
    if (isBlank(communeCode) && isBlank(postalCode) && isBlank(uai)) {
      throw new InvalidInputException(
          "communeCode", "Indiquez au moins un code commune, un code postal ou un code UAI.");
    }
    return territory
        .route(communeCode, postalCode, uai)
        .orElseThrow(() -> new NotFoundException("Aucun périmètre ne couvre ce lieu."));
  }

  private static void checkSameCode(String pathCode, String bodyCode) {
    if (bodyCode != null && !pathCode.equals(bodyCode)) {
      throw new InvalidInputException(
          "code", "Le code du corps de la requête ne correspond pas à celui de l'adresse.");
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
