package fr.raccroche.coordination;

import fr.raccroche.pathway.Need;
import fr.raccroche.territory.Commune;
import fr.raccroche.territory.Perimeter;
import fr.raccroche.territory.TerritoryService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The catalogue in the shape of the data·inclusion {@code service} schema (field names and
 * referential codes of the schema: {@code types}, {@code thematiques}, {@code publics}, {@code
 * modes_mobilisation}, {@code mobilisable_par}); the eligibility zone as INSEE commune codes, or
 * the département code for an offer serving the whole département.
 */
@Component
class DataInclusionExport {
  /** The data·inclusion service fields this export writes, in the schema's order. */
  static final List<String> FIELDS =
      List.of(
          "source",
          "structure_id",
          "id",
          "nom",
          "description",
          "date_maj",
          "types",
          "thematiques",
          "frais",
          "publics",
          "publics_precisions",
          "conditions_acces",
          "telephone",
          "courriel",
          "modes_accueil",
          "zone_eligibilite",
          "contact_nom_prenom",
          "lien_mobilisation",
          "modes_mobilisation",
          "mobilisable_par",
          "mobilisation_precisions");

  private final TerritoryService territory;
  private final String departement;

  DataInclusionExport(
      TerritoryService territory, @Value("${raccroche.departement:69}") String departement) {
    this.territory = territory;
    this.departement = departement;
  }

  List<Map<String, Object>> services(List<Offer> offers) {
    return offers.stream().map(this::service).toList();
  }

  Map<String, Object> service(Offer o) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("source", "raccroche-" + departement);
    s.put("structure_id", o.partnerCode());
    s.put("id", "raccroche-" + departement + "-offre-" + o.id());
    s.put("nom", o.name());
    s.put("description", o.description());
    s.put("date_maj", o.lastUpdatedOn().toString());
    s.put("types", o.types().stream().map(OfferType::dataInclusionCode).toList());
    Set<String> themes = new LinkedHashSet<>();
    o.needs().forEach(n -> themes.addAll(themes(n)));
    s.put("thematiques", List.copyOf(themes));
    s.put("frais", "gratuit");
    s.put("publics", List.of("jeunes"));
    s.put("publics_precisions", publicText(o));
    s.put("conditions_acces", o.accessConditions());
    s.put("telephone", o.contactPhone());
    s.put("courriel", o.contactEmail());
    s.put("modes_accueil", List.of("en-presentiel"));
    s.put("zone_eligibilite", zone(o));
    s.put("contact_nom_prenom", o.contactName());
    s.put("lien_mobilisation", o.mobilisationLink());
    List<String> modes = new ArrayList<>();
    if (o.contactEmail() != null) {
      modes.add("envoyer-un-courriel");
    }
    if (o.contactPhone() != null) {
      modes.add("telephoner");
    }
    if (o.mobilisationLink() != null) {
      modes.add("utiliser-lien-mobilisation");
    }
    s.put("modes_mobilisation", modes);
    s.put("mobilisable_par", List.of("professionnels"));
    s.put("mobilisation_precisions", o.howToMobilise());
    return s;
  }

  private List<String> zone(Offer o) {
    if (!o.communeCodes().isEmpty()) {
      return o.communeCodes();
    }
    if (o.perimeterCodes().isEmpty()) {
      return List.of(departement);
    }
    List<String> codes = new ArrayList<>();
    for (Perimeter p : territory.perimeters()) {
      if (o.perimeterCodes().contains(p.code())) {
        p.communes().stream().map(Commune::code).forEach(codes::add);
      }
    }
    return codes;
  }

  private static String publicText(Offer o) {
    String ages;
    if (o.minAge() != null && o.maxAge() != null) {
      ages = "Jeunes de " + o.minAge() + " à " + o.maxAge() + " ans.";
    } else if (o.minAge() != null) {
      ages = "Jeunes à partir de " + o.minAge() + " ans.";
    } else if (o.maxAge() != null) {
      ages = "Jeunes jusqu'à " + o.maxAge() + " ans.";
    } else {
      ages = "Jeunes sortis sans diplôme.";
    }
    return o.publicDescription() == null ? ages : ages + " " + o.publicDescription();
  }

  /** The data·inclusion thématiques of a need. */
  static List<String> themes(Need need) {
    return switch (need) {
      case TRAINING -> List.of("se-former", "se-former--trouver-sa-formation");
      case APPRENTICESHIP -> List.of("se-former", "choisir-un-metier");
      case EMPLOYMENT -> List.of("trouver-un-emploi", "preparer-sa-candidature");
      case GUIDANCE ->
          List.of(
              "accompagnement-social-et-professionnel-personnalise--decrochage-scolaire",
              "accompagnement-social-et-professionnel-personnalise--definition-du-projet-professionnel");
      case HEALTH -> List.of("sante");
      case HOUSING -> List.of("logement-hebergement");
      case MOBILITY -> List.of("mobilite");
      case SOCIAL_FAMILY -> List.of("famille", "famille--jeunes-sans-soutien-familial");
      case LEGAL_JUSTICE -> List.of("acces-aux-droits-et-citoyennete--accompagnement-juridique");
      case RESOURCES -> List.of("gestion-financiere--beneficier-daides-financieres");
    };
  }
}
