package fr.raccroche.security.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.raccroche.security.Roles;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The trust boundary in front of Camunda's REST API, on {@code /engine-rest} and on the web apps'
 * {@code /camunda/api/engine} alike (docs/security.md, R2, R3, R6):
 *
 * <ul>
 *   <li>deny by default: a signed-in user who is not an administrator reaches only the endpoints of
 *       their role's {@link EngineRestAllowList}, everything else is a French 403;
 *   <li>completing a task or submitting its form carries only the form's fields ({@link
 *       TaskFormFields}), else a French 400 naming the extra variables, nothing written;
 *   <li>errors are French problem details without exception class names: a task completed meanwhile
 *       is a 409 "tâche déjà traitée", a finished or unknown task a 404;
 *   <li>no answer is cached ({@code Cache-Control: no-store}): they carry personal data.
 * </ul>
 */
class EngineApiGuard extends OncePerRequestFilter {
  private static final Logger log = LoggerFactory.getLogger(EngineApiGuard.class);
  private static final Pattern TASK_COMPLETION =
      Pattern.compile("/task/([^/]+)/(complete|submit-form|resolve)");
  private static final String STARTED = EngineApiGuard.class.getName() + ".started";

  private static java.time.Instant requestStart(HttpServletRequest request) {
    Object started = request.getAttribute(STARTED);
    return started instanceof java.time.Instant i ? i : java.time.Instant.EPOCH;
  }

  private static final Set<String> DEPLOYMENTS =
      Set.of("POST /deployment/create", "POST /deployment/{id}/redeploy");
  private static final Set<String> ENGINE_ROLES =
      Set.of(Roles.SUPERVISOR, Roles.COORDINATOR, Roles.CASEWORKER);

  private final IdentityService identity;
  private final TaskService tasks;
  private final HistoryService history;
  private final TaskFormFields formFields;
  private final ObjectMapper json;
  private final boolean restDeployments;

  EngineApiGuard(
      IdentityService identity,
      TaskService tasks,
      HistoryService history,
      TaskFormFields formFields,
      ObjectMapper json,
      boolean restDeployments) {
    this.restDeployments = restDeployments;
    this.identity = identity;
    this.tasks = tasks;
    this.history = history;
    this.formFields = formFields;
    this.json = json;
  }

