package fr.raccroche.security.internal;

import fr.raccroche.security.Roles;
import fr.raccroche.shared.ClusterLock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * At every start: the fixed groups and their rights, and the shared Tasklist filters ("Mes tâches",
 * "Tâches de mon périmètre", "En retard"). Idempotent, and one node at a time in a cluster (two
 * nodes starting together would otherwise both create the groups and the filters).
 */
@Component
@Order(0)
class AccessBootstrap implements ApplicationRunner {
  static final String MY_TASKS = "Mes tâches";
  static final String MY_PERIMETER_TASKS = "Tâches de mon périmètre";
  static final String OVERDUE_TASKS = "En retard";

  private final CamundaAccess access;
  private final FilterService filters;
  private final TaskService tasks;
  private final ClusterLock clusterLock;

  AccessBootstrap(
      CamundaAccess access, FilterService filters, TaskService tasks, ClusterLock clusterLock) {
    this.access = access;
    this.filters = filters;
    this.tasks = tasks;
    this.clusterLock = clusterLock;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    clusterLock.lockForTransaction(ClusterLock.STARTUP);
    for (String group :
        List.of(
            Roles.ADMIN_GROUP,
            Roles.SUPERVISORS_GROUP,
            Roles.PREFECTURE_GROUP,
            Roles.MONITORING_GROUP)) {
      access.ensureGroupExists(group);
    }
    ensureFilter(
        MY_TASKS,
        -10,
        "#1f5fa8",
        "Les tâches qui me sont assignées",
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    ensureFilter(
        MY_PERIMETER_TASKS,
        0,
        "#2e7d32",
        "Les tâches de mes groupes (mon périmètre, ma structure), assignées ou non",
        tasks
            .createTaskQuery()
            .taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks());
    ensureFilter(
        OVERDUE_TASKS,
        10,
        "#c62828",
        "Les tâches dont l'échéance est dépassée",
        tasks.createTaskQuery().dueBeforeExpression("${now()}"));
  }

  private void ensureFilter(
      String name, int priority, String color, String description, TaskQuery query) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("priority", priority);
    properties.put("color", color);
    properties.put("description", description);
    properties.put("refresh", true);
    // Columns shown for each task in the list: who and which case, not just the task's name.
    properties.put(
        "variables",
        List.of(
            Map.of("name", "displayName", "label", "Jeune"),
            Map.of("name", "caseNumber", "label", "Dossier"),
            Map.of("name", "perimeterCode", "label", "Périmètre")));
    Filter filter = filters.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filters.newTaskFilter(name).setQuery(query);
    }
    // Properties follow the code at every start (labels, columns); the query stays as created.
    filter.setProperties(properties);
    filters.saveFilter(filter);
    access.grantReadToEveryone(Resources.FILTER, filter.getId());
  }
}
