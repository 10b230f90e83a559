package fr.raccroche.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.raccroche.coordination.process.OfferProcesses;
import fr.raccroche.testsupport.Http;
import fr.raccroche.testsupport.RaccrocheIntegrationTest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The catalogue API as its users meet it: rights, refusals, filters, export, stale-offer task. */
@RaccrocheIntegrationTest
class CoordinationOffersIntegrationTest {
  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired OfferProcesses processes;
  final ObjectMapper json = new ObjectMapper();
  Http http;

  @BeforeEach
  void newClient() {
    http = new Http(port);
  }

  static String offer(String partner, String name, String extra) {
    return """
        {"partnerCode": %s, "name": "%s", "description": "Accompagnement intensif vers l'emploi",
         "types": ["ACCOMPANIMENT"], "needs": ["EMPLOYMENT", "RESOURCES"], "minAge": 16, "maxAge": 25,
         "perimeterCodes": ["LYON"], "placesAvailable": 5, "startDate": "2026-01-01",
         "endDate": "2099-12-31", "contactEmail": "contact@ml-lyon.example.org",
         "contactPhone": "04 72 00 00 00", "howToMobilise": "Fiche de liaison au conseiller"%s}
        """
        .formatted(partner == null ? "null" : "\"" + partner + "\"", name, extra);
  }

  JsonNode ok(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return json.readTree(response.body());
  }

  int count() throws Exception {
    return ok(http.get("/api/offers", "superviseur", "demo"), 200).size();
  }

  List<String> names(JsonNode array) {
    List<String> names = new ArrayList<>();
    array.forEach(o -> names.add(o.get("name").asText()));
    return names;
  }

  @Test
  void badInputIsRefusedInFrenchNamingTheFieldAndNothingIsSaved() throws Exception {
    int before = count();
    long instancesBefore =
        runtime.createProcessInstanceQuery().processDefinitionKey("OfferUpdateProcess").count();
    record Case(String body, String field, String words) {}
    List<Case> cases =
        List.of(
            new Case(offer(null, "Sans structure", ""), "partnerCode", "structure"),
            new Case(offer("INCONNU", "Structure inconnue", ""), "partnerCode", "n'existe pas"),
            new Case(
                offer("ML-LYON", "Places négatives", ", \"placesAvailable\": -1")
                    .replace("\"placesAvailable\": 5,", ""),
                "placesAvailable",
                "négatif"),
            new Case(
                offer("ML-LYON", "Dates inversées", "")
                    .replace("\"endDate\": \"2099-12-31\"", "\"endDate\": \"2025-12-31\""),
                "endDate",
                "précède"),
            new Case(offer("ML-LYON", "", ""), "name", "obligatoire"),
            new Case(
                offer("ML-LYON", "Sans besoin", "")
                    .replace("\"needs\": [\"EMPLOYMENT\", \"RESOURCES\"]", "\"needs\": []"),
                "needs",
                "besoin"),
            new Case(
                offer("ML-LYON", "Âges inversés", "").replace("\"maxAge\": 25", "\"maxAge\": 12"),
                "maxAge",
                "inférieur"));
    for (Case c : cases) {
      JsonNode error = ok(http.postJson("/api/offers", c.body(), "coord.lyon", "demo"), 400);
      assertThat(error.get("fields").get(0).get("field").asText())
          .as(c.body())
          .isEqualTo(c.field());
      assertThat(error.get("message").asText()).as(c.body()).contains(c.words());
    }
    // An update with a bad value changes nothing either.
    JsonNode created =
        ok(
            http.postJson(
                "/api/offers", offer("ML-LYON", "Offre à ne pas casser", ""), "coord.lyon", "demo"),
            201);
    long id = created.get("id").asLong();
    JsonNode refused =
        ok(
            http.putJson(
                "/api/offers/" + id,
                offer("ML-LYON", "Nom changé", "")
                    .replace("\"placesAvailable\": 5", "\"placesAvailable\": -3"),
                "coord.lyon",
                "demo"),
            400);
    assertThat(refused.get("fields").get(0).get("field").asText()).isEqualTo("placesAvailable");
    JsonNode unchanged = ok(http.get("/api/offers/" + id, "coord.lyon", "demo"), 200);
    assertThat(unchanged.get("name").asText()).isEqualTo("Offre à ne pas casser");
    assertThat(unchanged.get("placesAvailable").asInt()).isEqualTo(5);
    assertThat(count()).isEqualTo(before + 1);
    assertThat(
            runtime.createProcessInstanceQuery().processDefinitionKey("OfferUpdateProcess").count())
        .isEqualTo(instancesBefore + 1);
  }

