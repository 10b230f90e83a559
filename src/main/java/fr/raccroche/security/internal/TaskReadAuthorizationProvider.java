package fr.raccroche.security.internal;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * The engine gives a task's candidate groups, candidate users and assignee the right to work it
 * (UPDATE / TASK_WORK) but not to see it: Tasklist and {@code engine-rest} list only the tasks one
 * may READ. This provider adds READ to those automatic authorizations, so that a coordinator sees
 * exactly the tasks of their perimeter and a caseworker those of their partner — and nothing else
 * (no READ on every task of the process definition).
 *
 * <p>Access follows responsibility (docs/security.md, R4): a task is assigned only to a member of
 * one of its candidate groups (else 403, nothing changes), and the rights an assignment gave end
 * with it — the former assignee's task and historic-task authorizations are removed when the task
 * changes hands or is unassigned.
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
    CommandContext context = Context.getCommandContext();
    if (newAssignee != null && context != null) {
      checkCandidate(context, task, newAssignee);
    }
    if (oldAssignee != null && !oldAssignee.equals(newAssignee) && context != null) {
      context
          .getAuthorizationManager()
          .deleteAuthorizationsByResourceIdAndUserId(Resources.TASK, task.getId(), oldAssignee);
      context
          .getAuthorizationManager()
          .deleteAuthorizationsByResourceIdAndUserId(
              Resources.HISTORIC_TASK, task.getId(), oldAssignee);
    }
    return withRead(super.newTaskAssignee(task, oldAssignee, newAssignee));
  }

  /** A task with candidate groups goes to one of their members only. */
  private static void checkCandidate(CommandContext context, Task task, String user) {
    if (!(task instanceof TaskEntity entity)) {
      return;
    }
    List<String> groups = new ArrayList<>();
    List<String> users = new ArrayList<>();
    for (IdentityLinkEntity link : entity.getIdentityLinks()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
        if (link.getGroupId() != null) {
          groups.add(link.getGroupId());
        } else if (link.getUserId() != null) {
          users.add(link.getUserId());
        }
      }
    }
    if (groups.isEmpty() && users.isEmpty()) {
      return;
    }
    if (users.contains(user)) {
      return;
    }
    long member =
        groups.isEmpty()
            ? 0
            : context.runWithoutAuthorization(
                () ->
                    context
                        .getReadOnlyIdentityProvider()
                        .createGroupQuery()
                        .groupMember(user)
                        .groupIdIn(groups.toArray(String[]::new))
                        .count());
    if (member == 0) {
      throw new AuthorizationException(
          "Cette tâche ne peut être confiée qu'à un membre de ses groupes ("
              + String.join(", ", groups)
              + ").");
    }
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
