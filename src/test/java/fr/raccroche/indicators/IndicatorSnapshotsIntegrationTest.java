package fr.raccroche.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.raccroche.indicators.internal.PublishedSnapshotException;
import fr.raccroche.indicators.internal.SnapshotEntity;
import fr.raccroche.indicators.internal.SnapshotRepository;
import fr.raccroche.pathway.CaseOrigin;
import fr.raccroche.pathway.CaseRegistered;
import fr.raccroche.pathway.LeaverSource;
import fr.raccroche.pathway.SchoolLevel;
import fr.raccroche.testsupport.Http;
import fr.raccroche.testsupport.RaccrocheIntegrationTest;
import java.lang.reflect.Field;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Quarterly snapshots through QuarterlyIndicatorsProcess as supervisors run it (manual start,
 * review in engine-rest, recomputation, publication), what the prefecture reads then, and that a
 * published snapshot never changes. Works on the school year 2019-2020, which nothing else uses.
 */
@RaccrocheIntegrationTest
class IndicatorSnapshotsIntegrationTest {
  static final AtomicInteger NUMBERS = new AtomicInteger();

  @LocalServerPort int port;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate transactions;
  @Autowired SnapshotRepository snapshots;
  @Autowired IndicatorService indicators;
  final ObjectMapper json = new ObjectMapper();
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  /** A leaver of the 2019-2020 school year, in LYON. */
  void leaver(LocalDate leaving) {
    int n = NUMBERS.incrementAndGet();
    transactions.executeWithoutResult(
        tx ->
            events.publishEvent(
                new CaseRegistered(
                    "SNAP-" + n,
                    800_000_000L + n,
                    "LYON",
                    CaseOrigin.IMPORT,
                    LeaverSource.EN,
                    "F",
                    17,
                    SchoolLevel.LYCEE,
                    "Démission",
                    leaving,
                    leaving.plusDays(3))));
  }

