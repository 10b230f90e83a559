package fr.raccroche.privacy.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.raccroche.pathway.PersonalDataRead;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The access log for the engine's surfaces: {@code engine-rest} and the web apps' engine API
 * (Tasklist opening a task's form, Cockpit's variables tab). Every successful read of process
 * variables (a task's form or variables, an instance's variables, variable-instance and history
 * detail queries) is recorded with the case (business key) of each instance it returned.
 */
class EngineReadAccessLog extends OncePerRequestFilter {
  private static final String PREFIX = "^(?:/engine-rest|/camunda/api/engine/engine/[^/]+)";
  private static final Pattern TASK_VARIABLES =
      Pattern.compile(PREFIX + "/task/([^/]+)/(?:form-variables|variables)(?:/.*)?$");
  private static final Pattern INSTANCE_VARIABLES =
      Pattern.compile(PREFIX + "/process-instance/([^/]+)/variables(?:/.*)?$");
  private static final Pattern VARIABLE_BY_ID =
      Pattern.compile(PREFIX + "/(?:history/)?variable-instance/([^/]+)(?:/data)?$");
  private static final Pattern VARIABLE_QUERIES =
      Pattern.compile(PREFIX + "/(?:history/)?(?:variable-instance|detail)$");

  private final HistoryService history;
  private final IdentityService identity;
  private final ApplicationEventPublisher events;
  private final ObjectMapper json = new ObjectMapper();

  EngineReadAccessLog(
      HistoryService history, IdentityService identity, ApplicationEventPublisher events) {
    this.history = history;
    this.identity = identity;
    this.events = events;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Matcher task = TASK_VARIABLES.matcher(path);
    Matcher instance = INSTANCE_VARIABLES.matcher(path);
    Matcher variable = VARIABLE_BY_ID.matcher(path);
    boolean query = VARIABLE_QUERIES.matcher(path).matches();
    boolean read =
        "GET".equals(request.getMethod()) || (query && "POST".equals(request.getMethod()));
    if (!read || !(task.matches() || instance.matches() || variable.matches() || query)) {
      chain.doFilter(request, response);
      return;
    }
    ContentCachingResponseWrapper cached =
        query ? new ContentCachingResponseWrapper(response) : null;
    chain.doFilter(request, query ? cached : response);
    try {
      int status = query ? cached.getStatus() : response.getStatus();
      if (status != HttpServletResponse.SC_OK) {
        return;
      }
      String user = userOf(request);
      if (user == null) {
        return;
      }
      Set<String> instances = new LinkedHashSet<>();
      PersonalDataRead.Surface surface = PersonalDataRead.Surface.PROCESS_VARIABLES;
      if (task.matches()) {
        surface = PersonalDataRead.Surface.TASK_FORM;
        String taskId = task.group(1);
        asEngine(
            () -> {
              HistoricTaskInstance t =
                  history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
              if (t != null && t.getProcessInstanceId() != null) {
                instances.add(t.getProcessInstanceId());
              }
            });
      } else if (instance.matches()) {
        instances.add(instance.group(1));
      } else if (variable.matches()) {
        String variableId = variable.group(1);
        asEngine(
            () -> {
              HistoricVariableInstance v =
                  history
                      .createHistoricVariableInstanceQuery()
                      .variableId(variableId)
                      .singleResult();
              if (v != null && v.getProcessInstanceId() != null) {
                instances.add(v.getProcessInstanceId());
              }
            });
      } else {
        JsonNode body = json.readTree(cached.getContentAsByteArray());
        if (body != null && body.isArray()) {
          body.forEach(
              v -> {
                JsonNode id = v.get("processInstanceId");
                if (id != null && id.isTextual()) {
                  instances.add(id.asText());
                }
              });
        }
      }
      if (!instances.isEmpty()) {
        events.publishEvent(
            new PersonalDataRead(user, request.getRemoteAddr(), surface, casesOf(instances)));
      }
    } finally {
      if (cached != null) {
        cached.copyBodyToResponse();
      }
    }
  }

  /** The business key (case number) of each instance, or the instance id when it has none. */
  private List<String> casesOf(Set<String> instanceIds) {
    List<String> cases = new ArrayList<>();
    asEngine(
        () -> {
          List<HistoricProcessInstance> found =
              history.createHistoricProcessInstanceQuery().processInstanceIds(instanceIds).list();
          for (HistoricProcessInstance h : found) {
            cases.add(h.getBusinessKey() == null ? "instance:" + h.getId() : h.getBusinessKey());
          }
        });
    return cases;
  }

  /** The signed-in user: engine-rest's HTTP Basic user, or the web app session's. */
  private String userOf(HttpServletRequest request) {
    Authentication current = identity.getCurrentAuthentication();
    if (current != null) {
      return current.getUserId();
    }
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null || authentications.getAuthentications().isEmpty()) {
      return null;
    }
    return authentications.getAuthentications().get(0).getName();
  }

  /** Runs the lookup as the engine itself: the caller's read already succeeded. */
  private void asEngine(Runnable lookup) {
    Authentication saved = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      lookup.run();
    } finally {
      if (saved != null) {
        identity.setAuthentication(saved);
      }
    }
  }
}