  @Test
  void aCaseworkerEditsOnlyTheirOwnPartnersOffers() throws Exception {
    JsonNode est =
        ok(
            http.postJson(
                "/api/offers",
                offer("ML-EST", "Offre de l'Est", "").replace("[\"LYON\"]", "[\"EST\"]"),
                "coord.est",
                "demo"),
            201);
    // referent.ml-lyon belongs to partner-ML-LYON: not ML-EST's offers.
    ok(
        http.putJson(
            "/api/offers/" + est.get("id").asLong(),
            offer("ML-EST", "Détournée", "").replace("[\"LYON\"]", "[\"EST\"]"),
            "referent.ml-lyon",
            "demo"),
        403);
    ok(
        http.postJson(
            "/api/offers", offer("ML-EST", "Créée pour un autre", ""), "referent.ml-lyon", "demo"),
        403);
    assertThat(
            ok(http.get("/api/offers/" + est.get("id").asLong(), "coord.est", "demo"), 200)
                .get("name")
                .asText())
        .isEqualTo("Offre de l'Est");
    // A coordinator of another perimeter cannot either; the prefecture reads but never writes.
    ok(
        http.putJson(
            "/api/offers/" + est.get("id").asLong(),
            offer("ML-EST", "Détournée", "").replace("[\"LYON\"]", "[\"EST\"]"),
            "coord.lyon",
            "demo"),
        403);
    ok(http.postJson("/api/offers", offer("ML-LYON", "Préfecture", ""), "prefecture", "demo"), 403);
    ok(http.get("/api/offers", "prefecture", "demo"), 200);

    JsonNode own =
        ok(
            http.postJson(
                "/api/offers", offer("ML-LYON", "Atelier CV", ""), "referent.ml-lyon", "demo"),
            201);
    JsonNode updated =
        ok(
            http.putJson(
                "/api/offers/" + own.get("id").asLong(),
                offer("ML-LYON", "Atelier CV et lettre", ""),
                "referent.ml-lyon",
                "demo"),
            200);
    assertThat(updated.get("name").asText()).isEqualTo("Atelier CV et lettre");
  }

  @Test
  void filtersByPerimeterNeedAgeAndPlaces() throws Exception {
    ok(
        http.postJson(
            "/api/offers",
            offer("ML-LYON", "Filtre logement complet", "")
                .replace("[\"EMPLOYMENT\", \"RESOURCES\"]", "[\"HOUSING\"]")
                .replace("\"placesAvailable\": 5", "\"placesAvailable\": 0"),
            "coord.lyon",
            "demo"),
        201);
    ok(
        http.postJson(
            "/api/offers",
            offer("ML-LYON", "Filtre logement majeurs", "")
                .replace("[\"EMPLOYMENT\", \"RESOURCES\"]", "[\"HOUSING\"]")
                .replace("\"minAge\": 16", "\"minAge\": 18"),
            "coord.lyon",
            "demo"),
        201);
    List<String> housing =
        names(ok(http.get("/api/offers?need=HOUSING&perimeter=LYON", "coord.lyon", "demo"), 200));
    assertThat(housing).contains("Filtre logement complet", "Filtre logement majeurs");
    assertThat(
            names(
                ok(http.get("/api/offers?need=HOUSING&perimeter=EST", "coord.lyon", "demo"), 200)))
        .doesNotContain("Filtre logement complet", "Filtre logement majeurs");
    assertThat(names(ok(http.get("/api/offers?need=HOUSING&age=16", "coord.lyon", "demo"), 200)))
        .contains("Filtre logement complet")
        .doesNotContain("Filtre logement majeurs");
    assertThat(
            names(
                ok(
                    http.get("/api/offers?need=HOUSING&placesAvailable=true", "coord.lyon", "demo"),
                    200)))
        .contains("Filtre logement majeurs")
        .doesNotContain("Filtre logement complet");
    ok(http.get("/api/offers?need=INCONNU", "coord.lyon", "demo"), 400);
  }

