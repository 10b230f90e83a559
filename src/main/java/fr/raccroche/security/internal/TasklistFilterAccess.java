package fr.raccroche.security.internal;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;

import fr.raccroche.security.Roles;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * Who reads which shared Tasklist filter of group tasks: coordinators, supervisors and
 * administrators "Tâches de mon périmètre", partners' caseworkers (and administrators) "Tâches de
 * ma structure". Granted to each group of those roles at startup and as groups are created ({@link
 * GroupProvisioning}); the read-for-everyone grant that earlier versions gave these filters is
 * removed.
 */
@Component
class TasklistFilterAccess {
  private final CamundaAccess access;
  private final FilterService filters;
  private final IdentityService identity;
  private final AuthorizationService authorizations;

  TasklistFilterAccess(
      CamundaAccess access,
      FilterService filters,
      IdentityService identity,
      AuthorizationService authorizations) {
    this.access = access;
    this.filters = filters;
    this.identity = identity;
    this.authorizations = authorizations;
  }

  /** Every existing group gets the filter of its role; nobody else keeps a global read. */
  void grantToExistingGroups() {
    for (String name :
        new String[] {AccessBootstrap.MY_PERIMETER_TASKS, AccessBootstrap.MY_STRUCTURE_TASKS}) {
      Filter filter = filters.createFilterQuery().filterName(name).singleResult();
      if (filter != null) {
        authorizations
            .createAuthorizationQuery()
            .authorizationType(AUTH_TYPE_GLOBAL)
            .resourceType(Resources.FILTER)
            .resourceId(filter.getId())
            .list()
            .forEach(a -> authorizations.deleteAuthorization(a.getId()));
      }
    }
    for (Group group : identity.createGroupQuery().list()) {
      grantTo(group.getId());
    }
  }

  /** The group reads the group-task filter named for its role, if it has one. */
  void grantTo(String groupId) {
    String role = Roles.roleOfGroup(groupId);
    if (role == null) {
      return;
    }
    switch (role) {
      case Roles.COORDINATOR, Roles.SUPERVISOR ->
          grant(groupId, AccessBootstrap.MY_PERIMETER_TASKS);
      case Roles.CASEWORKER -> grant(groupId, AccessBootstrap.MY_STRUCTURE_TASKS);
      case Roles.ADMIN -> {
        grant(groupId, AccessBootstrap.MY_PERIMETER_TASKS);
        grant(groupId, AccessBootstrap.MY_STRUCTURE_TASKS);
      }
      default -> {
        // the prefecture, the region and monitoring work no task
      }
    }
  }

  private void grant(String groupId, String filterName) {
    Filter filter = filters.createFilterQuery().filterName(filterName).singleResult();
    if (filter != null) {
      access.grant(groupId, Resources.FILTER, filter.getId(), Permissions.READ);
    }
  }
}
