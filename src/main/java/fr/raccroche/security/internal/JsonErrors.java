package fr.raccroche.security.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * The API's error body for refusals answered by filters, before any controller (401, 403, 413): an
 * RFC 9457 problem detail ({@code application/problem+json}) with a French {@code title} and {@code
 * detail}, and the fields of {@code shared.web.ApiError} kept for older clients.
 */
final class JsonErrors {
  static final String PROBLEM_JSON = "application/problem+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonErrors() {}

  static void write(
      HttpServletRequest request, HttpServletResponse response, HttpStatus status, String message)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", frenchTitle(status.value()));
    body.put("status", status.value());
    body.put("detail", message);
    body.put("instance", request.getRequestURI());
    body.put("timestamp", Instant.now().toString());
    body.put("error", status.getReasonPhrase());
    body.put("message", message);
    body.put("path", request.getRequestURI());
    response.setStatus(status.value());
    response.setContentType(PROBLEM_JSON);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(JSON.writeValueAsString(body));
  }

  /** A short French title per HTTP status. */
  static String frenchTitle(int status) {
    return switch (status) {
      case 400 -> "Requête invalide";
      case 401 -> "Authentification requise";
      case 403 -> "Accès refusé";
      case 404 -> "Introuvable";
      case 405 -> "Méthode non autorisée";
      case 409 -> "Conflit";
      case 413 -> "Requête trop volumineuse";
      case 415 -> "Type de contenu non pris en charge";
      case 429 -> "Trop de tentatives";
      default -> status >= 500 ? "Erreur interne" : "Requête refusée";
    };
  }
}
