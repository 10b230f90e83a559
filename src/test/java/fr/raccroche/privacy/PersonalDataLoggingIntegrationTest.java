package fr.raccroche.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.raccroche.testsupport.Http;
import fr.raccroche.testsupport.RaccrocheIntegrationTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 6: no personal data in logs, even at DEBUG. With the root logger at DEBUG (the console
 * detached so that CI's output stays readable), a signalement, an import, a completed form and the
 * reads of the case go through; no log line carries a name, an INE, a phone number, an e-mail
 * address or an address of the young people involved — neither in the text format nor in the JSON
 * (ECS) format the console switches to by configuration.
 */
@RaccrocheIntegrationTest
class PersonalDataLoggingIntegrationTest {
  @LocalServerPort int port;
  final ObjectMapper json = new ObjectMapper();

  /** Keeps every event's formatted message, arguments and stack trace. */
  static final class Capture extends AppenderBase<ILoggingEvent> {
    final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
    final AtomicLong count = new AtomicLong();

    /**
     * The same events as the JSON console format writes them ({@code
     * logging.structured.format.console=ecs}, docs/operations.md "Logs").
     */
    final ConcurrentLinkedQueue<String> json = new ConcurrentLinkedQueue<>();

    StructuredLogEncoder ecs;

    @Override
    protected void append(ILoggingEvent event) {
      if (event.getLoggerName().startsWith("jdk.internal.httpclient")) {
        return; // the test's own HTTP client, not the application
      }
      count.incrementAndGet();
      StringBuilder b = new StringBuilder(event.getLoggerName()).append(' ');
      b.append(event.getFormattedMessage());
      if (event.getThrowableProxy() != null) {
        b.append('\n').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
      }
      event.getMDCPropertyMap().forEach((k, v) -> b.append(' ').append(k).append('=').append(v));
      lines.add(b.toString());
      json.add(new String(ecs.encode(event), StandardCharsets.UTF_8));
    }
  }

  @Test
  void aPathwayAndAnImportAtDebugLevelLogNoPersonalData() throws Exception {
    String name = "Zephyrinelog";
    String importedName = "Quatrebarbelog";
    String ine = "0912345678Q";
    String phone = "07 99 88 77 66";
    String email = "zephyrine.secret@example.org";
    String street = "Passage Clandestin";

    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Level before = root.getLevel();
    List<Appender<ILoggingEvent>> detached = new ArrayList<>();
    for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
      detached.add(it.next());
    }
    Capture capture = new Capture();
    capture.ecs = new StructuredLogEncoder();
    capture.ecs.setContext(context);
    capture.ecs.setFormat("ecs");
    capture.ecs.start();
    capture.setContext(context);
    capture.start();
    detached.forEach(root::detachAppender);
    root.addAppender(capture);
    root.setLevel(Level.DEBUG);
    try {
      Http http = new Http(port);
      String body =
          """
          {"lastName":"%s","firstName":"Prenomlog","sex":"F","birthDate":"%s",
           "address":"3 %s","postalCode":"69003","phone":"%s","email":"%s",
           "legalGuardian":"Tuteurlog","lastLevel":"LYCEE","leavingDate":"%s"}
          """
              .formatted(
                  name,
                  LocalDate.now().minusYears(17).minusDays(123),
                  street,
                  phone,
                  email,
                  LocalDate.now().minusMonths(2));
      HttpResponse<String> created = http.postJson("/api/cases", body, "coord.lyon", "demo");
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      String n = json.readTree(created.body()).get("caseNumber").asText();

      String csv =
          "ine;nom;prenom;sexe;date_naissance;adresse;code_postal;commune;code_commune;telephone;email\n"
              + ine
              + ";"
              + importedName
              + ";Camillelog;M;"
              + LocalDate.now().minusYears(18).minusDays(11)
              + ";1 "
              + street
              + ";69003;Lyon;;"
              + phone
              + ";"
              + email
              + "\n12;"
              + importedName
              + "rejete;X;M;2007-01-01;;69003;;;;\n"
              // The same INE under the next birth date: on PostgreSQL, most likely written by the
              // other chunk writer at the same moment, refused by the unique INE and run again.
              + ine
              + ";"
              + importedName
              + ";Camillelog;M;"
              + LocalDate.now().minusYears(18).minusDays(12)
              + ";;69003;Lyon;;;\n";
      HttpResponse<String> imported =
          http.postFile(
              "/api/imports?wait=true&source=MISSION_LOCALE&kind=FOLLOWED&partner=ML-LYON",
              "suivis.csv",
              csv.getBytes(StandardCharsets.UTF_8),
              "superviseur",
              "demo");
      assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);

      JsonNode task =
          json.readTree(
                  http.get(
                          "/engine-rest/task?maxResults=10&processInstanceBusinessKey=" + n,
                          "coord.lyon",
                          "demo")
                      .body())
              .get(0);
      String taskId = task.get("id").asText();
      assertThat(
              http.get("/engine-rest/task/" + taskId + "/form-variables", "coord.lyon", "demo")
                  .statusCode())
          .isEqualTo(200);
      HttpResponse<String> done =
          http.postJson(
              "/engine-rest/task/" + taskId + "/complete",
              "{\"variables\":{\"contactOutcome\":{\"value\":\"REACHED\"},\"contactDate\":{\"value\":\""
                  + LocalDate.now()
                  + "\"},\"contactNotes\":{\"value\":\"Appel à "
                  + name
                  + "\"}}}",
              "coord.lyon",
              "demo");
      assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
      assertThat(http.get("/api/cases/" + n, "coord.lyon", "demo").statusCode()).isEqualTo(200);
      assertThat(http.get("/api/cases?q=" + name, "coord.lyon", "demo").statusCode())
          .isEqualTo(200);
      Http pages = new Http(port);
      pages.signIn("coord.lyon", "demo");
      assertThat(pages.get("/cases/" + n).statusCode()).isEqualTo(200);
      assertThat(pages.get("/cases?q=" + importedName).statusCode()).isEqualTo(200);
      // A refused signalement logs its refusal, not its content.
      http.postJson(
          "/api/cases",
          body.replace("\"lastLevel\":\"LYCEE\"", "\"lastLevel\":\"AUCUN\""),
          "coord.lyon",
          "demo");
    } finally {
      root.detachAppender(capture);
      detached.forEach(root::addAppender);
      root.setLevel(before);
    }

    assertThat(capture.count.get()).as("DEBUG was on: many lines were written").isGreaterThan(100);
    for (String secret :
        List.of(
            name,
            name.toUpperCase(),
            importedName,
            importedName.toUpperCase(),
            ine,
            phone,
            email,
            street,
            "Prenomlog",
            "Camillelog",
            "Tuteurlog")) {
      assertThat(capture.lines.stream().filter(line -> line.contains(secret)).limit(10).toList())
          .as("log lines containing " + secret)
          .isEmpty();
      assertThat(capture.json.stream().filter(line -> line.contains(secret)).limit(10).toList())
          .as("JSON log lines containing " + secret)
          .isEmpty();
    }
    // The JSON format is one object per line that a log platform reads as ECS.
    assertThat(capture.json).hasSameSizeAs(capture.lines);
    for (String line : capture.json.stream().limit(500).toList()) {
      assertThat(line).endsWith("\n").doesNotContain("\n\n");
      JsonNode event = json.readTree(line);
      assertThat(event.has("@timestamp")).as(line).isTrue();
      assertThat(event.path("log").has("level")).as(line).isTrue();
      assertThat(event.path("service").path("name").asText()).isEqualTo("raccroche");
      assertThat(event.path("ecs").has("version")).as(line).isTrue();
    }
  }
}