  JsonNode get(String path, String user) throws Exception {
    HttpResponse<String> response = http.get(path, user, "demo");
    assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  JsonNode reviewTask(String processInstanceId) throws Exception {
    JsonNode tasks =
        get(
            "/engine-rest/task?maxResults=100&processInstanceId=" + processInstanceId,
            "superviseur");
    assertThat(tasks).hasSize(1);
    assertThat(tasks.get(0).get("taskDefinitionKey").asText())
        .isEqualTo("Task_ReviewQuarterlySnapshot");
    assertThat(tasks.get(0).get("name").asText()).isEqualTo("Relire les indicateurs trimestriels");
    return tasks.get(0);
  }

  void review(String processInstanceId, String decision, String comment) throws Exception {
    JsonNode task = reviewTask(processInstanceId);
    HttpResponse<String> done =
        http.postJson(
            "/engine-rest/task/" + task.get("id").asText() + "/complete",
            """
            {"variables":{"reviewDecision":{"value":"%s"},"reviewComment":{"value":"%s"}}}
            """
                .formatted(decision, comment),
            "superviseur",
            "demo");
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
  }

  @Test
  void supervisorsReviewAndPublishAQuarterAndAPublishedSnapshotNeverChanges() throws Exception {
    for (int i = 0; i < 12; i++) {
      leaver(LocalDate.of(2019, 10, 1).plusDays(i * 7L));
    }
    String q = "schoolYear=2019-2020&quarter=2019-Q4";
    // the prefecture cannot start a run; a supervisor can
    assertThat(
            http.postJson("/api/indicators/snapshots?" + q, "{}", "prefecture", "demo")
                .statusCode())
        .isEqualTo(403);
    HttpResponse<String> started =
        http.postJson("/api/indicators/snapshots?" + q, "{}", "superviseur", "demo");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    String pi = json.readTree(started.body()).get("processInstanceId").asText();
    JsonNode list = get("/api/indicators/snapshots?" + q, "superviseur");
    assertThat(list).hasSize(1);
    assertThat(list.get(0).get("status").asText()).isEqualTo("DRAFT");
    long firstDraft = list.get(0).get("id").asLong();
    // the task shows the figures to review
    JsonNode variables = get("/engine-rest/process-instance/" + pi + "/variables", "superviseur");
    assertThat(variables.get("snapshotSummary").get("value").asText())
        .contains("12 jeunes sortis sans diplôme repérés (I1)");
    // a draft is not what the prefecture reads: provisional figures until published
    assertThat(get("/api/indicators?" + q, "prefecture").get("status").asText())
        .isEqualTo("PROVISIONAL");

    // the supervisors ask for a recomputation: the first draft is set aside, a new one comes
    leaver(LocalDate.of(2019, 12, 31));
    review(pi, "RECOMPUTE", "Un dossier manquait");
    list = get("/api/indicators/snapshots?" + q, "superviseur");
    assertThat(list).hasSize(2);
    assertThat(list.get(0).get("status").asText()).isEqualTo("DRAFT");
    assertThat(list.get(1).get("id").asLong()).isEqualTo(firstDraft);
    assertThat(list.get(1).get("status").asText()).isEqualTo("DISCARDED");
    assertThat(list.get(1).get("reviewComment").asText()).isEqualTo("Un dossier manquait");
    long published = list.get(0).get("id").asLong();

    review(pi, "PUBLISH", "Chiffres vérifiés avec les coordonnateurs");
    JsonNode snapshot = get("/api/indicators/snapshots?" + q, "superviseur").get(0);
    assertThat(snapshot.get("status").asText()).isEqualTo("PUBLISHED");
    assertThat(snapshot.get("reviewedBy").asText()).isEqualTo("superviseur");
    assertThat(snapshot.get("publishedAt").isNull()).isFalse();

    JsonNode r = get("/api/indicators?" + q, "prefecture");
    assertThat(r.get("status").asText()).isEqualTo("PUBLISHED");
    assertThat(r.get("snapshotId").asLong()).isEqualTo(published);
    assertThat(r.get("leavers").asLong()).isEqualTo(13);
    assertThat(r.get("reviewComment").asText())
        .isEqualTo("Chiffres vérifiés avec les coordonnateurs");
    assertThat(r.get("trend")).hasSize(1);
    assertThat(r.get("trend").get(0).get("quarter").asText()).isEqualTo("2019-Q4");
    assertThat(r.get("trend").get(0).get("leavers").asLong()).isEqualTo(13);
    JsonNode lyon = get("/api/indicators?" + q + "&perimeter=LYON", "prefecture");
    assertThat(lyon.get("status").asText()).isEqualTo("PUBLISHED");
    assertThat(lyon.get("leavers").asLong()).isEqualTo(13);

    // later corrections do not change the published figures; live ones move
    leaver(LocalDate.of(2019, 11, 15));
    assertThat(get("/api/indicators?" + q, "prefecture").get("leavers").asLong()).isEqualTo(13);
    assertThat(get("/api/indicators?" + q + "&live=true", "prefecture").get("leavers").asLong())
        .as("the prefecture cannot ask for live figures")
        .isEqualTo(13);
    assertThat(get("/api/indicators?" + q + "&live=true", "superviseur").get("leavers").asLong())
        .isEqualTo(14);

    // a published snapshot refuses every change, in the service and in the database mapping
    String before = snapshots.findById(published).orElseThrow().getReportJson();
    assertThatThrownBy(() -> indicators.publish(published, "encore", "admin"))
        .isInstanceOf(PublishedSnapshotException.class)
        .hasMessageContaining("ne peut pas être modifié");
    assertThatThrownBy(() -> indicators.discard(published, "non", "admin"))
        .isInstanceOf(PublishedSnapshotException.class);
    assertThatThrownBy(
            () ->
                transactions.executeWithoutResult(
                    tx -> {
                      SnapshotEntity s = snapshots.findById(published).orElseThrow();
                      set(s, "reportJson", "{}");
                      snapshots.flush();
                    }))
        .satisfies(t -> assertThat(deepest(t)).isInstanceOf(PublishedSnapshotException.class));
    assertThatThrownBy(
            () ->
                transactions.executeWithoutResult(
                    tx -> {
                      snapshots.delete(snapshots.findById(published).orElseThrow());
                      snapshots.flush();
                    }))
        .satisfies(t -> assertThat(deepest(t)).isInstanceOf(PublishedSnapshotException.class));
    assertThat(snapshots.findById(published).orElseThrow().getReportJson()).isEqualTo(before);

    // recomputing makes a new draft; the published one stays what the prefecture reads
    HttpResponse<String> again =
        http.postJson("/api/indicators/snapshots?" + q, "{}", "superviseur", "demo");
    assertThat(again.statusCode()).isEqualTo(202);
    list = get("/api/indicators/snapshots?" + q, "superviseur");
    assertThat(list).hasSize(3);
    assertThat(list.get(0).get("status").asText()).isEqualTo("DRAFT");
    assertThat(list.get(1).get("status").asText()).isEqualTo("PUBLISHED");
    assertThat(get("/api/indicators?" + q, "prefecture").get("leavers").asLong()).isEqualTo(13);
    assertThat(snapshots.findById(published).orElseThrow().getReportJson()).isEqualTo(before);

    // the page shows the published report, its status and its exports
    Http browser = new Http(port);
    browser.signIn("prefecture", "demo");
    String page = browser.get("/indicators?" + q).body();
    assertThat(page)
        .containsPattern("Statut :\\s*<span [^>]*id=\"report-status\"[^>]*>Publié</span>")
        .contains("Chiffres vérifiés avec les coordonnateurs")
        .contains("format=pdf")
        .contains("format=csv");
  }

  @Test
  void aCaseSignalledThroughThePathwayCountsAtOnce() throws Exception {
    LocalDate leaving = LocalDate.now().minusDays(20);
    String sy = SchoolYear.of(leaving).toString();
    String quarter = Quarter.of(LocalDate.now()).toString();
    String q = "schoolYear=" + sy + "&quarter=" + quarter + "&perimeter=LYON&live=true";
    long before = get("/api/indicators?" + q, "superviseur").get("leavers").asLong();
    HttpResponse<String> created =
        http.postJson(
            "/api/cases",
            """
            {"lastName":"Indicateur","firstName":"Lou","sex":"F","birthDate":"%s",
             "postalCode":"69008","communeName":"Lyon","lastLevel":"COLLEGE",
             "leavingDate":"%s","leavingReason":"Démission"}
            """
                .formatted(LocalDate.now().minusYears(17).minusDays(40), leaving),
            "coord.lyon",
            "demo");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode after = get("/api/indicators?" + q, "superviseur");
    assertThat(after.get("leavers").asLong()).isEqualTo(before + 1);
    JsonNode girls =
        IndicatorsIntegrationTest.byCode(after.get("breakdowns").get("sex").get("rows")).get("F");
    assertThat(girls).isNotNull();
    JsonNode band =
        IndicatorsIntegrationTest.byCode(after.get("breakdowns").get("ageBand").get("rows"))
            .get("16-17");
    assertThat(band.get("leavers").asLong()).isPositive();
  }

  static Throwable deepest(Throwable t) {
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  static void set(Object target, String field, Object value) {
    try {
      Field f = target.getClass().getDeclaredField(field);
      f.setAccessible(true);
      f.set(target, value);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
