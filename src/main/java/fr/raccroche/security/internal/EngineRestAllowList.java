package fr.raccroche.security.internal;

import fr.raccroche.security.Roles;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each non-administrator role may call on Camunda's REST API ({@code /engine-rest} and the web
 * apps' {@code /camunda/api/engine}): an explicit list of endpoints ({@code METHOD template}, as
 * {@link EngineRestEndpoints} reads them from the JAX-RS resources), everything else refused with a
 * 403. The engine's authorizations still decide which cases each call reaches; this list decides
 * which kinds of calls exist for a role at all (docs/security.md, R3).
 *
 * <p>Coordinators and caseworkers get what Tasklist calls (filters, tasks, their forms, claim,
 * complete, comments, the diagram) and the history reads of their own cases; supervisors what
 * Cockpit reads and Tasklist for their own review tasks; no role but the administrators may write
 * variables, modify, suspend, delete, start, correlate messages, deploy or manage identities.
 */
final class EngineRestAllowList {
  /** Tasklist: what a person who works tasks needs. */
  static final List<String> TASKLIST =
      List.of(
          "GET /engine",
          "GET /version",
          "GET /identity/groups",
          "GET /user",
          "GET /user/count",
          "GET /user/{id}/profile",
          "GET /group",
          "GET /group/count",
          "OPTIONS /filter",
          "OPTIONS /filter/{id}",
          "GET /filter",
          "GET /filter/count",
          "GET /filter/{id}",
          "GET /filter/{id}/list",
          "POST /filter/{id}/list",
          "GET /filter/{id}/count",
          "POST /filter/{id}/count",
          "GET /filter/{id}/singleResult",
          "POST /filter/{id}/singleResult",
          "GET /task",
          "POST /task",
          "GET /task/count",
          "POST /task/count",
          "GET /task/{id}",
          "GET /task/{id}/form",
          "GET /task/{id}/deployed-form",
          "GET /task/{id}/rendered-form",
          "GET /task/{id}/form-variables",
          "GET /task/{id}/variables",
          "GET /task/{id}/variables/{varId}",
          "GET /task/{id}/identity-links",
          "GET /task/{id}/comment",
          "GET /task/{id}/comment/{commentId}",
          "POST /task/{id}/comment/create",
          "GET /task/{id}/attachment",
          // Assignment is checked against the task's candidate groups by the engine
          // (TaskReadAuthorizationProvider); completion against the task's form (TaskFormFields).
          "POST /task/{id}/claim",
          "POST /task/{id}/unclaim",
          "POST /task/{id}/assignee",
          "POST /task/{id}/complete",
          "POST /task/{id}/submit-form",
          "GET /process-definition",
          "GET /process-definition/count",
          "GET /process-definition/{id}",
          "GET /process-definition/{id}/xml",
          "GET /process-definition/key/{key}",
          "GET /process-definition/key/{key}/xml",
          "GET /process-instance",
          "GET /process-instance/count",
          "GET /process-instance/{id}",
          "GET /process-instance/{id}/activity-instances",
          "GET /history/process-instance",
          "GET /history/process-instance/count",
          "GET /history/process-instance/{id}",
          "GET /history/task",
          "GET /history/task/count",
          "GET /history/activity-instance",
          "GET /history/activity-instance/count",
          "GET /history/variable-instance",
          "GET /history/variable-instance/count",
          "GET /history/detail",
          "GET /history/detail/count",
          "GET /history/user-operation",
          "GET /history/user-operation/count",
          "GET /history/identity-link-log",
          "GET /history/identity-link-log/count");

