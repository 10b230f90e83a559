package fr.raccroche.coordination;

import fr.raccroche.coordination.ExperimentRecords.Call;
import fr.raccroche.coordination.ExperimentRecords.CallRequest;
import fr.raccroche.coordination.ExperimentRecords.Project;
import fr.raccroche.coordination.ExperimentRecords.ProjectRequest;
import fr.raccroche.pathway.CaseNumbers;
import fr.raccroche.pathway.CaseQueries;
import fr.raccroche.pathway.CaseRef;
import fr.raccroche.pathway.CaseScopes;
import fr.raccroche.shared.InvalidInputException;
import fr.raccroche.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Local experiments API: calls (supervisors create them), projects (a partner's caseworkers or the
 * perimeter's coordinators submit them), cases taking part (tagged by whoever may see the case).
 * Reads are aggregates only.
 */
@Tag(
    name = "Expérimentations",
    description = "Appels à projets et projets d'expérimentation locale.")
@RestController
@RequestMapping("/api/experiments")
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'PREFECTURE', 'COORDINATOR', 'CASEWORKER')")
class ExperimentController {
  private final ExperimentService experiments;
  private final OfferService offers;
  private final CaseQueries cases;
  private final CaseScopes scopes;

  ExperimentController(
      ExperimentService experiments, OfferService offers, CaseQueries cases, CaseScopes scopes) {
    this.experiments = experiments;
    this.offers = offers;
    this.cases = cases;
    this.scopes = scopes;
  }

  @Operation(summary = "Appels à projets")
  @GetMapping("/calls")
  List<Call> calls() {
    return experiments.calls();
  }

  @Operation(summary = "Un appel à projets et ses projets")
  @GetMapping("/calls/{id}")
  Call call(@PathVariable long id) {
    return experiments.call(id);
  }

  @Operation(summary = "Crée un appel à projets")
  @PostMapping("/calls")
  @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
  ResponseEntity<Call> createCall(Authentication who, @RequestBody CallRequest request) {
    Call created = experiments.createCall(request, who.getName());
    return ResponseEntity.created(URI.create("/api/experiments/calls/" + created.id()))
        .body(created);
  }

  @Operation(summary = "Dépose un projet en réponse à un appel")
  @PostMapping("/calls/{id}/projects")
  @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COORDINATOR', 'CASEWORKER')")
  ResponseEntity<Project> submit(
      Authentication who, @PathVariable long id, @RequestBody ProjectRequest request) {
    checkCarrier(who, request);
    Project created = experiments.submit(id, request, who.getName());
    return ResponseEntity.created(URI.create("/api/experiments/projects/" + created.id()))
        .body(created);
  }

  @Operation(summary = "Un projet, ses échéances et ses résultats agrégés")
  @GetMapping("/projects/{id}")
  Project project(@PathVariable long id) {
    return experiments.project(id);
  }

  /** The case takes part in the project. */
  @Operation(summary = "Rattache un dossier à un projet")
  @PutMapping("/projects/{id}/cases/{caseNumber}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COORDINATOR')")
  void tag(Authentication who, @PathVariable long id, @PathVariable String caseNumber) {
    checkCase(who, caseNumber);
    experiments.tagCase(id, caseNumber);
  }

  @Operation(summary = "Détache un dossier d'un projet")
  @DeleteMapping("/projects/{id}/cases/{caseNumber}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COORDINATOR')")
  void untag(Authentication who, @PathVariable long id, @PathVariable String caseNumber) {
    checkCase(who, caseNumber);
    experiments.project(id);
    experiments.tagCase(null, caseNumber);
  }

  private void checkCarrier(Authentication who, ProjectRequest request) {
    if (request != null
        && request.carrierPartnerCode() != null
        && offers.partnerExists(request.carrierPartnerCode().strip())) {
      OfferRights.checkCanEdit(who, offers.partner(request.carrierPartnerCode().strip()));
    }
  }

  /** Unknown and out-of-scope cases answer the same. */
  private void checkCase(Authentication who, String caseNumber) {
    if (!CaseNumbers.isValid(caseNumber)) {
      throw new InvalidInputException(
          "caseNumber",
          "Numéro de dossier invalide : « " + caseNumber + " » (attendu AAAA-DD-NNNNNN).");
    }
    CaseRef ref = cases.refs(List.of(caseNumber)).get(caseNumber);
    if (ref == null || !scopes.of(who).covers(ref.perimeterCode(), null)) {
      throw new NotFoundException("Dossier introuvable : " + caseNumber + ".");
    }
  }
}
