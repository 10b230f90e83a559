package fr.raccroche.messages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.raccroche.messages.process.MessageWorker;
import fr.raccroche.testsupport.Http;
import fr.raccroche.testsupport.MessageChannels;
import fr.raccroche.testsupport.RaccrocheIntegrationTest;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Messages through their real channels: e-mails to an SMTP server in the test JVM (GreenMail), SMS
 * to a local HTTP server standing for Brevo, sent by the {@code send-message} worker of each
 * message's {@code MessageDeliveryProcess}; the rules (quiet hours, Sunday, daily limit, STOP, bad
 * addresses, scope); the contact form; erasure with the case.
 */
@RaccrocheIntegrationTest
class MessagesIntegrationTest {
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  // A Tuesday, 10:00 in Paris: messages go at once.
  static final Instant TUESDAY_10H = LocalDateTime.of(2026, 3, 10, 10, 0).atZone(PARIS).toInstant();
  static final AtomicInteger NAMES = new AtomicInteger();

  @LocalServerPort int port;
  @Autowired MessageWorker worker;
  @Autowired RuntimeService runtime;
  @Autowired ExternalTaskService externalTasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  final ObjectMapper json = new ObjectMapper();
  Http http;

  @BeforeEach
  void setUp() throws Exception {
    http = new Http(port);
    ClockUtil.setCurrentTime(Date.from(TUESDAY_10H));
    MessageChannels.SMS.reset();
    MessageChannels.SMTP.purgeEmailFromAllMailboxes();
    // Earlier tests' messages must not be in the way of this test's worker rounds.
    while (worker.runOnce() > 0) {}
    MessageChannels.SMS.reset();
  }

  @AfterEach
  void resetClockAndLeftovers() {
    ClockUtil.reset();
    // A deferred or failing delivery of one test must not be sent during another's rounds.
    List<String> left =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey("MessageDeliveryProcess")
            .list()
            .stream()
            .map(ProcessInstance::getId)
            .toList();
    if (!left.isEmpty()) {
      runtime.deleteProcessInstances(left, "test cleanup", true, true);
    }
  }

  /** A new case in LYON; returns its number. Adult unless a birth date says otherwise. */
  String newCase(String phone, String email, String birthDate, String guardianPhone)
      throws Exception {
    String lastName = "Messagerie" + (char) ('A' + NAMES.getAndIncrement() % 26) + NAMES.get();
    String body =
        """
        {"lastName":"%s","firstName":"Inès","sex":"F","birthDate":"%s",
         "postalCode":"69003","communeName":"Lyon",%s%s%s
         "lastTraining":"Seconde pro","lastLevel":"LYCEE",
         "leavingDate":"%s","leavingReason":"Démission"}
        """
            .formatted(
                lastName,
                birthDate,
                phone == null ? "" : "\"phone\":\"" + phone + "\",",
                email == null ? "" : "\"email\":\"" + email + "\",",
                guardianPhone == null
                    ? ""
                    : "\"legalGuardian\":\"Karim Responsable\",\"guardianPhone\":\""
                        + guardianPhone
                        + "\",",
                LocalDate.now().minusMonths(2));
    HttpResponse<String> created = http.postJson("/api/cases", body, "coord.lyon", "demo");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json.readTree(created.body()).get("caseNumber").asText();
  }

  String adultCase() throws Exception {
    return newCase("06 12 34 56 78", "ines.test@example.org", "2006-02-03", null);
  }

  HttpResponse<String> post(String caseNumber, String body) {
    return post(caseNumber, body, "coord.lyon");
  }

  HttpResponse<String> post(String caseNumber, String body, String user) {
    return http.postJson("/api/cases/" + caseNumber + "/messages", body, user, "demo");
  }

