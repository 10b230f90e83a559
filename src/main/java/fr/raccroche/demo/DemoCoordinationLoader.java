package fr.raccroche.demo;

import fr.raccroche.coordination.ExperimentRecords.CallRequest;
import fr.raccroche.coordination.ExperimentRecords.ProjectRequest;
import fr.raccroche.coordination.ExperimentService;
import fr.raccroche.coordination.OfferFees;
import fr.raccroche.coordination.OfferFilter;
import fr.raccroche.coordination.OfferRequest;
import fr.raccroche.coordination.OfferService;
import fr.raccroche.coordination.OfferType;
import fr.raccroche.coordination.ReceptionMode;
import fr.raccroche.pathway.Need;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's local offers (before the demo cases, so that their orientation tasks show matching
 * offers; two of them last updated seven months ago, so their partners have "Mettre à jour l'offre"
 * tasks; no health offer anywhere, a gap the diagnosis shows) and a call for projects with one
 * project selected and one waiting for the supervisors; every offer but the housing one published
 * for data·inclusion. Loaded once (when there is no offer).
 */
@Component
@Profile("demo")
@Order(15)
class DemoCoordinationLoader implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(DemoCoordinationLoader.class);
  private static final String DEMO = "demo";

  private final OfferService offers;
  private final ExperimentService experiments;
  private final TaskService tasks;

  DemoCoordinationLoader(OfferService offers, ExperimentService experiments, TaskService tasks) {
    this.offers = offers;
    this.experiments = experiments;
    this.tasks = tasks;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!offers.find(OfferFilter.none()).isEmpty()) {
      return;
    }
    LocalDate today = LocalDate.now();
    LocalDate stale = today.minusMonths(7);
    offer(
        "ML-LYON",
        "Accompagnement intensif jeunes (CEJ)",
        "Contrat d'engagement jeune : 15 à 20 heures d'activités par semaine, allocation possible.",
        List.of(OfferType.ACCOMPANIMENT, OfferType.FINANCIAL_AID),
        List.of(Need.EMPLOYMENT, Need.RESOURCES, Need.GUIDANCE),
        16,
        25,
        "LYON",
        12,
        "Fiche de liaison au conseiller référent.",
        today.minusDays(20));
    offer(
        "ML-LYON",
        "Atelier CV et entretien",
        "Deux demi-journées pour préparer sa candidature : CV, lettre, simulation d'entretien.",
        List.of(OfferType.WORKSHOP),
        List.of(Need.EMPLOYMENT),
        16,
        25,
        "LYON",
        8,
        "Inscription par courriel.",
        stale);
    offer(
        "CIO-LYON",
        "Bilan d'orientation",
        "Entretiens avec un psychologue de l'Éducation nationale pour construire un projet de formation.",
        List.of(OfferType.INFORMATION, OfferType.ACCOMPANIMENT),
        List.of(Need.GUIDANCE, Need.TRAINING),
        16,
        20,
        "LYON",
        null,
        "Rendez-vous par téléphone.",
        today.minusMonths(2));
    offer(
        "E2C-LYON",
        "Parcours École de la deuxième chance",
        "Formation en alternance de 6 à 9 mois pour construire un projet professionnel.",
        List.of(OfferType.TRAINING),
        List.of(Need.TRAINING, Need.EMPLOYMENT),
        16,
        25,
        "LYON",
        5,
        "Information collective chaque mardi, puis entretien.",
        today.minusMonths(1));
    offer(
        "ML-EST",
        "Aide à la mobilité (permis, transports)",
        "Financement partiel du permis B, prêt de deux-roues, tarifs réduits de transport.",
        List.of(OfferType.FINANCIAL_AID, OfferType.MATERIAL_AID),
        List.of(Need.MOBILITY),
        18,
        25,
        "EST",
        4,
        "Demande par le conseiller référent.",
        stale);
    offer(
        "FT-EST",
        "Immersion en entreprise",
        "Période de mise en situation en milieu professionnel de une à quatre semaines.",
        List.of(OfferType.ACCOMPANIMENT),
        List.of(Need.EMPLOYMENT, Need.APPRENTICESHIP),
        16,
        25,
        "EST",
        10,
        "Convention signée par le conseiller.",
        today.minusMonths(3));
    offer(
        "CFA-NORD",
        "Prépa-apprentissage",
        "Trois mois pour découvrir des métiers et trouver un employeur avant d'entrer en apprentissage.",
        List.of(OfferType.TRAINING),
        List.of(Need.APPRENTICESHIP, Need.TRAINING),
        16,
        29,
        "NORD",
        6,
        "Entretien de positionnement au CFA.",
        today.minusMonths(1));
    offer(
        "ML-NORD",
        "Logement jeunes travailleurs",
        "Orientation vers les foyers de jeunes travailleurs et aide au premier logement.",
        List.of(OfferType.ACCOMPANIMENT),
        List.of(Need.HOUSING),
        18,
        25,
        "NORD",
        2,
        "Fiche de liaison au conseiller logement.",
        today.minusMonths(4));
    offer(
        "PJJ-69",
        "Accompagnement socio-judiciaire",
        "Suivi éducatif et accès aux droits pour les jeunes sous main de justice.",
        List.of(OfferType.ACCOMPANIMENT),
        List.of(Need.LEGAL_JUSTICE, Need.SOCIAL_FAMILY),
        16,
        21,
        null,
        null,
        "Sur orientation du juge ou du coordonnateur.",
        today.minusMonths(2));

    var call =
        experiments.createCall(
            new CallRequest(
                "Appel à projets 2026 — raccrochage et remobilisation",
                "Préfecture du Rhône (fonds de prévention du décrochage)",
                "Expérimentations locales de repérage et de remobilisation des jeunes sortis sans diplôme.",
                new BigDecimal("50000"),
                today.minusDays(30),
                today.plusDays(60)),
            DEMO);
    var selected =
        experiments.submit(
            call.id(),
            new ProjectRequest(
                "ML-LYON",
                "LYON",
                "Remobilisation par le sport",
                "Séances hebdomadaires de sport et d'ateliers pour des jeunes en rupture.",
                new BigDecimal("18000"),
                today.minusDays(10),
                today.plusMonths(10)),
            DEMO);
    experiments.submit(
        call.id(),
        new ProjectRequest(
            "ML-NORD",
            "NORD",
            "Permanences itinérantes en zone rurale",
            "Un camion d'accueil dans les communes sans permanence de la Mission locale.",
            new BigDecimal("22000"),
            today.plusDays(15),
            today.plusMonths(12)),
        DEMO);
    Task selection =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey("projet-" + selected.id())
            .taskDefinitionKey("Task_SelectProject")
            .singleResult();
    tasks.complete(
        selection.getId(),
        java.util.Map.of(
            "projectSelected", true,
            "amountGranted", "15000",
            "selectionComment", "Retenu avec un budget réduit (matériel mutualisé)."));
    log.info("Demo coordination loaded: local offers and a call for projects");
  }

  private void offer(
      String partner,
      String name,
      String description,
      List<OfferType> types,
      List<Need> needs,
      Integer minAge,
      Integer maxAge,
      String perimeter,
      Integer places,
      String howToMobilise,
      LocalDate lastUpdatedOn) {
    // Every demo offer is published but the housing one, which its editor has not decided on.
    boolean published = !needs.contains(Need.HOUSING);
    offers.createAsOf(
        new OfferRequest(
            partner,
            name,
            description,
            types,
            needs,
            minAge,
            maxAge,
            null,
            null,
            perimeter == null ? List.of() : List.of(perimeter),
            List.of(),
            places,
            today().minusMonths(2),
            null,
            null,
            "contact@" + partner.toLowerCase() + ".raccroche-demo.example.org",
            "04 72 00 00 00",
            howToMobilise,
            null,
            published,
            OfferFees.FREE,
            null,
            List.of(ReceptionMode.IN_PERSON),
            "Mo-Fr 09:00-12:30,13:30-17:00; PH off",
            null),
        DEMO,
        lastUpdatedOn);
  }

  private static LocalDate today() {
    return LocalDate.now();
  }
}
