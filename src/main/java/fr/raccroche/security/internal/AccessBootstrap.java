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
 * "Tâches de mon périmètre" for coordinators and supervisors, "Tâches de ma structure" for
 * partners' caseworkers, "En retard"). Idempotent, and one node at a time in a cluster (two nodes
 * starting together would otherwise both create the groups and the filters).
 */
@Component
@Order(0)
class AccessBootstrap implements ApplicationRunner {
  static final String MY_TASKS = "Mes tâches";
  static final String MY_PERIMETER_TASKS = "Tâches de mon périmètre";
  static final String MY_STRUCTURE_TASKS = "Tâches de ma structure";
  static final String OVERDUE_TASKS = "En retard";

  private final CamundaAccess access;
  private final FilterService filters;
  private final TaskService tasks;
  private final ClusterLock clusterLock;

  private final TasklistFilterAccess filterAccess;

  AccessBootstrap(
      CamundaAccess access,
      FilterService filters,
      TaskService tasks,
      ClusterLock clusterLock,
      TasklistFilterAccess filterAccess) {
    this.access = access;
    this.filters = filters;
    this.tasks = tasks;
    this.clusterLock = clusterLock;
    this.filterAccess = filterAccess;
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
            Roles.REGION_GROUP,
            Roles.MONITORING_GROUP)) {
      access.ensureGroupExists(group);
    }
    Filter mine =
        ensureFilter(
            MY_TASKS,
            -10,
            "#1f5fa8",
            "Les tâches qui me sont assignées, la plus urgente en premier",
            tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    access.grantReadToEveryone(Resources.FILTER, mine.getId());
    // The same query under two names: a partner's caseworker works for a structure, not a
    // perimeter. Each group reads the one named for it (TasklistFilterAccess).
    // First in the list, so Tasklist opens it: where a group's new work arrives.
    ensureFilter(
        MY_PERIMETER_TASKS,
        -20,
        "#2e7d32",
        "Les tâches des groupes de mon périmètre, attribuées ou non, la plus urgente en premier",
        groupTasks());
    ensureFilter(
        MY_STRUCTURE_TASKS,
        -19,
        "#2e7d32",
        "Les tâches de ma structure, attribuées ou non, la plus urgente en premier",
        groupTasks());
    Filter overdue =
        ensureFilter(
            OVERDUE_TASKS,
            10,
            "#c62828",
            "Les tâches dont l'échéance est dépassée",
            tasks.createTaskQuery().dueBeforeExpression("${now()}").orderByDueDate().asc());
    access.grantReadToEveryone(Resources.FILTER, overdue.getId());
    filterAccess.grantToExistingGroups();
  }

  private TaskQuery groupTasks() {
    return tasks
        .createTaskQuery()
        .taskCandidateGroupInExpression("${currentUserGroups()}")
        .includeAssignedTasks()
        .orderByDueDate()
        .asc();
  }

  private Filter ensureFilter(
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
            Map.of("name", "birthDate", "label", "Né(e) le"),
            Map.of("name", "caseNumber", "label", "Dossier"),
            Map.of("name", "perimeterCode", "label", "Périmètre")));
    Filter filter = filters.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filters.newTaskFilter(name);
    }
    // Properties and query follow the code at every start (labels, columns, order: the earliest
    // due date first).
    filter.setQuery(query);
    filter.setProperties(properties);
    return filters.saveFilter(filter);
  }
}
