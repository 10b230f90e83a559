package fr.raccroche.security;

import fr.raccroche.security.internal.CamundaAccess;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Service;

/**
 * Per-case rights in Camunda: a group sees a process instance (runtime and history) once it is
 * granted here, at the moment the case's scope changes (start, orientation, transfer). Tasks need
 * nothing more: their candidate groups get task rights from the engine.
 */
@Service
public class CaseAccessService {
  private final CamundaAccess access;

  CaseAccessService(CamundaAccess access) {
    this.access = access;
  }

  /**
   * Grants a group a process instance just started: it has no authorization yet, so none is looked
   * up first (two queries less per pathway start).
   */
  public void grantNewCase(String processInstanceId, String groupId) {
    grantCase(processInstanceId, groupId, true);
  }

  public void grantCase(String processInstanceId, String groupId) {
    grantCase(processInstanceId, groupId, false);
  }

  private void grantCase(String processInstanceId, String groupId, boolean newInstance) {
    grant(groupId, Resources.PROCESS_INSTANCE, processInstanceId, Permissions.READ, newInstance);
    grant(
        groupId,
        Resources.HISTORIC_PROCESS_INSTANCE,
        processInstanceId,
        HistoricProcessInstancePermissions.READ,
        newInstance);
  }

  private void grant(
      String groupId,
      Resource resource,
      String resourceId,
      Permission permission,
      boolean newInstance) {
    if (newInstance) {
      access.grantNew(groupId, resource, resourceId, permission);
    } else {
      access.grant(groupId, resource, resourceId, permission);
    }
  }

  /** The group no longer sees nor works the task (e.g. a transfer to another perimeter). */
  public void revokeTask(String taskId, String groupId) {
    access.revoke(groupId, Resources.TASK, taskId);
  }

  /**
   * The group no longer sees the case: neither the instance (runtime, history) nor any of its
   * tasks, past or open, nor what its members got as assignees; nothing written afterwards is
   * visible to it.
   */
  public void revokeCase(String processInstanceId, String groupId) {
    access.revoke(groupId, Resources.PROCESS_INSTANCE, processInstanceId);
    access.revoke(groupId, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId);
    access.revokeTasksOfInstance(processInstanceId, groupId);
  }

  /** Removes every authorization naming the instance (it was erased). */
  public void forgetInstance(String processInstanceId) {
    access.revokeAll(Resources.PROCESS_INSTANCE, processInstanceId);
    access.revokeAll(Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId);
  }
}