  @Test
  void theExportFollowsTheDataInclusionServiceSchema() throws Exception {
    JsonNode created =
        ok(
            http.postJson(
                "/api/offers",
                offer("ML-LYON", "Export garanti", ", \"published\": true"),
                "coord.lyon",
                "demo"),
            201);
    JsonNode export = ok(http.get("/api/offers/export", "prefecture", "demo"), 200);
    JsonNode service = null;
    for (JsonNode s : export) {
      if (s.get("nom").asText().equals("Export garanti")) {
        service = s;
      }
    }
    assertThat(service).isNotNull();
    Set<String> keys = new HashSet<>();
    service.fieldNames().forEachRemaining(keys::add);
    // Field names of the data·inclusion v1 service schema, written out independently here (the
    // schema itself checks them in DataInclusionSchemaIntegrationTest).
    assertThat(keys)
        .containsExactlyInAnyOrder(
            "source",
            "structure_id",
            "id",
            "nom",
            "description",
            "date_maj",
            "type",
            "thematiques",
            "frais",
            "frais_precisions",
            "publics",
            "publics_precisions",
            "conditions_acces",
            "telephone",
            "courriel",
            "contact_nom_prenom",
            "modes_accueil",
            "adresse",
            "complement_adresse",
            "code_postal",
            "code_insee",
            "commune",
            "horaires_accueil",
            "zone_eligibilite",
            "lien_mobilisation",
            "modes_mobilisation",
            "mobilisable_par",
            "mobilisation_precisions");
    for (String required :
        List.of("source", "structure_id", "id", "nom", "description", "date_maj")) {
      assertThat(service.get(required).isNull()).as(required).isFalse();
    }
    assertThat(service.get("structure_id").asText()).isEqualTo("raccroche-69--ML-LYON");
    assertThat(service.get("id").asText()).endsWith("-" + created.get("id").asLong());
    assertThat(service.get("date_maj").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
    assertThat(service.get("type").asText()).isEqualTo("accompagnement");
    assertThat(service.get("thematiques").toString())
        .contains("trouver-un-emploi--repondre-a-des-offres-demploi");
    assertThat(service.get("publics").get(0).asText()).isEqualTo("jeunes");
    assertThat(service.get("telephone").asText()).isEqualTo("+33472000000");
    assertThat(service.get("zone_eligibilite").toString())
        .contains("69381")
        .doesNotContain("69266");
    assertThat(service.get("modes_mobilisation").toString())
        .contains("envoyer-un-courriel", "telephoner");
  }

  @Test
  void aStaleOfferGivesExactlyOneTaskThatClosesWhenTheOfferIsUpdated() throws Exception {
    JsonNode created =
        ok(
            http.postJson(
                "/api/offers", offer("ML-LYON", "Offre qui vieillit", ""), "coord.lyon", "demo"),
            201);
    long id = created.get("id").asLong();
    String key = OfferProcesses.businessKey(id);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).count())
        .isEqualTo(1);
    Job timer = timer(key);
    LocalDate due = timer.getDuedate().toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
    assertThat(due).isEqualTo(LocalDate.parse(created.get("lastUpdatedOn").asText()).plusMonths(6));

    // Publishing it again (e.g. a repeated start) never opens a second process.
    processes.published(id, "ML-LYON", "Offre qui vieillit", "aujourd'hui");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).count())
        .isEqualTo(1);

    timer = timer(key);
    management.executeJob(timer.getId());
    List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(key).list();
    assertThat(open).hasSize(1);
    assertThat(open.get(0).getName()).isEqualTo("Mettre à jour l'offre");
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceBusinessKey(key)
                .taskCandidateGroup("partner-ML-LYON")
                .count())
        .isEqualTo(1);
    assertThat(
            management
                .createJobQuery()
                .processInstanceId(open.get(0).getProcessInstanceId())
                .timers()
                .count())
        .isZero();

    ok(
        http.putJson(
            "/api/offers/" + id,
            offer("ML-LYON", "Offre rajeunie", ""),
            "referent.ml-lyon",
            "demo"),
        200);
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(key).count()).isZero();
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).count())
        .isEqualTo(1);
    assertThat(
            management
                .createJobQuery()
                .processInstanceId(open.get(0).getProcessInstanceId())
                .timers()
                .count())
        .isEqualTo(1);
  }

  Job timer(String businessKey) {
    String instance =
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(businessKey)
            .singleResult()
            .getId();
    return management.createJobQuery().processInstanceId(instance).timers().singleResult();
  }
}
