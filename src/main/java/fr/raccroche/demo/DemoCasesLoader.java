package fr.raccroche.demo;

import fr.raccroche.pathway.CaseFilter;
import fr.raccroche.pathway.CaseOrigin;
import fr.raccroche.pathway.CaseQueries;
import fr.raccroche.pathway.CaseScope;
import fr.raccroche.pathway.CaseView;
import fr.raccroche.pathway.LeaverSource;
import fr.raccroche.pathway.NewCase;
import fr.raccroche.pathway.PersonDetails;
import fr.raccroche.pathway.SchoolLevel;
import fr.raccroche.pathway.Signalements;
import fr.raccroche.territory.TerritoryService;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * Demo cases spread over every stage of the pathway, so that every demo user has something to do.
 * Started through {@link Signalements} (the intake) and moved on by completing their tasks and
 * firing their timers, as people and time would. Fictitious people. Loaded once (when there is no
 * case yet).
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "raccroche.demo.cases", havingValue = "true", matchIfMissing = true)
@Order(20)
class DemoCasesLoader implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(DemoCasesLoader.class);
  private static final String[] FIRST = {
    "Lina", "Yanis", "Inès", "Nolan", "Jade", "Rayan", "Chloé", "Adam", "Manon", "Théo", "Sarah",
    "Ilyes", "Léa", "Mathis", "Camille", "Enzo", "Maëlys", "Sofiane", "Océane", "Lucas", "Emma",
    "Kylian", "Anaïs", "Hugo", "Zoé", "Bilal", "Clara", "Noah", "Lou", "Samy", "Eva", "Tom"
  };
  private static final String[] LAST = {
    "Martin", "Bernard", "Moreau", "Lefèvre", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin",
    "Muller", "Henry", "Roussel", "Nicolas", "Perrin", "Morin", "Mathieu", "Clément", "Gauthier",
    "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin", "Masson", "Sanchez", "Gérard", "Nguyen",
    "Boyer", "Denis", "Lemaire", "Duval", "Joly"
  };

  /** Where a perimeter's demo cases live. */
  private record Place(
      String perimeter, String communeCode, String communeName, String postalCode, String uai) {}

  private static final List<Place> PLACES =
      List.of(
          new Place("LYON", "69388", "Lyon 8e arrondissement", "69008", "0690005F"),
          new Place("LYON", "69384", "Lyon 4e arrondissement", "69004", "0690001B"),
          new Place("EST", "69266", "Villeurbanne", "69100", "0690009K"),
          new Place("EST", "69259", "Vénissieux", "69200", "0690007H"),
          new Place("NORD", "69264", "Villefranche-sur-Saône", "69400", "0690010L"),
          new Place("NORD", "69243", "Tarare", "69170", "0690011M"));

  private final CaseQueries cases;
  private final Signalements signalements;
  private final TaskService tasks;
  private final ManagementService management;
  private final TerritoryService territory;
  private int counter;

  DemoCasesLoader(
      CaseQueries cases,
      Signalements signalements,
      TaskService tasks,
      ManagementService management,
      TerritoryService territory) {
    this.territory = territory;
    this.cases = cases;
    this.signalements = signalements;
    this.tasks = tasks;
    this.management = management;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (cases
            .findCases(CaseScope.ALL, new CaseFilter(null, null, null), PageRequest.of(0, 1))
            .getTotalElements()
        > 0) {
      return;
    }
    for (int round = 0; round < 2; round++) {
      for (Place place : PLACES) {
        String partner = mainPartner(place.perimeter());
        // To contact: one recent, one detected three weeks ago (overdue).
        start(place, 3, 17, false, null);
        start(place, 21, 19, false, null);
        if (round == 0) {
          // Two unsuccessful attempts, waiting for the next one.
          CaseView tried = start(place, 30, 18, false, null);
          contact(tried, "NOT_REACHED");
          fire(tried, "Timer_NextContactAttempt");
          contact(tried, "NOT_REACHED");
          // In diagnosis: needs to analyse.
          CaseView reached = start(place, 25, 20, false, null);
          contact(reached, "REACHED");
          // To orient: diagnosis done.
          CaseView diagnosed = start(place, 40, 18, false, null);
          diagnose(diagnosed);
          // Oriented: waiting for the partner's answer.
          CaseView oriented = start(place, 50, 21, false, null);
          diagnose(oriented);
          complete(oriented, "Task_OrientToReferent", "referentPartnerCode", partner);
        } else {
          // Taken in charge, follow-up due.
          CaseView followed = start(place, 120, 19, false, null);
          diagnose(followed);
          complete(followed, "Task_OrientToReferent", "referentPartnerCode", partner);
          // The follow-up task is open as soon as the orientation is accepted.
          complete(followed, "Task_AcceptOrientation", "orientationAccepted", true);
          // In solution, one-year check due for the coordinator.
          CaseView solution = start(place, 300, 20, false, null);
          diagnose(solution);
          complete(solution, "Task_OrientToReferent", "referentPartnerCode", partner);
          complete(solution, "Task_AcceptOrientation", "orientationAccepted", true);
          complete(
              solution,
              "Task_FollowUp",
              "situation",
              "IN_SOLUTION",
              "solutionType",
              "APPRENTICESHIP",
              "solutionStartDate",
              LocalDate.now().minusMonths(2).toString());
          fire(solution, "Timer_OneYearCheck");
        }
      }
    }
    // Closed cases and the other entries of the pathway.
    Place lyon = PLACES.get(0);
    CaseView refused = start(lyon, 60, 22, false, null);
    contact(refused, "REFUSED");
    start(PLACES.get(2), 10, 18, true, null);
    start(PLACES.get(4), 15, 20, false, "ML-NORD");
    int rhone = counter;
    loire();
    log.info(
        "Demo cases loaded ({} cases over every stage of the pathway in 69, {} in 42)",
        rhone,
        counter - rhone);
  }

  /**
   * The Loire's cases (département 42, {@link DemoLoireLoader}): fewer, at the first stages and in
   * follow-up, so that its coordinators, caseworker and supervisor have work too. Places are chosen
   * by commune code; their names come from the official list.
   */
  private void loire() {
    List<Place> places =
        List.of(
            loirePlace(DemoLoireLoader.SAINT_ETIENNE, "42218", "42100", "0420001A"),
            loirePlace(DemoLoireLoader.SAINT_ETIENNE, "42186", "42800", "0420002B"),
            loirePlace(DemoLoireLoader.ROANNE, "42187", "42300", "0420003C"));
    for (Place place : places) {
      String partner = mainPartner(place.perimeter());
      start(place, 4, 18, false, null);
      start(place, 24, 17, false, null);
      CaseView reached = start(place, 27, 19, false, null);
      contact(reached, "REACHED");
      CaseView oriented = start(place, 45, 20, false, null);
      diagnose(oriented);
      complete(oriented, "Task_OrientToReferent", "referentPartnerCode", partner);
      CaseView followed = start(place, 110, 21, false, null);
      diagnose(followed);
      complete(followed, "Task_OrientToReferent", "referentPartnerCode", partner);
      complete(followed, "Task_AcceptOrientation", "orientationAccepted", true);
    }
  }

  private Place loirePlace(String perimeter, String communeCode, String postalCode, String uai) {
    String name =
        territory
            .officialCommune(communeCode)
            .orElseThrow(() -> new IllegalStateException("not in the COG: " + communeCode))
            .name();
    return new Place(perimeter, communeCode, name, postalCode, uai);
  }

  private static String mainPartner(String perimeter) {
    return switch (perimeter) {
      case "LYON" -> "ML-LYON";
      case "EST" -> "ML-EST";
      case DemoLoireLoader.SAINT_ETIENNE -> "ML-SAINT-ETIENNE";
      case DemoLoireLoader.ROANNE -> "ML-ROANNE";
      default -> "ML-NORD";
    };
  }

  private CaseView start(
      Place place, int daysAgo, int age, boolean enrolledElsewhere, String followedBy) {
    int i = counter++;
    LocalDate detected = LocalDate.now().minusDays(daysAgo);
    LocalDate birth = LocalDate.now().minusYears(age).minusDays(37L * (i % 9) + 11);
    PersonDetails person =
        new PersonDetails(
            null,
            LAST[(i * 7) % LAST.length].toUpperCase(java.util.Locale.FRENCH),
            FIRST[i % FIRST.length],
            i % 2 == 0 ? "F" : "M",
            birth,
            (10 + i) + " rue de la République",
            place.postalCode(),
            place.communeCode(),
            place.communeName(),
            "06 00 00 " + String.format("%02d %02d", i % 100, (i * 3) % 100),
            null,
            age < 18 ? "Parent de " + FIRST[i % FIRST.length] : null,
            age < 18 ? "07 00 00 00 " + String.format("%02d", i % 100) : null);
    String caseNumber =
        signalements
            .signal(
                CaseScope.ALL,
                "demo",
                new NewCase(
                    person,
                    CaseOrigin.IMPORT,
                    i % 5 == 0 ? LeaverSource.AGRICULTURE : LeaverSource.EN,
                    detected,
                    detected.minusMonths(1),
                    i % 3 == 0 ? "Abandon en cours d'année" : "Non réinscrit à la rentrée",
                    i % 2 == 0 ? "CAP Cuisine" : "Seconde générale",
                    i % 2 == 0 ? SchoolLevel.CAP_BEP : SchoolLevel.LYCEE,
                    place.uai(),
                    null,
                    null,
                    false,
                    followedBy,
                    enrolledElsewhere))
            .caseNumber();
    return cases.getCase(CaseScope.ALL, caseNumber);
  }

  private void contact(CaseView c, String outcome) {
    complete(
        c,
        "Task_ContactYoungPerson",
        "contactOutcome",
        outcome,
        "contactDate",
        LocalDate.now().minusDays(1).toString());
  }

  private void diagnose(CaseView c) {
    contact(c, "REACHED");
    complete(
        c,
        "Task_AnalyseNeeds",
        "primaryNeed",
        "TRAINING",
        "projectDescription",
        "Trouver une formation qualifiante");
    complete(c, "Task_RecognisePriorLearning", "priorLearningHighestLevel", "CAP_BEP");
  }

  private void complete(CaseView c, String taskKey, Object... keyValues) {
    Task task =
        tasks
            .createTaskQuery()
            .processInstanceId(c.processInstanceId())
            .taskDefinitionKey(taskKey)
            .singleResult();
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      variables.put((String) keyValues[i], keyValues[i + 1]);
    }
    tasks.complete(task.getId(), variables);
  }

  private void fire(CaseView c, String timerId) {
    Job job =
        management
            .createJobQuery()
            .processInstanceId(c.processInstanceId())
            .activityId(timerId)
            .singleResult();
    management.executeJob(job.getId());
  }
}
