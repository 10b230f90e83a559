package fr.raccroche.coordination;

import fr.raccroche.pathway.Need;
import fr.raccroche.shared.PhoneNumbers;
import fr.raccroche.shared.PostalAddress;
import fr.raccroche.territory.Commune;
import fr.raccroche.territory.Partner;
import fr.raccroche.territory.PartnerType;
import fr.raccroche.territory.Perimeter;
import fr.raccroche.territory.TerritoryService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The partners and the published offers in the shape of the data·inclusion schema v1 ({@code
 * structure} and {@code service}; docs/data-inclusion.md has the mapping). Field names and codes
 * are the schema's; a field with nothing to say is {@code null}, never an empty list. Nothing here
 * names a member of staff unless their structure agreed to it ({@link
 * Partner#publishStaffContacts()}); telephone numbers are in E.164.
 */
@Component
class DataInclusionExport {
  private final TerritoryService territory;
  private final String departement;

  DataInclusionExport(
      TerritoryService territory, @Value("${raccroche.departement:69}") String departement) {
    this.territory = territory;
    this.departement = departement;
  }

  /** The producer's identifier: one per installation, that is per département. */
  String source() {
    return "raccroche-" + departement;
  }

  /** One structure per partner. */
  List<Map<String, Object>> structures() {
    return territory.partners(null, null).stream().map(this::structure).toList();
  }

  /** One service per offer given (the caller chooses which: the published ones). */
  List<Map<String, Object>> services(List<Offer> offers) {
    Map<String, Partner> partners =
        territory.partners(null, null).stream()
            .collect(Collectors.toMap(Partner::code, Function.identity()));
    Map<String, List<String>> communesByPerimeter = new LinkedHashMap<>();
    for (Perimeter p : territory.perimeters()) {
      communesByPerimeter.put(p.code(), p.communes().stream().map(Commune::code).toList());
    }
    return offers.stream()
        .map(o -> service(o, partners.get(o.partnerCode()), communesByPerimeter))
        .toList();
  }

  Map<String, Object> structure(Partner p) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("source", source());
    s.put("id", structureId(p.code()));
    s.put("nom", p.name());
    s.put("date_maj", (p.updatedOn() == null ? LocalDate.now() : p.updatedOn()).toString());
    s.put("siret", p.siret());
    s.put("reseaux_porteurs", network(p.type()).map(List::of).orElse(null));
    s.put("description", null);
    putAddress(s, p.address());
    s.put("courriel", p.contactEmail());
    s.put("telephone", PhoneNumbers.toE164(p.contactPhone()).orElse(null));
    s.put("site_web", p.website());
    s.put("horaires_accueil", p.openingHours());
    return s;
  }

  Map<String, Object> service(
      Offer o, Partner partner, Map<String, List<String>> communesByPerimeter) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("source", source());
    s.put("structure_id", structureId(o.partnerCode()));
    s.put("id", source() + "--offre-" + o.id());
    s.put("nom", o.name());
    s.put("description", o.description());
    s.put("date_maj", o.lastUpdatedOn().toString());
    OfferType type = OfferType.main(o.types());
    s.put("type", type == null ? null : type.dataInclusionCode());
    Set<String> themes = new LinkedHashSet<>();
    o.needs().forEach(n -> themes.addAll(themes(n)));
    s.put("thematiques", themes.isEmpty() ? null : List.copyOf(themes));
    s.put("frais", o.fees() == null ? null : o.fees().dataInclusionCode());
    s.put("frais_precisions", o.feesDetails());
    s.put("publics", List.of("jeunes"));
    s.put("publics_precisions", publicText(o));
    s.put("conditions_acces", o.accessConditions());
    // A caseworker's name, e-mail or telephone only when the structure agreed to publish them;
    // otherwise the structure's own contact.
    boolean staff = partner != null && partner.publishStaffContacts();
    String email = staff && o.contactEmail() != null ? o.contactEmail() : partnerEmail(partner);
    String phone =
        staff && o.contactPhone() != null
            ? PhoneNumbers.toE164(o.contactPhone()).orElse(null)
            : partnerPhone(partner);
    s.put("contact_nom_prenom", staff ? o.contactName() : null);
    s.put("courriel", email);
    s.put("telephone", phone);
    s.put(
        "modes_accueil",
        o.receptionModes().isEmpty()
            ? null
            : o.receptionModes().stream().map(ReceptionMode::dataInclusionCode).toList());
    putAddress(s, o.address());
    s.put("horaires_accueil", o.openingHours());
    s.put(
        "zone_eligibilite",
        zone(o, communesByPerimeter, partner == null ? departement : partner.departement()));
    s.put("lien_mobilisation", o.mobilisationLink());
    List<String> modes = new ArrayList<>();
    if (email != null) {
      modes.add("envoyer-un-courriel");
    }
    if (phone != null) {
      modes.add("telephoner");
    }
    if (o.mobilisationLink() != null) {
      modes.add("utiliser-lien-mobilisation");
    }
    s.put("modes_mobilisation", modes.isEmpty() ? null : modes);
    // The catalogue is how coordinators and caseworkers orient a young person.
    s.put("mobilisable_par", List.of("professionnels"));
    s.put("mobilisation_precisions", o.howToMobilise());
    return s;
  }

  private String structureId(String partnerCode) {
    return source() + "--" + partnerCode;
  }

  private static String partnerEmail(Partner partner) {
    return partner == null ? null : partner.contactEmail();
  }

  private static String partnerPhone(Partner partner) {
    return partner == null ? null : PhoneNumbers.toE164(partner.contactPhone()).orElse(null);
  }

  private static void putAddress(Map<String, Object> s, PostalAddress a) {
    s.put("adresse", a == null ? null : a.street());
    s.put("complement_adresse", a == null ? null : a.complement());
    s.put("code_postal", a == null ? null : a.postalCode());
    s.put("code_insee", a == null ? null : a.communeCode());
    s.put("commune", a == null ? null : a.communeName());
  }

  /**
   * The eligibility zone as INSEE codes: the offer's communes, else the communes of its perimeters,
   * else its partner's département (an offer listing neither serves the whole département).
   */
  private List<String> zone(
      Offer o, Map<String, List<String>> communesByPerimeter, String partnersDepartement) {
    if (!o.communeCodes().isEmpty()) {
      return o.communeCodes();
    }
    if (o.perimeterCodes().isEmpty()) {
      return List.of(partnersDepartement); // its partner's département (several in a region)
    }
    Set<String> codes = new LinkedHashSet<>();
    for (String perimeter : o.perimeterCodes()) {
      codes.addAll(communesByPerimeter.getOrDefault(perimeter, List.of()));
    }
    return codes.isEmpty() ? null : List.copyOf(codes);
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

  /**
   * The network of a partner type in the data·inclusion "réseaux porteurs" referential, when it has
   * one (a CIO, the MLDS, a CFA or a local authority of unknown level belongs to none of its
   * networks).
   */
  static Optional<String> network(PartnerType type) {
    String code =
        switch (type) {
          case MISSION_LOCALE, PAIO -> "mission-locale";
          case PJJ -> "pjj";
          case FRANCE_TRAVAIL -> "france-travail";
          case YOUTH_INFORMATION -> "reseau-information-jeunesse";
          case E2C -> "ecoles-de-la-deuxieme-chance";
          case EPIDE -> "epide";
          case CIO, MLDS, CFA, AGRICULTURE_INSERTION, LOCAL_AUTHORITY, OTHER -> null;
        };
    return Optional.ofNullable(code);
  }

  /**
   * The data·inclusion v1 thématiques of a need: the sub-themes a coordinator means when they
   * record that need for a young person who left school without a diploma (docs/data-inclusion.md).
   */
  static List<String> themes(Need need) {
    return switch (need) {
      case TRAINING ->
          List.of("se-former--trouver-sa-formation", "se-former--monter-son-dossier-de-formation");
      case APPRENTICESHIP ->
          List.of(
              "se-former--trouver-sa-formation",
              "choisir-un-metier--decouvrir-un-metier-ou-un-secteur-dactivite",
              "trouver-un-emploi--faire-des-candidatures-spontanees");
      case EMPLOYMENT ->
          List.of(
              "trouver-un-emploi--repondre-a-des-offres-demploi",
              "preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation",
              "preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi");
      case GUIDANCE ->
          List.of(
              "choisir-un-metier--identifier-ses-points-forts-et-ses-competences",
              "choisir-un-metier--decouvrir-un-metier-ou-un-secteur-dactivite",
              "choisir-un-metier--confirmer-son-choix-de-metier");
      case HEALTH -> List.of("sante--acces-aux-soins", "sante--sante-mentale");
      case HOUSING ->
          List.of(
              "logement-hebergement--rechercher-une-solution-dhebergement-temporaire",
              "logement-hebergement--louer-un-logement",
              "logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement");
      case MOBILITY ->
          List.of(
              "mobilite--etre-accompagne-dans-son-parcours-mobilite",
              "mobilite--preparer-un-permis",
              "mobilite--financer-ma-mobilite");
      case SOCIAL_FAMILY ->
          List.of(
              "famille--surmonter-conflits-separation-violence",
              "remobilisation--lien-social",
              "remobilisation--bien-etre-confiance-en-soi");
      case LEGAL_JUSTICE ->
          List.of(
              "difficultes-administratives-ou-juridiques--prendre-en-compte-une-problematique-judiciaire",
              "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits");
      case RESOURCES ->
          List.of(
              "difficultes-financieres--acquerir-une-autonomie-budgetaire",
              "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits");
    };
  }
}
