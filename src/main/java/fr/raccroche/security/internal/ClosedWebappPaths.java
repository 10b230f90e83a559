package fr.raccroche.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda web app paths that never answer: the open first-administrator setup (page and API:
 * whoever reached a fresh installation first would become its administrator; the first
 * administrator comes from configuration instead, {@link FirstAdministrator}; docs/security.md
 * S28), and the web apps' own login (one sign-in for the whole application, {@link WebappsSignIn};
 * S29).
 */
class ClosedWebappPaths extends OncePerRequestFilter {
  private static final Pattern SETUP =
      Pattern.compile("/camunda/(?:api/admin/setup/.*|app/admin/[^/]+/setup(?:/.*)?)");
  private static final Pattern WEBAPP_LOGIN =
      Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login(?:/.*)?");

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (SETUP.matcher(path).matches()) {
      JsonErrors.write(
          request,
          response,
          HttpStatus.FORBIDDEN,
          "La création du premier administrateur par cette page est fermée : il est créé depuis"
              + " la configuration (raccroche.security.first-admin).");
      return;
    }
    if (WEBAPP_LOGIN.matcher(path).matches()) {
      JsonErrors.write(
          request,
          response,
          HttpStatus.FORBIDDEN,
          "Les applications Camunda n'ont pas de connexion à part : connectez-vous sur la page de"
              + " connexion de Raccroche (/login).");
      return;
    }
    chain.doFilter(request, response);
  }
}
