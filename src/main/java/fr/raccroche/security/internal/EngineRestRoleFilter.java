package fr.raccroche.security.internal;

import fr.raccroche.security.Roles;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs after {@code engine-rest}'s authentication: a signed-in user whose groups give no Camunda
 * role (the prefecture, or a user without groups) is refused every {@code engine-rest} call with a
 * 403, instead of getting empty lists that still reveal what exists (definitions, deployments,
 * filters). The prefecture reads aggregates in the app's pages only.
 */
class EngineRestRoleFilter extends OncePerRequestFilter {
  static final Set<String> ENGINE_ROLES =
      Set.of(Roles.ADMIN, Roles.SUPERVISOR, Roles.COORDINATOR, Roles.CASEWORKER);
  static final String FRENCH_REFUSAL =
      "Accès refusé : votre rôle ne donne pas accès au moteur de processus.";
  static final String REFUSAL =
      "{\"type\":\"AuthorizationException\",\"title\":\"Accès refusé\",\"status\":403,"
          + "\"detail\":\""
          + FRENCH_REFUSAL
          + "\",\"message\":\""
          + FRENCH_REFUSAL
          + "\",\"missingAuthorizations\":[]}";

  private final IdentityService identity;

  EngineRestRoleFilter(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication current = identity.getCurrentAuthentication();
    if (current != null && !hasEngineRole(current.getGroupIds())) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType(JsonErrors.PROBLEM_JSON);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.getWriter().write(REFUSAL);
      return;
    }
    chain.doFilter(request, response);
  }

  static boolean hasEngineRole(List<String> groupIds) {
    if (groupIds == null) {
      return false;
    }
    return groupIds.stream().map(Roles::roleOfGroup).anyMatch(ENGINE_ROLES::contains);
  }
}
