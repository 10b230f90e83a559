package fr.raccroche.demo;

import fr.raccroche.security.Roles;
import fr.raccroche.security.UserAccount;
import fr.raccroche.security.UserAccountService;
import fr.raccroche.shared.PostalAddress;
import fr.raccroche.territory.Commune;
import fr.raccroche.territory.CoordinatorDesignation;
import fr.raccroche.territory.Establishment;
import fr.raccroche.territory.EstablishmentType;
import fr.raccroche.territory.OfficialCommune;
import fr.raccroche.territory.Partner;
import fr.raccroche.territory.PartnerType;
import fr.raccroche.territory.Perimeter;
import fr.raccroche.territory.TerritoryCodes;
import fr.raccroche.territory.TerritoryService;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo's second département, 42 (Loire), beside 69 (issue 24): two perimeters, their partners
 * and establishments, and its own coordinators, caseworker, supervisor and prefecture. Communes are
 * chosen by their code in the official list (COG, docs/communes.md) and take their official names;
 * structures and people are fictitious. Codes differ from 69's (one deployment, one namespace).
 * Idempotent, like {@link DemoDepartementLoader}.
 */
@Component
@Profile("demo")
@Order(11)
class DemoLoireLoader implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(DemoLoireLoader.class);
  static final String DEPARTEMENT = "42";
  static final String SAINT_ETIENNE = "SAINT-ETIENNE";
  static final String ROANNE = "ROANNE";

  /** Saint-Étienne, Saint-Chamond, Firminy, Rive-de-Gier, Villars. */
  static final List<String> SAINT_ETIENNE_COMMUNES =
      List.of("42218", "42207", "42095", "42186", "42330");

  /** Roanne, Riorges, Mably, Le Coteau. */
  static final List<String> ROANNE_COMMUNES = List.of("42187", "42184", "42127", "42071");

  private final TerritoryService territory;
  private final UserAccountService accounts;
  private int partners;

  DemoLoireLoader(TerritoryService territory, UserAccountService accounts) {
    this.territory = territory;
    this.accounts = accounts;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    LocalDate designation = LocalDate.of(2025, 9, 15);
    perimeter(
        SAINT_ETIENNE,
        "Saint-Étienne – Gier – Ondaine",
        SAINT_ETIENNE_COMMUNES,
        "coord.42-saint-etienne",
        designation,
        "Arrêté préfectoral 42-2025-0311");
    perimeter(
        ROANNE,
        "Roannais",
        ROANNE_COMMUNES,
        "coord.42-roanne",
        designation,
        "Arrêté préfectoral 42-2025-0312");

    partner(
        "ML-SAINT-ETIENNE",
        "Mission locale Saint-Étienne Gier Ondaine",
        PartnerType.MISSION_LOCALE,
        SAINT_ETIENNE,
        "42218");
    partner("ML-ROANNE", "Mission locale du Roannais", PartnerType.MISSION_LOCALE, ROANNE, "42187");
    partner("CIO-ROANNE", "CIO de Roanne", PartnerType.CIO, ROANNE, "42187");
    territory.definePartner(
        new Partner(
            "MLDS-42",
            "Mission de lutte contre le décrochage scolaire de la Loire",
            PartnerType.MLDS,
            true,
            List.of(),
            "mlds-42@raccroche-demo.example.org",
            null,
            null,
            null,
            null,
            null,
            false,
            null,
            DEPARTEMENT));

    establishment(
        "0420001A", "Lycée professionnel du Furan", EstablishmentType.LYCEE_PROFESSIONNEL, "42218");
    establishment("0420002B", "Collège du Gier", EstablishmentType.COLLEGE, "42186");
    establishment(
        "0420003C", "Lycée polyvalent de la Côte roannaise", EstablishmentType.LYCEE, "42187");

    user("coord.42-saint-etienne", "Solène", "Coordonnatrice Saint-Étienne", coord(SAINT_ETIENNE));
    user("coord.42-roanne", "Romain", "Coordonnateur Roannais", coord(ROANNE));
    user(
        "referent.ml-saint-etienne",
        "Étienne",
        "Référent ML Saint-Étienne",
        TerritoryCodes.partnerGroup("ML-SAINT-ETIENNE"));
    // Coordinators and caseworkers belong to 42 through their group; these two in person.
    user("superviseur.42", "Louise", "Superviseure Loire", Roles.SUPERVISORS_GROUP, DEPARTEMENT);
    user("prefecture.42", "Pierre", "Préfecture de la Loire", Roles.PREFECTURE_GROUP, DEPARTEMENT);
    log.info(
        "Demo département {} loaded (2 perimeters, 4 partners, 3 establishments, 5 users)",
        DEPARTEMENT);
  }

  private void perimeter(
      String code,
      String name,
      List<String> communeCodes,
      String coordinator,
      LocalDate designation,
      String act) {
    // No names typed: each commune takes its official name; the postal codes are the list's.
    List<String> postalCodes =
        communeCodes.stream().flatMap(c -> official(c).postalCodes().stream()).distinct().toList();
    territory.definePerimeter(
        new Perimeter(
            code,
            name,
            DEPARTEMENT,
            communeCodes.stream().map(c -> new Commune(c, null)).toList(),
            postalCodes,
            List.of(new CoordinatorDesignation(coordinator, designation, act))));
  }

  private void partner(
      String code, String name, PartnerType type, String perimeter, String communeCode) {
    OfficialCommune place = official(communeCode);
    partners++;
    territory.definePartner(
        new Partner(
            code,
            name,
            type,
            false,
            List.of(perimeter),
            code.toLowerCase() + "@raccroche-demo.example.org",
            "04 77 00 00 " + String.format("%02d", partners),
            DemoDepartementLoader.demoSiret(100 + partners),
            new PostalAddress(
                partners + " place de la Démonstration",
                null,
                place.postalCodes().get(0),
                place.code(),
                place.name()),
            null,
            "Mo-Fr 09:00-12:30,13:30-17:00; PH off",
            false,
            null));
  }

  private void establishment(String uai, String name, EstablishmentType type, String communeCode) {
    territory.defineEstablishment(
        new Establishment(uai, name, type, communeCode, official(communeCode).name(), null));
  }

  private OfficialCommune official(String code) {
    return territory
        .officialCommune(code)
        .orElseThrow(() -> new IllegalStateException("not in the COG: " + code));
  }

  private static String coord(String perimeter) {
    return TerritoryCodes.coordinatorGroup(perimeter);
  }

  private void user(String id, String firstName, String lastName, String group) {
    user(id, firstName, lastName, group, null);
  }

  private void user(
      String id, String firstName, String lastName, String group, String departement) {
    accounts.ensureDemoUser(
        new UserAccount(
            id,
            firstName,
            lastName,
            id + "@demo.raccroche.invalid",
            DemoDepartementLoader.PASSWORD,
            List.of(group),
            departement));
  }
}