  JsonNode accepted(String caseNumber, String body) throws Exception {
    HttpResponse<String> r = post(caseNumber, body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    return json.readTree(r.body());
  }

  JsonNode messages(String caseNumber) throws Exception {
    HttpResponse<String> r =
        http.get("/api/cases/" + caseNumber + "/messages", "coord.lyon", "demo");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return json.readTree(r.body());
  }

  ProcessInstance delivery(long messageId) {
    return runtime
        .createProcessInstanceQuery()
        .processDefinitionKey("MessageDeliveryProcess")
        .processInstanceBusinessKey(String.valueOf(messageId))
        .singleResult();
  }

  @Test
  void anEmailAndAnSmsGoThroughTheSmtpServerAndTheProviderAndShowInTheCase() throws Exception {
    String caseNumber = adultCase();
    JsonNode sms =
        accepted(
            caseNumber,
            "{\"channel\":\"SMS\",\"template\":\"FIRST_CONTACT\",\"recipient\":\"YOUNG_PERSON\"}");
    assertThat(sms.get("status").asText()).isEqualTo("QUEUED");
    JsonNode email =
        accepted(
            caseNumber,
            "{\"channel\":\"EMAIL\",\"template\":\"NOT_REACHED\",\"recipient\":\"YOUNG_PERSON\","
                + "\"text\":\"Bonjour Inès, rappelez-nous au 04 72 00 00 00 s'il vous plaît.\"}");
    assertThat(delivery(sms.get("id").asLong())).isNotNull();

    assertThat(worker.runOnce()).isEqualTo(2);

    List<MessageChannels.SmsRequest> smsSent = MessageChannels.SMS.received();
    assertThat(smsSent).hasSize(1);
    JsonNode smsBody = json.readTree(smsSent.get(0).body());
    assertThat(smsSent.get(0).apiKey()).isEqualTo(MessageChannels.SMS_API_KEY);
    assertThat(smsBody.get("recipient").asText()).isEqualTo("33612345678");
    assertThat(smsBody.get("content").asText())
        .startsWith("Bonjour Inès, je suis")
        .contains("Répondez STOP");
    assertThat(smsBody.get("type").asText()).isEqualTo("transactional");
    assertThat(smsBody.get("tag").asText()).isNotBlank();

    MimeMessage[] mails = MessageChannels.SMTP.getReceivedMessages();
    assertThat(mails).hasSize(1);
    MimeMessage mail = mails[0];
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("ines.test@example.org");
    assertThat(mail.getSubject())
        .isEqualTo(
            "Nous n'avons pas réussi à vous joindre — la plateforme de suivi des décrocheurs ("
                + perimeterName()
                + ")");
    String text = mail.getContent().toString();
    assertThat(text)
        .contains("Bonjour Inès, rappelez-nous au 04 72 00 00 00 s'il vous plaît.")
        .contains(
            "Pour ne plus recevoir de courriels de notre part : http://localhost:8080/messages/unsubscribe/");
    assertThat(mail.getHeader("List-Unsubscribe")[0]).contains("/messages/unsubscribe/");
    assertThat(mail.getMessageID()).endsWith("@raccroche>");

    JsonNode list = messages(caseNumber);
    assertThat(list).hasSize(2);
    for (JsonNode m : list) {
      assertThat(m.get("status").asText()).isEqualTo("SENT");
      assertThat(m.get("sentAt").isNull()).isFalse();
      // Sent while the contact task was open: one of its attempts.
      assertThat(m.get("contactAttempt").asBoolean()).isTrue();
    }
    // The case's timeline shows them; the contact task's trace too.
    JsonNode c = json.readTree(http.get("/api/cases/" + caseNumber, "coord.lyon", "demo").body());
    assertThat(c.get("messages")).hasSize(2);
    assertThat(c.get("messages").get(0).get("label").asText())
        .isEqualTo("SMS au jeune : Premier contact (tentative de contact)");
    Object trace = runtime.getVariable(c.get("processInstanceId").asText(), "contactHistory");
    assertThat(trace.toString())
        .contains("SMS au jeune : Premier contact")
        .contains("courriel au jeune");

    // Nothing more goes on another round: each message once.
    assertThat(worker.runOnce()).isZero();
    assertThat(MessageChannels.SMS.received()).hasSize(1);
    assertThat(MessageChannels.SMTP.getReceivedMessages()).hasSize(1);
  }

  private String perimeterName() throws Exception {
    return json.readTree(http.get("/api/perimeters/LYON", "coord.lyon", "demo").body())
        .get("name")
        .asText();
  }

  @Test
  void aProviderOutageEndsAsAnIncidentAfterTheRetriesAndOnceRetriedTheSmsGoesOnce()
      throws Exception {
    String caseNumber = adultCase();
    MessageChannels.SMS.answer(503, 3);
    long id =
        accepted(
                caseNumber,
                "{\"channel\":\"SMS\",\"template\":\"NEW_ATTEMPT\",\"recipient\":\"YOUNG_PERSON\"}")
            .get("id")
            .asLong();
    String instance = delivery(id).getId();

    assertThat(worker.runOnce()).isEqualTo(1);
    ExternalTask task =
        externalTasks.createExternalTaskQuery().processInstanceId(instance).singleResult();
    assertThat(task.getRetries()).isEqualTo(2);
    // Back-off: not fetched again before a minute.
    assertThat(task.getLockExpirationTime()).isEqualTo(Date.from(TUESDAY_10H.plusSeconds(60)));
    assertThat(worker.runOnce()).isZero();

    ClockUtil.setCurrentTime(Date.from(TUESDAY_10H.plusSeconds(61)));
    assertThat(worker.runOnce()).isEqualTo(1);
    task = externalTasks.createExternalTaskQuery().processInstanceId(instance).singleResult();
    assertThat(task.getRetries()).isEqualTo(1);
    assertThat(task.getLockExpirationTime())
        .isEqualTo(Date.from(TUESDAY_10H.plusSeconds(61 + 120)));
    assertThat(messages(caseNumber).get(0).get("status").asText()).isEqualTo("QUEUED");

    ClockUtil.setCurrentTime(Date.from(TUESDAY_10H.plusSeconds(61 + 121)));
    assertThat(worker.runOnce()).isEqualTo(1);
    List<Incident> incidents = runtime.createIncidentQuery().processInstanceId(instance).list();
    assertThat(incidents).hasSize(1);
    assertThat(incidents.get(0).getIncidentType()).isEqualTo("failedExternalTask");
    assertThat(incidents.get(0).getIncidentMessage()).contains("HTTP 503").doesNotContain("3361");
    JsonNode failed = messages(caseNumber).get(0);
    assertThat(failed.get("status").asText()).isEqualTo("FAILED");
    assertThat(failed.get("failure").asText())
        .startsWith("Échec après 3 essais : Le fournisseur SMS est indisponible (HTTP 503).");
    assertThat(MessageChannels.SMS.received()).hasSize(3);

    // A supervisor retries in Cockpit once the provider is back.
    ClockUtil.setCurrentTime(Date.from(TUESDAY_10H.plusSeconds(3600)));
    externalTasks.setRetries(task.getId(), 1);
    assertThat(worker.runOnce()).isEqualTo(1);
    assertThat(MessageChannels.SMS.received()).hasSize(4);
    assertThat(MessageChannels.SMS.received().get(3).answeredStatus()).isEqualTo(201);
    assertThat(messages(caseNumber).get(0).get("status").asText()).isEqualTo("SENT");
    assertThat(delivery(id)).isNull();
    assertThat(
            history
                .createHistoricActivityInstanceQuery()
                .processInstanceId(instance)
                .activityId("EndEvent_MessageSent")
                .count())
        .isEqualTo(1);
    // Sent once: nothing left to fetch, nothing sent again.
    assertThat(worker.runOnce()).isZero();
    assertThat(MessageChannels.SMS.received()).hasSize(4);
  }

  @Test
  void aNumberTheProviderRefusesFailsAtOnceWithoutIncident() throws Exception {
    String caseNumber = adultCase();
    MessageChannels.SMS.answer(400, 1);
    long id =
        accepted(
                caseNumber,
                "{\"channel\":\"SMS\",\"template\":\"FIRST_CONTACT\",\"recipient\":\"YOUNG_PERSON\"}")
            .get("id")
            .asLong();
    String instance = delivery(id).getId();
    assertThat(worker.runOnce()).isEqualTo(1);
    JsonNode m = messages(caseNumber).get(0);
    assertThat(m.get("status").asText()).isEqualTo("FAILED");
    assertThat(m.get("failure").asText())
        .isEqualTo("Le fournisseur SMS a refusé le message (invalid_parameter).");
    assertThat(runtime.createIncidentQuery().processInstanceId(instance).count()).isZero();
    assertThat(
            history
                .createHistoricActivityInstanceQuery()
                .processInstanceId(instance)
                .activityId("EndEvent_MessageNotSent")
                .count())
        .isEqualTo(1);
    assertThat(MessageChannels.SMS.received()).hasSize(1);
  }

  @Test
  void aMessageAskedForOnSaturdayNightIsDeferredToMondayEightAndGoesThen() throws Exception {
    String caseNumber = adultCase();
    Instant saturdayNight = LocalDateTime.of(2026, 3, 14, 22, 30).atZone(PARIS).toInstant();
    ClockUtil.setCurrentTime(Date.from(saturdayNight));
    JsonNode answer =
        accepted(
            caseNumber,
            "{\"channel\":\"SMS\",\"template\":\"FIRST_CONTACT\",\"recipient\":\"YOUNG_PERSON\"}");
    Instant monday8 = LocalDateTime.of(2026, 3, 16, 8, 0).atZone(PARIS).toInstant();
    assertThat(answer.get("status").asText()).isEqualTo("DEFERRED");
    assertThat(Instant.parse(answer.get("scheduledFor").asText())).isEqualTo(monday8);
    assertThat(answer.get("message").asText()).contains("lundi 16 mars à 08h00");
    assertThat(messages(caseNumber).get(0).get("status").asText()).isEqualTo("DEFERRED");

    // The delivery process waits on its timer: nothing to send before Monday 08:00.
    String instance = delivery(answer.get("id").asLong()).getId();
    assertThat(externalTasks.createExternalTaskQuery().processInstanceId(instance).count())
        .isZero();
    Job timer = management.createJobQuery().processInstanceId(instance).timers().singleResult();
    assertThat(timer.getDuedate()).isEqualTo(Date.from(monday8));

    ClockUtil.setCurrentTime(Date.from(monday8.plusSeconds(5)));
    management.executeJob(timer.getId());
    assertThat(worker.runOnce()).isEqualTo(1);
    assertThat(MessageChannels.SMS.received()).hasSize(1);
    assertThat(messages(caseNumber).get(0).get("status").asText()).isEqualTo("SENT");
  }

  @Test
  void aRetryFallingInTheQuietHoursWaitsForMorningWithoutLosingARetry() throws Exception {
    String caseNumber = adultCase();
    Instant evening = LocalDateTime.of(2026, 3, 10, 20, 59).atZone(PARIS).toInstant();
    ClockUtil.setCurrentTime(Date.from(evening));
    long id =
        accepted(
                caseNumber,
                "{\"channel\":\"SMS\",\"template\":\"FIRST_CONTACT\",\"recipient\":\"YOUNG_PERSON\"}")
            .get("id")
            .asLong();
    ClockUtil.setCurrentTime(Date.from(evening.plusSeconds(120)));
    assertThat(worker.runOnce()).isEqualTo(1);
    ExternalTask task =
        externalTasks
            .createExternalTaskQuery()
            .processInstanceId(delivery(id).getId())
            .singleResult();
    Instant morning = LocalDateTime.of(2026, 3, 11, 8, 0).atZone(PARIS).toInstant();
    assertThat(task.getLockExpirationTime()).isEqualTo(Date.from(morning));
    assertThat(task.getRetries()).isEqualTo(3);
    assertThat(MessageChannels.SMS.received()).isEmpty();
    assertThat(messages(caseNumber).get(0).get("status").asText()).isEqualTo("DEFERRED");
  }

  @Test
  void atMostThreeMessagesPerCaseAndDayTheFourthIsRefusedInFrenchAndWritesNothing()
      throws Exception {
    String caseNumber = adultCase();
    String sms =
        "{\"channel\":\"SMS\",\"template\":\"NEW_ATTEMPT\",\"recipient\":\"YOUNG_PERSON\"}";
    for (int i = 0; i < 3; i++) {
      accepted(caseNumber, sms);
    }
    HttpResponse<String> fourth = post(caseNumber, sms);
    assertThat(fourth.statusCode()).isEqualTo(409);
    assertThat(json.readTree(fourth.body()).get("detail").asText())
        .isEqualTo(
            "Limite atteinte : 3 messages par jour au plus pour un même dossier. Réessayez"
                + " demain.");
    assertThat(messages(caseNumber)).hasSize(3);
    // The next day, again.
    ClockUtil.setCurrentTime(Date.from(TUESDAY_10H.plusSeconds(24 * 3600)));
    accepted(caseNumber, sms);
    assertThat(messages(caseNumber)).hasSize(4);
  }

  @Test
  void stopBySmsReplyAndByTheUnsubscribeLinkBlocksFurtherMessagesToThatAddress() throws Exception {
    String caseNumber = newCase("07 11 22 33 44", "stop.test@example.org", "2005-05-05", null);
    HttpClient client = HttpClient.newHttpClient();
    String reply = "{\"from\":\"+33711223344\",\"text\":\" Stop \"}";
    HttpResponse<String> wrongToken =
        client.send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/api/messages/sms-replies?token=nope"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(reply))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(wrongToken.statusCode()).isEqualTo(403);
    HttpResponse<String> stop =
        client.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://localhost:"
                            + port
                            + "/api/messages/sms-replies?token="
                            + MessageChannels.WEBHOOK_TOKEN))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(reply))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(stop.statusCode()).as(stop.body()).isEqualTo(200);
    assertThat(json.readTree(stop.body()).get("stop").asBoolean()).isTrue();
    HttpResponse<String> refused =
        post(
            caseNumber,
            "{\"channel\":\"SMS\",\"template\":\"FIRST_CONTACT\",\"recipient\":\"YOUNG_PERSON\"}");
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(json.readTree(refused.body()).get("detail").asText())
        .startsWith("Ce destinataire a demandé à ne plus recevoir de messages (STOP");

    // E-mail still allowed, until its unsubscribe link is followed.
    accepted(
        caseNumber,
        "{\"channel\":\"EMAIL\",\"template\":\"FIRST_CONTACT\",\"recipient\":\"YOUNG_PERSON\"}");
    worker.runOnce();
    String link = MessageChannels.SMTP.getReceivedMessages()[0].getHeader("List-Unsubscribe")[0];
    String token = link.substring(link.lastIndexOf('/') + 1, link.length() - 1);
    HttpResponse<String> page = http.get("/messages/unsubscribe/" + token);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Ne plus recevoir de courriels");
    // One-click unsubscription (RFC 8058): a POST without session nor CSRF token.
    HttpResponse<String> done =
        http.postForm("/messages/unsubscribe/" + token, Map.of("List-Unsubscribe", "One-Click"));
    assertThat(done.statusCode()).isEqualTo(200);
    assertThat(done.body()).contains("vous ne recevrez plus de courriels");
    HttpResponse<String> refusedEmail =
        post(
            caseNumber,
            "{\"channel\":\"EMAIL\",\"template\":\"NEW_ATTEMPT\",\"recipient\":\"YOUNG_PERSON\"}");
    assertThat(refusedEmail.statusCode()).isEqualTo(409);
    assertThat(http.get("/messages/unsubscribe/unknown-token").body())
        .contains("Ce lien n'est pas valide");
  }

  @Test
  void badAddressesTemplatesAndTextsAreRefusedInFrenchAndNothingIsQueued() throws Exception {
    String landline = newCase("04 72 10 20 30", null, "2006-01-01", null);
    assertRefused(
        landline,
        "{\"channel\":\"SMS\",\"template\":\"FIRST_CONTACT\",\"recipient\":\"YOUNG_PERSON\"}",
        400,
        "phone",
        "Le numéro de téléphone du jeune n'est pas un numéro de mobile : il ne peut pas recevoir de SMS.");
    assertRefused(
        landline,
        "{\"channel\":\"EMAIL\",\"template\":\"FIRST_CONTACT\",\"recipient\":\"YOUNG_PERSON\"}",
        400,
        "email",
        "Aucune adresse électronique n'est connue du jeune.");
    String adult = adultCase();
    assertRefused(
        adult,
        "{\"channel\":\"SMS\",\"template\":\"FIRST_CONTACT\",\"recipient\":\"GUARDIAN\"}",
        400,
        "recipient",
        "Le jeune est majeur : écrivez-lui directement (destinataire YOUNG_PERSON).");
    assertRefused(
        adult,
        "{\"channel\":\"SMS\",\"template\":\"PROMO\",\"recipient\":\"YOUNG_PERSON\"}",
        400,
        "template",
        "Modèle de message inconnu. Valeurs possibles : FIRST_CONTACT, NEW_ATTEMPT, APPOINTMENT, NOT_REACHED.");
    assertRefused(
        adult,
        "{\"channel\":\"SMS\",\"template\":\"FIRST_CONTACT\"}",
        400,
        "recipient",
        "Choisissez le destinataire : YOUNG_PERSON (le jeune) ou GUARDIAN (son responsable légal,"
            + " s'il est mineur).");
    assertRefused(
        adult,
        "{\"channel\":\"SMS\",\"template\":\"FIRST_CONTACT\",\"recipient\":\"YOUNG_PERSON\",\"text\":\""
            + "a".repeat(481)
            + "\"}",
        400,
        "text",
        "Le texte du message dépasse 480 caractères (481) : raccourcissez-le (3 SMS au plus).");
    assertRefused(
        adult,
        "{\"channel\":\"SMS\",\"template\":\"FIRST_CONTACT\",\"recipient\":\"YOUNG_PERSON\",\"text\":\"Bonjour\\u202e\"}",
        400,
        "text",
        "Le champ « texte du message » contient un caractère invisible ou de contrôle (U+202E) :"
            + " retirez-le.");
    assertRefused(
        adult,
        "{\"channel\":\"SMS\",\"template\":\"APPOINTMENT\",\"recipient\":\"YOUNG_PERSON\"}",
        400,
        "appointmentAt",
        "Indiquez la date et l'heure du rendez-vous (AAAA-MM-JJTHH:MM).");
    HttpResponse<String> channel =
        post(
            adult,
            "{\"channel\":\"FAX\",\"template\":\"FIRST_CONTACT\",\"recipient\":\"YOUNG_PERSON\"}");
    assertThat(channel.statusCode()).isEqualTo(400);
    assertThat(channel.body()).contains("channel").contains("SMS, EMAIL");
    assertThat(messages(adult)).isEmpty();
    assertThat(messages(landline)).isEmpty();
    assertThat(worker.runOnce()).isZero();
  }

  void assertRefused(String caseNumber, String body, int status, String field, String detail)
      throws Exception {
    HttpResponse<String> r = post(caseNumber, body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    JsonNode problem = json.readTree(r.body());
    assertThat(problem.get("field").asText()).isEqualTo(field);
    if (detail != null) {
      assertThat(problem.get("detail").asText()).isEqualTo(detail);
    }
  }

  @Test
  void theGuardianOfAMinorIsWrittenToOnlyWhenChosen() throws Exception {
    String minor =
        newCase(
            "06 98 76 54 32",
            null,
            LocalDate.now().minusYears(16).minusMonths(3).toString(),
            "06 55 44 33 22");
    accepted(
        minor, "{\"channel\":\"SMS\",\"template\":\"FIRST_CONTACT\",\"recipient\":\"GUARDIAN\"}");
    worker.runOnce();
    JsonNode sent = json.readTree(MessageChannels.SMS.received().get(0).body());
    assertThat(sent.get("recipient").asText()).isEqualTo("33655443322");
    assertThat(sent.get("content").asText())
        .startsWith("Bonjour, je suis")
        .contains("Inès a quitté sa formation");
    assertThat(messages(minor).get(0).get("recipient").asText()).isEqualTo("GUARDIAN");
  }

  @Test
  void anAppointmentProposalWithOptInSchedulesItsReminderTheDayBefore() throws Exception {
    String caseNumber = adultCase();
    accepted(
        caseNumber,
        "{\"channel\":\"SMS\",\"template\":\"APPOINTMENT\",\"recipient\":\"YOUNG_PERSON\","
            + "\"appointmentAt\":\"2026-03-13T14:30\",\"appointmentPlace\":\"Mission locale, 12 rue Garibaldi\","
            + "\"appointmentReminder\":true}");
    JsonNode list = messages(caseNumber);
    assertThat(list).hasSize(2);
    assertThat(list.get(0).get("text").asText())
        .contains("le vendredi 13 mars 2026 à 14h30, Mission locale, 12 rue Garibaldi");
    JsonNode reminder = list.get(1);
    assertThat(reminder.get("template").asText()).isEqualTo("APPOINTMENT_REMINDER");
    assertThat(reminder.get("status").asText()).isEqualTo("DEFERRED");
    assertThat(Instant.parse(reminder.get("scheduledFor").asText()))
        .isEqualTo(LocalDateTime.of(2026, 3, 12, 14, 30).atZone(PARIS).toInstant());
  }

  @Test
  void scopeRolesAndUnknownCasesAnswerAsTheCaseDoes() throws Exception {
    String caseNumber = adultCase();
    String sms =
        "{\"channel\":\"SMS\",\"template\":\"FIRST_CONTACT\",\"recipient\":\"YOUNG_PERSON\"}";
    // Another perimeter's coordinator: the case is "unknown", as one that does not exist.
    HttpResponse<String> other = post(caseNumber, sms, "coord.est");
    assertThat(other.statusCode()).isEqualTo(404);
    assertThat(post("2025-69-999999", sms).statusCode()).isEqualTo(404);
    assertThat(http.get("/api/cases/" + caseNumber + "/messages", "coord.est", "demo").statusCode())
        .isEqualTo(404);
    // Supervisors read, never send; the prefecture neither.
    assertThat(post(caseNumber, sms, "superviseur").statusCode()).isEqualTo(403);
    assertThat(
            http.get("/api/cases/" + caseNumber + "/messages", "superviseur", "demo").statusCode())
        .isEqualTo(200);
    assertThat(
            http.get("/api/cases/" + caseNumber + "/messages", "prefecture", "demo").statusCode())
        .isEqualTo(403);
    assertThat(post("not-a-number", sms).statusCode()).isEqualTo(400);
    assertThat(messages(caseNumber)).isEmpty();
  }

  @Test
  void aMessageFromTheContactFormIsQueuedAsAnAttemptAndABadOneRefusesTheCompletion()
      throws Exception {
    String caseNumber = newCase("04 78 00 00 00", "form.test@example.org", "2006-04-04", null);
    HttpResponse<String> tasks =
        http.get(
            "/engine-rest/task?maxResults=10&processInstanceBusinessKey=" + caseNumber,
            "coord.lyon",
            "demo");
    assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(200);
    assertThat(json.readTree(tasks.body())).as(tasks.body()).hasSize(1);
    JsonNode task = json.readTree(tasks.body()).get(0);
    String taskId = task.get("id").asText();
    // An SMS to a landline: the completion is refused in French, the task stays.
    HttpResponse<String> refused =
        http.postJson(
            "/engine-rest/task/" + taskId + "/complete",
            "{\"variables\":{\"contactOutcome\":{\"value\":\"NOT_REACHED\"},"
                + "\"messageChannel\":{\"value\":\"SMS\"},\"messageTemplate\":{\"value\":\"NOT_REACHED\"},"
                + "\"messageRecipient\":{\"value\":\"YOUNG_PERSON\"}}}",
            "coord.lyon",
            "demo");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("n'est pas un numéro de mobile");
    assertThat(messages(caseNumber)).isEmpty();

    HttpResponse<String> done =
        http.postJson(
            "/engine-rest/task/" + taskId + "/complete",
            "{\"variables\":{\"contactOutcome\":{\"value\":\"NOT_REACHED\"},"
                + "\"messageChannel\":{\"value\":\"EMAIL\"},\"messageTemplate\":{\"value\":\"NOT_REACHED\"},"
                + "\"messageRecipient\":{\"value\":\"YOUNG_PERSON\"},\"messageText\":{\"value\":\"\"}}}",
            "coord.lyon",
            "demo");
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    JsonNode m = messages(caseNumber).get(0);
    assertThat(m.get("contactAttempt").asBoolean()).isTrue();
    assertThat(m.get("template").asText()).isEqualTo("NOT_REACHED");
    worker.runOnce();
    assertThat(MessageChannels.SMTP.getReceivedMessages()).hasSize(1);
    assertThat(MessageChannels.SMTP.getReceivedMessages()[0].getContent().toString())
        .startsWith("Bonjour Inès, nous n'avons pas réussi à vous joindre.");
    String instance = task.get("processInstanceId").asText();
    assertThat(runtime.getVariable(instance, "contactHistory").toString())
        .contains("courriel au jeune : Nous n'avons pas réussi à vous joindre")
        .contains("non joint");
    // The form's fields do not stay in the process (the text lives with the case's messages).
    assertThat(runtime.getVariable(instance, "messageChannel")).isNull();
    assertThat(runtime.getVariable(instance, "messageText")).isNull();
    assertThat(
            history
                .createHistoricVariableInstanceQuery()
                .processInstanceId(instance)
                .variableName("messageText")
                .count())
        .isZero();
  }

  @Test
  void theContentGoesWithTheErasureOfThePerson() throws Exception {
    String caseNumber = adultCase();
    long id =
        accepted(
                caseNumber,
                "{\"channel\":\"SMS\",\"template\":\"FIRST_CONTACT\",\"recipient\":\"YOUNG_PERSON\"}")
            .get("id")
            .asLong();
    worker.runOnce();
    String instance =
        history
            .createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(String.valueOf(id))
            .singleResult()
            .getId();
    HttpResponse<String> erased =
        http.postJson(
            "/api/erasures",
            "{\"caseNumber\":\"" + caseNumber + "\",\"reason\":\"Opposition\"}",
            "admin",
            "demo");
    assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
    assertThat(messages(caseNumber)).isEmpty();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance).count())
        .isZero();
    HttpResponse<String> all = http.get("/api/messages?size=200", "admin", "demo");
    assertThat(all.body()).doesNotContain(caseNumber);
  }

  @Test
  void administratorsSeeWhatWentOutOnTheSentMessagesPage() throws Exception {
    String caseNumber = adultCase();
    accepted(
        caseNumber,
        "{\"channel\":\"SMS\",\"template\":\"FIRST_CONTACT\",\"recipient\":\"YOUNG_PERSON\"}");
    worker.runOnce();
    HttpResponse<String> api = http.get("/api/messages", "admin", "demo");
    assertThat(api.statusCode()).isEqualTo(200);
    assertThat(api.body()).contains(caseNumber).contains("+33612345678");
    assertThat(http.get("/api/messages", "coord.lyon", "demo").statusCode()).isEqualTo(403);
    HttpResponse<String> preview =
        http.get(
            "/api/cases/" + caseNumber + "/messages/preview?template=NEW_ATTEMPT",
            "coord.lyon",
            "demo");
    assertThat(preview.statusCode()).isEqualTo(200);
    assertThat(json.readTree(preview.body()).get("text").asText())
        .startsWith("Bonjour Inès, c'est");
    assertThat(preview.body().getBytes(StandardCharsets.UTF_8).length).isPositive();
  }
}
