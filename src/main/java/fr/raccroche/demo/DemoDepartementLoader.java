package fr.raccroche.demo;

import fr.raccroche.security.Roles;
import fr.raccroche.security.UserAccount;
import fr.raccroche.security.UserAccountService;
import fr.raccroche.shared.PostalAddress;
import fr.raccroche.territory.Commune;
import fr.raccroche.territory.CoordinatorDesignation;
import fr.raccroche.territory.Establishment;
import fr.raccroche.territory.EstablishmentType;
import fr.raccroche.territory.Partner;
import fr.raccroche.territory.PartnerType;
import fr.raccroche.territory.Perimeter;
import fr.raccroche.territory.TerritoryCodes;
import fr.raccroche.territory.TerritoryService;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * Loads the demo département 69 through the real territory and account services. Idempotent:
 * restarting on the same database changes nothing (existing accounts keep their password).
 */
@Component
@Profile("demo")
@Order(10)
class DemoDepartementLoader implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(DemoDepartementLoader.class);
  static final String DEPARTEMENT = "69";
  static final String PASSWORD = "demo";

  private final TerritoryService territory;
  private final UserAccountService accounts;

  DemoDepartementLoader(TerritoryService territory, UserAccountService accounts) {
    this.territory = territory;
    this.accounts = accounts;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    LocalDate designation = LocalDate.of(2025, 9, 1);
    List<Commune> lyon = new ArrayList<>();
    List<String> lyonPostal = new ArrayList<>();
    for (int arrondissement = 1; arrondissement <= 9; arrondissement++) {
      lyon.add(
          new Commune(
              "6938" + arrondissement,
              "Lyon " + arrondissement + (arrondissement == 1 ? "er" : "e") + " arrondissement"));
      lyonPostal.add("6900" + arrondissement);
    }
    territory.definePerimeter(
        new Perimeter(
            "LYON",
            "Lyon",
            DEPARTEMENT,
            lyon,
            lyonPostal,
            List.of(
                new CoordinatorDesignation(
                    "coord.lyon", designation, "Arrêté préfectoral 69-2025-0142"))));
    territory.definePerimeter(
        new Perimeter(
            "EST",
            "Est lyonnais",
            DEPARTEMENT,
            List.of(
                new Commune("69266", "Villeurbanne"),
                new Commune("69259", "Vénissieux"),
                new Commune("69029", "Bron")),
            List.of("69100", "69200", "69500"),
            List.of(
                new CoordinatorDesignation(
                    "coord.est", designation, "Arrêté préfectoral 69-2025-0143"))));
    territory.definePerimeter(
        new Perimeter(
            "NORD",
            "Beaujolais – Val de Saône",
            DEPARTEMENT,
            List.of(new Commune("69264", "Villefranche-sur-Saône"), new Commune("69243", "Tarare")),
            List.of("69400", "69170"),
            List.of(
                new CoordinatorDesignation(
                    "coord.nord", designation, "Arrêté préfectoral 69-2025-0144"))));

    partner("ML-LYON", "Mission locale de Lyon", PartnerType.MISSION_LOCALE, "LYON");
    partner("CIO-LYON", "CIO de Lyon", PartnerType.CIO, "LYON");
    partner("ML-EST", "Mission locale de l'Est lyonnais", PartnerType.MISSION_LOCALE, "EST");
    partner(
        "ML-NORD", "Mission locale Beaujolais – Val de Saône", PartnerType.MISSION_LOCALE, "NORD");
    partner("CFA-NORD", "CFA du Beaujolais", PartnerType.CFA, "NORD");
    partner("E2C-LYON", "École de la deuxième chance de Lyon", PartnerType.E2C, "LYON");
    partner("FT-EST", "France Travail Villeurbanne", PartnerType.FRANCE_TRAVAIL, "EST");
    territory.definePartner(
        new Partner(
            "MLDS-69",
            "Mission de lutte contre le décrochage scolaire du Rhône",
            PartnerType.MLDS,
            true,
            List.of(),
            "mlds@raccroche-demo.example.org",
            null));
    territory.definePartner(
        new Partner(
            "PJJ-69",
            "Direction territoriale de la PJJ du Rhône",
            PartnerType.PJJ,
            true,
            List.of(),
            "pjj@raccroche-demo.example.org",
            null));

    establishment(
        "0690001B",
        "Lycée professionnel de la Croix-Rousse",
        EstablishmentType.LYCEE_PROFESSIONNEL,
        "69384",
        "Lyon 4e arrondissement");
    establishment(
        "0690002C",
        "Lycée général Saint-Exupéry",
        EstablishmentType.LYCEE,
        "69384",
        "Lyon 4e arrondissement");
    establishment(
        "0690003D",
        "Collège Jean-Moulin",
        EstablishmentType.COLLEGE,
        "69385",
        "Lyon 5e arrondissement");
    establishment(
        "0690004E",
        "Lycée professionnel Gerland",
        EstablishmentType.LYCEE_PROFESSIONNEL,
        "69387",
        "Lyon 7e arrondissement");
    establishment(
        "0690005F",
        "Collège des États-Unis",
        EstablishmentType.COLLEGE,
        "69388",
        "Lyon 8e arrondissement");
    establishment(
        "0690006G",
        "Lycée professionnel Émile-Béjuit",
        EstablishmentType.LYCEE_PROFESSIONNEL,
        "69029",
        "Bron");
    establishment(
        "0690007H",
        "Lycée polyvalent Marcel-Sembat",
        EstablishmentType.LYCEE,
        "69259",
        "Vénissieux");
    establishment(
        "0690008J", "Collège Louis-Jouvet", EstablishmentType.COLLEGE, "69266", "Villeurbanne");
    establishment(
        "0690009K",
        "Lycée professionnel Frédéric-Faÿs",
        EstablishmentType.LYCEE_PROFESSIONNEL,
        "69266",
        "Villeurbanne");
    establishment(
        "0690010L",
        "Lycée Louis-Armand",
        EstablishmentType.LYCEE,
        "69264",
        "Villefranche-sur-Saône");
    establishment(
        "0690011M",
        "Lycée agricole du Beaujolais",
        EstablishmentType.LYCEE_AGRICOLE,
        "69243",
        "Tarare");
    establishment(
        "0690012N",
        "CFA des métiers du Beaujolais",
        EstablishmentType.CFA,
        "69264",
        "Villefranche-sur-Saône");

    user("admin", "Alice", "Administratrice", Roles.ADMIN_GROUP);
    user("superviseur", "Sophie", "Superviseure", Roles.SUPERVISORS_GROUP);
    user("prefecture", "Paul", "Préfecture", Roles.PREFECTURE_GROUP);
    // The regional steering group (aggregates of every département of the region only).
    user("region", "Rémi", "Pilotage régional", Roles.REGION_GROUP);
    user("coord.lyon", "Claire", "Coordonnatrice Lyon", TerritoryCodes.coordinatorGroup("LYON"));
    user("coord.est", "Éric", "Coordonnateur Est", TerritoryCodes.coordinatorGroup("EST"));
    user("coord.nord", "Nadia", "Coordonnatrice Nord", TerritoryCodes.coordinatorGroup("NORD"));
    user("referent.ml-lyon", "Romain", "Référent ML Lyon", TerritoryCodes.partnerGroup("ML-LYON"));
    user(
        "referent.cio-lyon", "Inès", "Référente CIO Lyon", TerritoryCodes.partnerGroup("CIO-LYON"));
    user("referent.ml-est", "Karim", "Référent ML Est", TerritoryCodes.partnerGroup("ML-EST"));
    user("referent.ml-nord", "Léa", "Référente ML Nord", TerritoryCodes.partnerGroup("ML-NORD"));
    user("referent.cfa-nord", "Hugo", "Référent CFA Nord", TerritoryCodes.partnerGroup("CFA-NORD"));
    log.info(
        "Demo département {} loaded (3 perimeters, 9 partners, 12 establishments, 11 users)",
        DEPARTEMENT);
  }

  /**
   * A partner of one perimeter, described as data·inclusion shows it: a made-up SIRET (SIREN
   * 000000000, which INSEE never gives), premises in the perimeter's main commune, a switchboard
   * number, office hours. The Mission locale de Lyon agreed to publish its staff's contacts.
   */
  private void partner(String code, String name, PartnerType type, String perimeter) {
    String[] place =
        switch (perimeter) {
          case "LYON" -> new String[] {"69003", "69383", "Lyon 3e arrondissement"};
          case "EST" -> new String[] {"69100", "69266", "Villeurbanne"};
          default -> new String[] {"69400", "69264", "Villefranche-sur-Saône"};
        };
    territory.definePartner(
        new Partner(
            code,
            name,
            type,
            false,
            List.of(perimeter),
            code.toLowerCase() + "@raccroche-demo.example.org",
            "04 72 00 00 " + String.format("%02d", ++partners),
            demoSiret(partners),
            new PostalAddress(
                partners + " rue de la Démonstration", null, place[0], place[1], place[2]),
            null,
            "Mo-Fr 09:00-12:30,13:30-17:00; PH off",
            code.equals("ML-LYON"),
            null));
  }

  private int partners;

  /** A SIRET of the fictitious SIREN 000000000 whose Luhn check digit is right. */
  static String demoSiret(int n) {
    String base = "000000000" + String.format("%04d", n);
    for (int check = 0; check <= 9; check++) {
      if (TerritoryCodes.isSiret(base + check)) {
        return base + check;
      }
    }
    throw new IllegalStateException("no check digit");
  }

  private void establishment(
      String uai, String name, EstablishmentType type, String communeCode, String communeName) {
    territory.defineEstablishment(
        new Establishment(uai, name, type, communeCode, communeName, null));
  }

  private void user(String id, String firstName, String lastName, String group) {
    accounts.ensureDemoUser(
        new UserAccount(
            id, firstName, lastName, id + "@demo.raccroche.invalid", PASSWORD, List.of(group)));
  }
}