  private record Caller(String userId, List<String> roles) {
    boolean admin() {
      return roles.contains(Roles.ADMIN);
    }
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String relative = EngineRestEndpoints.relativePath(path);
    if (relative == null) {
      chain.doFilter(request, response);
      return;
    }
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Pragma", "no-cache");
    Caller caller = caller(request);
    String method = request.getMethod();
    Optional<EngineRestEndpoints.Endpoint> endpoint = EngineRestEndpoints.resolve(method, relative);
    if (caller != null && !caller.admin()) {
      if (caller.roles().stream().noneMatch(ENGINE_ROLES::contains)) {
        refuse(request, response, 403, null, EngineRestRoleFilter.FRENCH_REFUSAL);
        return;
      }
      if (endpoint.isEmpty() || !EngineRestAllowList.allows(caller.roles(), endpoint.get().key())) {
        refuse(
            request,
            response,
            403,
            null,
            "Accès refusé : votre rôle ne permet pas cet appel au moteur de processus ("
                + method
                + " "
                + endpoint.map(EngineRestEndpoints.Endpoint::template).orElse(relative)
                + ").");
        return;
      }
    }
    if (!restDeployments && endpoint.isPresent() && DEPLOYMENTS.contains(endpoint.get().key())) {
      refuse(
          request,
          response,
          403,
          null,
          "Les déploiements par l'API sont désactivés : les processus se déploient avec"
              + " l'application.");
      return;
    }
    HttpServletRequest checked = request;
    var completion = TASK_COMPLETION.matcher(relative);
    boolean completing = "POST".equals(method) && completion.matches() && caller != null;
    String taskId = completing ? completion.group(1) : null;
    if (completing) {
      byte[] body = request.getInputStream().readAllBytes();
      ObjectNode parsed;
      try {
        JsonNode node = body.length == 0 ? json.createObjectNode() : json.readTree(body);
        if (node == null || !node.isObject()) {
          throw new IOException("not an object");
        }
        parsed = (ObjectNode) node;
      } catch (IOException e) {
        refuse(
            request, response, 400, null, "Le corps de la requête est illisible (JSON attendu).");
        return;
      }
      JsonNode variables = parsed.path("variables");
      if (!variables.isMissingNode() && !variables.isNull() && !variables.isObject()) {
        refuse(request, response, 400, "variables", "« variables » doit être un objet.");
        return;
      }
      ObjectNode accepted;
      try {
        accepted =
            asEngine(
                () ->
                    formFields.check(
                        taskId,
                        variables.isObject() ? (ObjectNode) variables : json.createObjectNode()));
      } catch (TaskFormFields.Refused refused) {
        refuse(request, response, 400, refused.field, refused.getMessage());
        return;
      }
      if (accepted != null && variables.isObject()) {
        parsed.set("variables", accepted);
        body = json.writeValueAsBytes(parsed);
      }
      checked = new CachedBodyRequest(request, body);
    }
    request.setAttribute(STARTED, java.time.Instant.now());
    ContentCachingResponseWrapper cached = new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(checked, cached);
    } finally {
      if (cached.getStatus() >= 400) {
        rewriteError(request, cached, taskId);
      }
      // engine-rest sets its own "no-cache" on some answers: no-store wins.
      cached.setHeader("Cache-Control", "no-store");
      cached.copyBodyToResponse();
    }
  }

  /** Whether that task was completed (by anyone) after this request began. */
  private boolean endedDuring(String taskId, HttpServletRequest request) {
    java.util.Date ended =
        asEngine(
            () -> {
              var done = history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
              return done == null ? null : done.getEndTime();
            });
    return ended != null && !ended.toInstant().isBefore(requestStart(request));
  }

  /** The engine's error as a French problem detail, without exception names or stack traces. */
  private void rewriteError(
      HttpServletRequest request, ContentCachingResponseWrapper response, String completedTaskId)
      throws IOException {
    int status = response.getStatus();
    JsonNode original = null;
    try {
      byte[] content = response.getContentAsByteArray();
      original = content.length == 0 ? null : json.readTree(content);
    } catch (IOException e) {
      // not JSON: replaced below
    }
    String type = original == null ? "" : original.path("type").asText("");
    String message = original == null ? "" : original.path("message").asText("");
    if (status == 401) {
      return; // the web apps' and engine-rest's own sign-in answers
    }
    if (original != null && original.has("detail") && original.has("title")) {
      return; // already ours
    }
    String detail;
    boolean missing =
        type.contains("NullValue")
            || message.contains("task is null")
            || message.contains("Cannot find task")
            || message.contains("does not exist")
            || message.contains("doesn't exist");
    if (message.contains("belongs to no authenticated tenant")) {
      // Another département's task or instance (the engine's tenant check, ENGINE-13034…): as
      // unknown, like anything out of the caller's scope (docs/security.md S33).
      status = 404;
      detail = "Ressource introuvable (elle n'existe pas ou plus).";
    } else if (status == 403
        && completedTaskId != null
        && asEngine(() -> tasks.createTaskQuery().taskId(completedTaskId).count()) == 0
        && endedDuring(completedTaskId, request)) {
      // The other completion won while this one was checking its rights: the task's
      // authorizations went with it (R4). Only a task ended during this very request: a foreign
      // task ended earlier stays a 403 and reveals nothing.
      status = 409;
      detail = "Cette tâche a déjà été traitée (tâche déjà traitée) : rechargez la liste.";
    } else if (completedTaskId != null
        && (status >= 500 || type.contains("OptimisticLocking") || status == 404 || missing)) {
      boolean stillThere =
          asEngine(() -> tasks.createTaskQuery().taskId(completedTaskId).count()) > 0;
      java.util.Date ended =
          asEngine(
              () -> {
                var done =
                    history
                        .createHistoricTaskInstanceQuery()
                        .taskId(completedTaskId)
                        .singleResult();
                return done == null ? null : done.getEndTime();
              });
      if (!stillThere && ended != null && !ended.toInstant().isBefore(requestStart(request))) {
        // Completed by someone else while this request was running.
        status = 409;
        detail = "Cette tâche a déjà été traitée (tâche déjà traitée) : rechargez la liste.";
      } else if (!stillThere) {
        status = 404;
        detail = "Tâche introuvable ou déjà traitée.";
      } else {
        detail = frenchOrGeneric(status, message);
      }
    } else if (type.contains("OptimisticLocking")) {
      status = 409;
      detail = "Cette donnée a été modifiée en même temps par quelqu'un d'autre : réessayez.";
    } else if (message.contains("Password does not match policy")) {
      // Admin's user form and engine-rest's user/create, credentials: the engine answers 500.
      status = 400;
      detail = PASSWORD_POLICY_REFUSED;
    } else if (missing && status >= 400) {
      status = 404;
      detail = "Ressource introuvable (elle n'existe pas ou plus).";
    } else if (message.contains("Cannot deserialize")) {
      // The engine's allow-list refused an Object variable's type (R7, e.g. a java.io.File a
      // caller named): a refusal of what was asked, not a failure of the server.
      status = 400;
      detail =
          "Valeur refusée : le type d'objet de cette variable n'est pas autorisé par le moteur"
              + " (lisez-la sans la désérialiser).";
    } else {
      detail = frenchOrGeneric(status, message);
    }
    if (status >= 500) {
      log.warn(
          "Engine API {} {} failed with {} ({})",
          request.getMethod(),
          request.getRequestURI(),
          response.getStatus(),
          type);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    // Tasklist and Cockpit show their access-denied message from Camunda's own fields.
    body.put("type", status == 403 ? "AuthorizationException" : "about:blank");
    body.put("title", JsonErrors.frenchTitle(status));
    body.put("status", status);
    body.put("detail", detail);
    body.put("message", detail);
    body.put("instance", request.getRequestURI());
    if ((status == 400 || status == 409)
        && !message.isBlank()
        && !CLASS_NAME.matcher(message).find()) {
      // The engine's own words, for integrators (English; never a class name nor a stack trace).
      body.put("engineMessage", message);
    }
    if (status == 403 && original != null) {
      for (String keep : List.of("resourceName", "resourceId", "permissionName", "userId")) {
        if (original.hasNonNull(keep)) {
          body.put(keep, original.get(keep).asText());
        }
      }
      body.put(
          "missingAuthorizations",
          original.has("missingAuthorizations")
              ? original.get("missingAuthorizations")
              : List.of());
    }
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType(JsonErrors.PROBLEM_JSON);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getOutputStream().write(json.writeValueAsBytes(body));
  }

  /**
   * The engine's message when it is one of ours (French: the task listeners' and delegates'
   * refusals), else a French message for the status: the engine's English text and exception names
   * stay in the logs.
   */
  static final String PASSWORD_POLICY_REFUSED =
      "Mot de passe refusé : il doit compter au moins 10 caractères, dont une minuscule, une"
          + " majuscule, un chiffre et un caractère spécial, et ne contenir ni l'identifiant ni le"
          + " nom de la personne.";

  static String frenchOrGeneric(int status, String message) {
    if (message != null && FRENCH.matcher(message).find()) {
      int french = message.indexOf(": ");
      String text = message;
      // "Cannot submit task form 42: Indiquez …" → "Indiquez …"
      while (french >= 0 && !FRENCH.matcher(text.substring(0, french)).find()) {
        text = text.substring(french + 2);
        french = text.indexOf(": ");
      }
      return text.strip();
    }
    if (message != null && message.contains("unbound")) {
      return "Liste non bornée : indiquez maxResults (2 000 lignes au plus).";
    }
    return switch (status) {
      case 400 -> "Requête invalide : vérifiez les valeurs envoyées.";
      case 403 -> "Accès refusé : vous n'avez pas le droit de faire cette action.";
      case 404 -> "Ressource introuvable.";
      case 405 -> "Méthode HTTP non autorisée ici.";
      case 409 -> "Conflit : la donnée a été modifiée entre-temps, réessayez.";
      case 415 -> "Type de contenu non pris en charge.";
      default ->
          status >= 500
              ? "Une erreur interne est survenue. Réessayez ou contactez l'administrateur."
              : "Requête refusée.";
    };
  }

  private static final Pattern CLASS_NAME =
      Pattern.compile("Exception|\\b(?:org|java|javax|jakarta|com)\\.[a-z]");

  private static final Pattern FRENCH = Pattern.compile("[àâçéèêëîïôûùüÿœ«»]|Indiquez|Choisissez");

  private void refuse(
      HttpServletRequest request,
      HttpServletResponse response,
      int status,
      String field,
      String message)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", status == 403 ? "AuthorizationException" : "about:blank");
    body.put("title", JsonErrors.frenchTitle(status));
    body.put("status", status);
    body.put("detail", message);
    body.put("message", message);
    body.put("instance", request.getRequestURI());
    if (field != null) {
      body.put("field", field);
    }
    if (status == 403) {
      body.put("missingAuthorizations", List.of());
    }
    response.setStatus(status);
    response.setContentType(JsonErrors.PROBLEM_JSON);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getOutputStream().write(json.writeValueAsBytes(body));
  }

  /** The signed-in caller: engine-rest's HTTP Basic user, or the web app session's. */
  private Caller caller(HttpServletRequest request) {
    Authentication current = identity.getCurrentAuthentication();
    if (current != null) {
      return new Caller(current.getUserId(), roles(current.getGroupIds()));
    }
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null) {
      return null;
    }
    for (UserAuthentication user : authentications.getAuthentications()) {
      if (user != null) {
        return new Caller(user.getName(), roles(user.getGroupIds()));
      }
    }
    return null;
  }

  private static List<String> roles(Collection<String> groupIds) {
    List<String> roles = new ArrayList<>();
    if (groupIds != null) {
      for (String group : groupIds) {
        String role = Roles.roleOfGroup(group);
        if (role != null) {
          roles.add(role);
        }
      }
    }
    return roles;
  }

  /** Runs as the engine (no authorization check), then restores the caller. */
  private <T> T asEngine(Supplier<T> work) {
    Authentication saved = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (saved != null) {
        identity.setAuthentication(saved);
      }
    }
  }
}