  /** Cockpit, read-only: the monitoring reads (GET, and the POST queries that carry a body). */
  static final List<String> COCKPIT =
      List.of(
          "GET /process-definition/statistics",
          "GET /process-definition/{id}/statistics",
          "GET /process-definition/key/{key}/statistics",
          "GET /process-definition/{id}/diagram",
          "GET /process-definition/{id}/static-called-process-definitions",
          "GET /decision-definition",
          "GET /decision-definition/count",
          "GET /decision-definition/{id}",
          "GET /decision-definition/{id}/xml",
          "GET /decision-definition/key/{key}",
          "GET /decision-definition/key/{key}/xml",
          "GET /decision-requirements-definition",
          "GET /decision-requirements-definition/count",
          "GET /decision-requirements-definition/{id}",
          "GET /decision-requirements-definition/{id}/xml",
          "GET /case-definition/count",
          "GET /deployment",
          "GET /deployment/count",
          "GET /deployment/{id}",
          "GET /deployment/{id}/resources",
          "GET /deployment/{id}/resources/{resourceId}",
          "GET /deployment/{id}/resources/{resourceId}/data",
          "POST /process-instance",
          "POST /process-instance/count",
          "GET /process-instance/{id}/variables",
          "GET /process-instance/{id}/variables/{varId}",
          "GET /process-instance/{id}/comment",
          "GET /execution",
          "POST /execution",
          "GET /execution/count",
          "POST /execution/count",
          "GET /execution/{id}",
          "GET /variable-instance",
          "POST /variable-instance",
          "GET /variable-instance/count",
          "POST /variable-instance/count",
          "GET /variable-instance/{id}",
          "GET /incident",
          "GET /incident/count",
          "GET /incident/{id}",
          "GET /job",
          "POST /job",
          "GET /job/count",
          "POST /job/count",
          "GET /job/{id}",
          "GET /job-definition",
          "POST /job-definition",
          "GET /job-definition/count",
          "POST /job-definition/count",
          "GET /job-definition/{id}",
          "GET /external-task",
          "POST /external-task",
          "GET /external-task/count",
          "POST /external-task/count",
          "GET /event-subscription",
          "GET /event-subscription/count",
          "POST /history/process-instance",
          "POST /history/process-instance/count",
          "POST /history/task",
          "POST /history/task/count",
          "POST /history/activity-instance",
          "POST /history/activity-instance/count",
          "GET /history/activity-instance/{id}",
          "POST /history/variable-instance",
          "POST /history/variable-instance/count",
          "GET /history/variable-instance/{id}",
          "POST /history/detail",
          "GET /history/detail/{id}",
          "GET /history/incident",
          "GET /history/incident/count",
          "GET /history/job-log",
          "POST /history/job-log",
          "GET /history/job-log/count",
          "POST /history/job-log/count",
          "GET /history/decision-instance",
          "GET /history/decision-instance/count",
          "GET /history/decision-instance/{id}",
          "GET /history/external-task-log",
          "POST /history/external-task-log",
          "GET /history/external-task-log/count",
          "POST /history/external-task-log/count",
          "GET /history/process-definition/{id}/statistics",
          "GET /history/process-instance/report",
          "GET /history/task/report");

  /**
   * The one write supervisors make in Cockpit: retrying the job of a pathway whose start failed
   * (docs/intake.md §6). The engine lets them retry that process's jobs only ({@code RETRY_JOB} on
   * {@code PathwayStartRecoveryProcess}).
   */
  static final List<String> COCKPIT_RETRY = List.of("PUT /job/{id}/retries");

  private static final Map<String, Set<String>> BY_ROLE =
      Map.of(
          Roles.COORDINATOR,
          Set.copyOf(TASKLIST),
          Roles.CASEWORKER,
          Set.copyOf(TASKLIST),
          Roles.SUPERVISOR,
          union(
              TASKLIST,
              java.util.stream.Stream.concat(COCKPIT.stream(), COCKPIT_RETRY.stream()).toList()));

  private EngineRestAllowList() {}

  /** Whether one of these roles may call the endpoint ({@code METHOD template}). */
  static boolean allows(Collection<String> roles, String endpointKey) {
    return roles.stream()
        .map(role -> BY_ROLE.getOrDefault(role, Set.of()))
        .anyMatch(allowed -> allowed.contains(endpointKey));
  }

  /** Every entry of every role (the allow-list test checks that each is a real endpoint). */
  static Map<String, Set<String>> byRole() {
    return BY_ROLE;
  }

  private static Set<String> union(List<String> a, List<String> b) {
    Set<String> all = new LinkedHashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }
}
