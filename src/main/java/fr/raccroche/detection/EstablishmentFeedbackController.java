package fr.raccroche.detection;

import fr.raccroche.detection.internal.SourceListingEntity;
import fr.raccroche.detection.internal.SourceListingRepository;
import fr.raccroche.pathway.CaseQueries;
import fr.raccroche.pathway.CaseRef;
import fr.raccroche.pathway.CaseScope;
import fr.raccroche.pathway.CaseScopes;
import fr.raccroche.pathway.CaseStatus;
import fr.raccroche.shared.InvalidInputException;
import fr.raccroche.shared.NotFoundException;
import fr.raccroche.territory.Establishment;
import fr.raccroche.territory.TerritoryCodes;
import fr.raccroche.territory.TerritoryService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What became of the young people an establishment reported: statuses only, never a name nor a case
 * number.
 */
@Tag(
    name = "Imports",
    description = "Import des listes de jeunes sortis sans diplôme (CSV) et rapports d'import.")
@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COORDINATOR')")
class EstablishmentFeedbackController {
  private final TerritoryService territory;
  private final SourceListingRepository listings;
  private final CaseQueries cases;
  private final CaseScopes scopes;

  EstablishmentFeedbackController(
      TerritoryService territory,
      SourceListingRepository listings,
      CaseQueries cases,
      CaseScopes scopes) {
    this.territory = territory;
    this.listings = listings;
    this.cases = cases;
    this.scopes = scopes;
  }

  /** The feedback page of one establishment. */
  record Feedback(
      String uai,
      String establishmentName,
      int reported,
      Map<CaseStatus, Integer> byStatus,
      List<Line> youngPeople,
      boolean registered) {}

  /** One young person reported: when, and where they stand now. */
  record Line(LocalDate leavingDate, CaseStatus status, String statusLabel, String closureReason) {}

  @Operation(
      summary =
          "Retour à un établissement : ses élèves signalés et ce qu'ils sont devenus (agrégats)")
  @GetMapping("/api/establishments/{uai}/feedback")
  Feedback feedback(@PathVariable String uai, Authentication authentication) {
    CaseScope scope = scopes.of(authentication);
    Establishment establishment = territory.findEstablishment(uai).orElse(null);
    if (establishment == null) {
      // Not in the directory: the school as the lists named it (issue #19 point 6).
      return unregistered(uai, scope);
    }
    // A coordinator reads the establishments of their perimeters only; another one answers as an
    // unknown establishment would (docs/security.md R3).
    if (!scope.covers(establishment.perimeterCode(), null)) {
      throw new NotFoundException("Établissement inconnu : " + uai + ".");
    }
    return feedback(
        establishment.uai(),
        establishment.name(),
        true,
        listings.findByUai(establishment.uai()),
        CaseScope.ALL);
  }

  /**
   * A school the lists name that the directory does not know: its name as the lists gave it, and
   * the young people it reported that the viewer may see (a coordinator: those of their perimeters;
   * none, and it answers as unknown).
   */
  private Feedback unregistered(String uai, CaseScope scope) {
    String code = TerritoryCodes.normaliseUai(uai);
    if (!TerritoryCodes.isUai(code)) {
      throw new InvalidInputException(
          "uai", "Code UAI invalide : « " + uai + " » (7 chiffres suivis d'une lettre).");
    }
    List<SourceListingEntity> reported = listings.findByUai(code);
    Feedback feedback =
        feedback(
            code,
            cases.establishmentNamed(code).map(n -> n.label()).orElse(null),
            false,
            reported,
            scope);
    if (feedback.reported() == 0 && (reported.isEmpty() || !scope.everyDepartement())) {
      throw new NotFoundException("Établissement inconnu : " + code + ".");
    }
    return feedback;
  }

  /**
   * What became of the young people an establishment reported, among the cases {@code visible}
   * covers (rows still under review, without a case, are left out).
   */
  private Feedback feedback(
      String uai,
      String name,
      boolean registered,
      List<SourceListingEntity> reported,
      CaseScope visible) {
    Map<String, CaseRef> refs =
        cases.refs(
            reported.stream()
                .map(SourceListingEntity::getCaseNumber)
                .filter(Objects::nonNull)
                .distinct()
                .toList());
    Map<CaseStatus, Integer> byStatus = new LinkedHashMap<>();
    List<Line> lines = new ArrayList<>();
    for (SourceListingEntity l : reported) {
      CaseRef c = l.getCaseNumber() == null ? null : refs.get(l.getCaseNumber());
      if (c == null || !visible.covers(c.perimeterCode(), null)) {
        continue;
      }
      byStatus.merge(c.status(), 1, Integer::sum);
      lines.add(new Line(l.getLeavingDate(), c.status(), c.status().label(), null));
    }
    return new Feedback(uai, name, lines.size(), byStatus, lines, registered);
  }
}
