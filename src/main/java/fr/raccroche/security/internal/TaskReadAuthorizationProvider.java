package fr.raccroche.security.internal;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;

/**
 * The engine gives a task's candidate groups, candidate users and assignee the right to work it
 * (UPDATE / TASK_WORK) but not to see it: Tasklist and {@code engine-rest} list only the tasks one
 * may READ. This provider adds READ to those automatic authorizations, so that a coordinator sees
 * exactly the tasks of their perimeter and a caseworker those of their partner — and nothing else
 * (no READ on every task of the process definition).
 */
class TaskReadAuthorizationProvider extends DefaultAuthorizationProvider {

  @Override
  public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
    return withRead(super.newTaskGroupIdentityLink(task, groupId, type));
  }

  @Override
  public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String type) {
    return withRead(super.newTaskUserIdentityLink(task, userId, type));
  }

  @Override
  public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
    return withRead(super.newTaskAssignee(task, oldAssignee, newAssignee));
  }

  private static AuthorizationEntity[] withRead(AuthorizationEntity[] authorizations) {
    if (authorizations != null) {
      for (AuthorizationEntity authorization : authorizations) {
        if (authorization != null) {
          authorization.addPermission(Permissions.READ);
        }
      }
    }
    return authorizations;
  }
}
