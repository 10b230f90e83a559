package fr.raccroche.coordination;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The data·inclusion v1 exports, read without login: data·inclusion harvests them, and DORA and the
 * other orientation tools read them there. They hold the partners and the offers their editors
 * published, nothing else (docs/data-inclusion.md).
 */
@Tag(
    name = "data·inclusion",
    description =
        "Exports au schéma data·inclusion v1, lisibles sans connexion : structures partenaires et offres publiées.")
@RestController
@RequestMapping("/api/data-inclusion")
class DataInclusionController {
  private final OfferService offers;
  private final DataInclusionExport export;

  DataInclusionController(OfferService offers, DataInclusionExport export) {
    this.offers = offers;
    this.export = export;
  }

  /** Every partner as a data·inclusion {@code structure} (a JSON array). */
  @Operation(summary = "Structures partenaires au schéma data·inclusion v1 (sans connexion)")
  @GetMapping("/structures")
  List<Map<String, Object>> structures() {
    return export.structures();
  }

  /** Every published offer as a data·inclusion {@code service} (a JSON array). */
  @Operation(summary = "Offres publiées au schéma data·inclusion v1 (sans connexion)")
  @GetMapping("/services")
  List<Map<String, Object>> services() {
    return export.services(offers.published());
  }
}
