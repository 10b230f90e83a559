package fr.raccroche.coordination;

import fr.raccroche.pathway.Need;
import fr.raccroche.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Catalogue API: everyone signed in reads and exports it (offers carry no personal data); a
 * partner's caseworkers edit their own partner's offers, coordinators those of their perimeter's
 * partners, supervisors and administrators any.
 */
@Tag(
    name = "Offres",
    description =
        "Catalogue partagé des offres locales de formation, d'information et d'accompagnement.")
@RestController
@RequestMapping("/api/offers")
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'PREFECTURE', 'COORDINATOR', 'CASEWORKER')")
class OfferController {
  private final OfferService offers;
  private final DataInclusionExport export;

  OfferController(OfferService offers, DataInclusionExport export) {
    this.offers = offers;
    this.export = export;
  }

  @Operation(
      summary = "Offres du catalogue, filtrées par périmètre, besoin, âge, places ou structure")
  @GetMapping
  List<Offer> list(
      @RequestParam(required = false) String perimeter,
      @RequestParam(required = false) Need need,
      @RequestParam(required = false) Integer age,
      @RequestParam(required = false) Boolean placesAvailable,
      @RequestParam(required = false) String partner) {
    if (age != null && (age < 0 || age > 99)) {
      throw new InvalidInputException("age", "L'âge doit être compris entre 0 et 99.");
    }
    return offers.find(new OfferFilter(perimeter, need, age, placesAvailable, partner));
  }

  @Operation(summary = "Une offre du catalogue")
  @GetMapping("/{id}")
  Offer get(@PathVariable long id) {
    return offers.get(id);
  }

  /**
   * The published offers as data·inclusion v1 {@code service}s (a JSON array): what {@code GET
   * /api/data-inclusion/services} answers, optionally limited to the offers serving a perimeter.
   */
  @Operation(
      summary =
          "Offres publiées au schéma data·inclusion v1 (services), éventuellement pour un périmètre")
  @GetMapping("/export")
  List<Map<String, Object>> exportDataInclusion(@RequestParam(required = false) String perimeter) {
    return export.services(
        offers.published().stream().filter(o -> perimeter == null || o.serves(perimeter)).toList());
  }

  /** Publishes the offer: it becomes a data·inclusion service, readable without login. */
  @Operation(
      summary = "Publie une offre : elle devient un service data·inclusion lisible sans connexion")
  @PostMapping("/{id}/publication")
  @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COORDINATOR', 'CASEWORKER')")
  Offer publish(Authentication who, @PathVariable long id) {
    OfferRights.checkCanEdit(who, offers.partnerOf(id));
    return offers.publish(id);
  }

  /** Withdraws the offer from publication. */
  @Operation(summary = "Retire une offre de la publication")
  @DeleteMapping("/{id}/publication")
  @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COORDINATOR', 'CASEWORKER')")
  Offer unpublish(Authentication who, @PathVariable long id) {
    OfferRights.checkCanEdit(who, offers.partnerOf(id));
    return offers.unpublish(id);
  }

  @Operation(summary = "Crée une offre")
  @PostMapping
  @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COORDINATOR', 'CASEWORKER')")
  ResponseEntity<Offer> create(Authentication who, @RequestBody OfferRequest request) {
    if (request != null
        && request.partnerCode() != null
        && !request.partnerCode().isBlank()
        && offers.partnerExists(request.partnerCode().strip())) {
      OfferRights.checkCanEdit(who, offers.partner(request.partnerCode().strip()));
    }
    Offer created = offers.create(request, who.getName());
    return ResponseEntity.created(URI.create("/api/offers/" + created.id())).body(created);
  }

  @Operation(summary = "Met à jour une offre (tous ses champs sont remplacés)")
  @PutMapping("/{id}")
  @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COORDINATOR', 'CASEWORKER')")
  Offer update(Authentication who, @PathVariable long id, @RequestBody OfferRequest request) {
    OfferRights.checkCanEdit(who, offers.partnerOf(id));
    return offers.update(id, request, who.getName());
  }
}
