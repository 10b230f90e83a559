package fr.raccroche.security.internal;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import fr.raccroche.security.Roles;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * The Camunda side of access control: groups, and the application and read rights each kind of
 * group gets. Per-instance rights on cases are granted by the pathway when a case's scope changes.
 * Every method is idempotent.
 */
@Component
public class CamundaAccess {
  static final String TASKLIST = "tasklist";
  static final String COCKPIT = "cockpit";

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final HistoryService history;

  CamundaAccess(
      IdentityService identity, AuthorizationService authorizations, HistoryService history) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.history = history;
  }

  /** Creates the group if needed, with a French name, and grants the rights of its role. */
  public void ensureGroupExists(String groupId) {
    ensureGroupExists(groupId, null);
  }

  /** Creates the group, or renames it when a name is given, and grants the rights of its role. */
  public void ensureGroupExists(String groupId, String name) {
    Group group = identity.createGroupQuery().groupId(groupId).singleResult();
    if (group == null) {
      group = identity.newGroup(groupId);
      group.setName(name == null ? defaultName(groupId) : name);
      group.setType(
          Roles.ADMIN_GROUP.equals(groupId)
              ? Groups.GROUP_TYPE_SYSTEM
              : Groups.GROUP_TYPE_WORKFLOW);
      identity.saveGroup(group);
    } else if (name != null && !name.equals(group.getName())) {
      group.setName(name);
      identity.saveGroup(group);
    }
    grantRoleRights(groupId);
  }

  private void grantRoleRights(String groupId) {
    String role = Roles.roleOfGroup(groupId);
    if (role == null) {
      return;
    }
    switch (role) {
      case Roles.SUPERVISOR -> {
        // Supervisors watch every instance in Cockpit, read-only.
        grant(groupId, Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
        grant(groupId, Resources.APPLICATION, COCKPIT, Permissions.ACCESS);
        grant(
            groupId,
            Resources.PROCESS_DEFINITION,
            "*",
            ProcessDefinitionPermissions.READ,
            ProcessDefinitionPermissions.READ_INSTANCE,
            ProcessDefinitionPermissions.READ_HISTORY,
            ProcessDefinitionPermissions.READ_TASK);
        grant(
            groupId,
            Resources.DECISION_DEFINITION,
            "*",
            Permissions.READ,
            Permissions.READ_HISTORY);
        grant(groupId, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ);
        grant(groupId, Resources.DEPLOYMENT, "*", Permissions.READ);
        grant(groupId, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
        grant(groupId, Resources.TASK, "*", Permissions.READ);
        grant(
            groupId,
            Resources.HISTORIC_PROCESS_INSTANCE,
            "*",
            HistoricProcessInstancePermissions.READ);
        grant(groupId, Resources.HISTORIC_TASK, "*", HistoricTaskPermissions.READ);
        // ... but they retry a pathway whose start failed, once its cause is fixed: the incident of
        // the pathway module's PathwayStartRecoveryProcess, retried from Cockpit.
        grant(
            groupId,
            Resources.PROCESS_DEFINITION,
            "PathwayStartRecoveryProcess",
            ProcessDefinitionPermissions.RETRY_JOB);
      }
      case Roles.COORDINATOR, Roles.CASEWORKER -> {
        // Work in Tasklist; which cases they see is granted per instance.
        grant(groupId, Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
        grant(groupId, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
        grant(groupId, Resources.DECISION_DEFINITION, "*", Permissions.READ);
      }
      case Roles.ADMIN -> {
        // What Camunda's own admin setup grants: everything on every resource.
        for (Resources resource : Resources.values()) {
          grant(groupId, resource, "*", Permissions.ALL);
        }
      }
      default -> {
        // The prefecture and the region read aggregates in the app's own pages and get nothing in
        // Camunda;
        // monitoring reads the metrics endpoint only.
      }
    }
  }

  /** Adds the permissions to the group's GRANT authorization on the resource (creates it). */
  public void grant(
      String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization =
        authorizations
            .createAuthorizationQuery()
            .authorizationType(AUTH_TYPE_GRANT)
            .groupIdIn(groupId)
            .resourceType(resource)
            .resourceId(resourceId)
            .singleResult();
    if (authorization == null) {
      grantNew(groupId, resource, resourceId, permissions);
      return;
    }
    if (List.of(permissions).stream().allMatch(authorization::isPermissionGranted)) {
      return;
    }
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizations.saveAuthorization(authorization);
  }

  /** A GRANT on a resource that has none for this group yet (a new process instance). */
  public void grantNew(
      String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    authorization.setGroupId(groupId);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizations.saveAuthorization(authorization);
  }

  /** Removes the group's GRANT authorization on the resource, if any. */
  public void revoke(String groupId, Resource resource, String resourceId) {
    Authorization authorization =
        authorizations
            .createAuthorizationQuery()
            .authorizationType(AUTH_TYPE_GRANT)
            .groupIdIn(groupId)
            .resourceType(resource)
            .resourceId(resourceId)
            .singleResult();
    if (authorization != null) {
      authorizations.deleteAuthorization(authorization.getId());
    }
  }

  /**
   * Removes what a group had on the tasks of a process instance, running or done (task and
   * historic-task authorizations, the group's and those its members got as assignees): once a case
   * leaves a perimeter or a partner, nothing of it stays readable to them (docs/security.md, R4).
   */
  public void revokeTasksOfInstance(String processInstanceId, String groupId) {
    for (HistoricTaskInstance task :
        history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId).list()) {
      revoke(groupId, Resources.TASK, task.getId());
      revoke(groupId, Resources.HISTORIC_TASK, task.getId());
      String assignee = task.getAssignee();
      if (assignee != null
          && identity.createGroupQuery().groupMember(assignee).groupId(groupId).count() > 0) {
        for (Resource resource : List.of(Resources.TASK, Resources.HISTORIC_TASK)) {
          authorizations
              .createAuthorizationQuery()
              .authorizationType(AUTH_TYPE_GRANT)
              .userIdIn(assignee)
              .resourceType(resource)
              .resourceId(task.getId())
              .list()
              .forEach(a -> authorizations.deleteAuthorization(a.getId()));
        }
      }
    }
  }

  /** Removes every authorization (any user or group) on the resource. */
  public void revokeAll(Resource resource, String resourceId) {
    authorizations
        .createAuthorizationQuery()
        .resourceType(resource)
        .resourceId(resourceId)
        .list()
        .forEach(a -> authorizations.deleteAuthorization(a.getId()));
  }

  /** Gives every signed-in user READ on a resource (used for shared Tasklist filters). */
  public void grantReadToEveryone(Resource resource, String resourceId) {
    long existing =
        authorizations
            .createAuthorizationQuery()
            .authorizationType(AUTH_TYPE_GLOBAL)
            .resourceType(resource)
            .resourceId(resourceId)
            .count();
    if (existing > 0) {
      return;
    }
    Authorization authorization = authorizations.createNewAuthorization(AUTH_TYPE_GLOBAL);
    authorization.setUserId(Authorization.ANY);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    authorization.addPermission(Permissions.READ);
    authorizations.saveAuthorization(authorization);
  }

  static String defaultName(String groupId) {
    if (Roles.ADMIN_GROUP.equals(groupId)) {
      return "Administrateurs";
    }
    if (Roles.SUPERVISORS_GROUP.equals(groupId)) {
      return "Superviseurs départementaux";
    }
    if (Roles.PREFECTURE_GROUP.equals(groupId)) {
      return "Préfecture";
    }
    if (Roles.MONITORING_GROUP.equals(groupId)) {
      return "Supervision technique";
    }
    if (Roles.REGION_GROUP.equals(groupId)) {
      return "Pilotage régional";
    }
    if (groupId.startsWith(Roles.COORDINATOR_GROUP_PREFIX)) {
      return "Coordonnateurs " + groupId.substring(Roles.COORDINATOR_GROUP_PREFIX.length());
    }
    if (groupId.startsWith(Roles.PARTNER_GROUP_PREFIX)) {
      return "Référents " + groupId.substring(Roles.PARTNER_GROUP_PREFIX.length());
    }
    return groupId;
  }
}
