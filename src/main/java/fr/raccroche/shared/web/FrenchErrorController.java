package fr.raccroche.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /error}, where the servlet container sends what no controller answered (an unknown page, a
 * request refused before Spring, an exception in a filter): the French error page for browsers,
 * French problem details for API clients. Called directly (no error in the request), it answers 404
 * — never a 500. No stack trace, no exception name (docs/security.md, R6).
 */
@Controller
class FrenchErrorController implements ErrorController {

  @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
  ModelAndView page(HttpServletRequest request, HttpServletResponse response) {
    HttpStatus status = status(request);
    response.setStatus(status.value());
    response.setHeader("Cache-Control", "no-store");
    return new ModelAndView("error", Map.of("status", status.value()), status);
  }

  @RequestMapping("/error")
  ResponseEntity<ApiError> json(HttpServletRequest request) {
    HttpStatus status = status(request);
    String message =
        switch (status) {
          case NOT_FOUND -> "Ressource introuvable.";
          case FORBIDDEN -> "Vous n'avez pas accès à cette ressource.";
          case UNAUTHORIZED -> "Authentification requise.";
          case BAD_REQUEST -> "Requête invalide.";
          case METHOD_NOT_ALLOWED -> "Méthode HTTP non autorisée ici.";
          case PAYLOAD_TOO_LARGE -> "La requête est trop volumineuse.";
          default ->
              status.is5xxServerError()
                  ? "Une erreur interne est survenue. Réessayez ou contactez l'administrateur."
                  : "Requête refusée.";
        };
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = uri == null ? request.getRequestURI() : uri.toString();
    // The Camunda web apps show "message" as it is when there is one, and their own translated
    // text (more precise: "Identifiants incorrects, compte verrouillé…") when there is none.
    boolean webApp = path.startsWith(request.getContextPath() + "/camunda/");
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .header("Cache-Control", "no-store")
        .body(
            new ApiError(
                "about:blank",
                ApiExceptionHandler.frenchTitle(status),
                status.value(),
                message,
                path,
                null,
                Instant.now(),
                status.getReasonPhrase(),
                webApp ? null : message,
                path,
                List.of()));
  }

  private static HttpStatus status(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    if (code instanceof Integer value) {
      HttpStatus status = HttpStatus.resolve(value);
      if (status != null && status.isError()) {
        return status;
      }
    }
    return HttpStatus.NOT_FOUND;
  }
}
