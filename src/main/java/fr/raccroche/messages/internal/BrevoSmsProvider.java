package fr.raccroche.messages.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * SMS through Brevo (Sendinblue, Paris), its transactional SMS API: {@code POST
 * {base-url}/transactionalSMS/send} with the API key in the {@code api-key} header and {@code
 * {"sender", "recipient", "content", "type": "transactional", "tag", "unicodeEnabled"}}; the
 * recipient is the international number without "+". A 201 (or 200) answers {@code {"messageId":
 * …}}. Brevo documents 400 for a bad request (its {@code code} and {@code message}), 401 for a bad
 * key, 402 for credits exhausted; 429 and 5xx are the usual overload and outage answers.
 *
 * <p>Brevo has no idempotency key: the message's key goes as the {@code tag}, which Brevo's logs
 * and webhooks show, and the worker never calls twice for one message (see {@code
 * MessageDelivery}).
 */
class BrevoSmsProvider implements SmsProvider {
  private final HttpClient http;
  private final URI endpoint;
  private final String apiKey;
  private final String sender;
  private final Duration timeout;
  private final ObjectMapper json = new ObjectMapper();

  BrevoSmsProvider(String baseUrl, String apiKey, String sender, Duration timeout) {
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.endpoint = URI.create(base + "/transactionalSMS/send");
    this.apiKey = apiKey;
    this.sender = sender;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  @Override
  public String name() {
    return "brevo";
  }

  @Override
  public String send(OutgoingMessage message) throws DeliveryFailure {
    ObjectNode body = json.createObjectNode();
    body.put("sender", sender);
    body.put("recipient", message.address().replace("+", ""));
    body.put("content", message.body());
    body.put("type", "transactional");
    body.put("tag", message.idempotencyKey());
    body.put("unicodeEnabled", true);
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(timeout)
            .header("api-key", apiKey)
            .header("accept", "application/json")
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpConnectTimeoutException | ConnectException e) {
      throw new DeliveryFailure(
          DeliveryFailure.Kind.TRANSIENT,
          "SMS provider unreachable: " + e.getClass().getSimpleName(),
          "Le fournisseur SMS est injoignable.");
    } catch (HttpTimeoutException e) {
      throw new DeliveryFailure(
          DeliveryFailure.Kind.UNKNOWN,
          "SMS provider did not answer in time",
          "Envoi incertain : le fournisseur SMS n'a pas répondu. Vérifiez auprès du jeune avant"
              + " de renvoyer le message.");
    } catch (IOException e) {
      throw new DeliveryFailure(
          DeliveryFailure.Kind.UNKNOWN,
          "SMS provider connection failed: " + e.getClass().getSimpleName(),
          "Envoi incertain : la connexion au fournisseur SMS a été interrompue. Vérifiez auprès du"
              + " jeune avant de renvoyer le message.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryFailure(
          DeliveryFailure.Kind.UNKNOWN,
          "Interrupted while sending",
          "Envoi incertain : l'envoi a été interrompu.");
    }
    int status = response.statusCode();
    if (status == 200 || status == 201) {
      try {
        JsonNode answer = json.readTree(response.body());
        JsonNode id = answer.get("messageId");
        return id == null ? "brevo" : id.asText();
      } catch (IOException e) {
        // Accepted (2xx) with an unreadable body: it went.
        return "brevo";
      }
    }
    String code = providerCode(response.body());
    if (status == 400) {
      throw new DeliveryFailure(
          DeliveryFailure.Kind.REJECTED,
          "SMS provider refused the message: HTTP 400 " + code,
          "Le fournisseur SMS a refusé le message (" + code + ").");
    }
    String reason =
        switch (status) {
          case 401, 403 -> "Le fournisseur SMS refuse la clé d'API configurée.";
          case 402 -> "Le compte du fournisseur SMS n'a plus de crédit.";
          case 429 -> "Le fournisseur SMS limite les envois : nouvel essai plus tard.";
          default -> "Le fournisseur SMS est indisponible (HTTP " + status + ").";
        };
    throw new DeliveryFailure(
        DeliveryFailure.Kind.TRANSIENT,
        "SMS provider answered HTTP " + status + " " + code,
        reason);
  }

  /**
   * Brevo's error code ({@code invalid_parameter}…), never its message (it may quote the number).
   */
  private String providerCode(String body) {
    try {
      JsonNode code = json.readTree(body).get("code");
      if (code != null && code.asText().matches("[A-Za-z0-9_.-]{1,60}")) {
        return code.asText();
      }
    } catch (IOException | RuntimeException e) {
      // not JSON
    }
    return "sans code";
  }
}
