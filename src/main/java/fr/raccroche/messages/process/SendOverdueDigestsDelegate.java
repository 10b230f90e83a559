package fr.raccroche.messages.process;

import fr.raccroche.messages.MessageService;
import fr.raccroche.messages.MessagesProperties;
import fr.raccroche.security.Roles;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * ServiceTask_SendOverdueDigests ({@code OverdueTasksDigestProcess}): each coordinator (member of a
 * {@code coord-<perimeter>} group) with an e-mail address and overdue tasks — unassigned in their
 * perimeters, or assigned to them — gets one e-mail listing them by case number, task name and due
 * date. Nothing when {@code raccroche.messages.digest.enabled} is false.
 */
@Component("sendOverdueDigestsDelegate")
public class SendOverdueDigestsDelegate implements JavaDelegate {
  private static final Logger log = LoggerFactory.getLogger(SendOverdueDigestsDelegate.class);
  private static final int MAX_LINES = 200;
  private final IdentityService identity;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final MessageService messages;
  private final MessagesProperties properties;

  SendOverdueDigestsDelegate(
      IdentityService identity,
      TaskService tasks,
      RuntimeService runtime,
      MessageService messages,
      MessagesProperties properties) {
    this.identity = identity;
    this.tasks = tasks;
    this.runtime = runtime;
    this.messages = messages;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (!properties.digest().enabled()) {
      return;
    }
    execution.setVariable("digestsSent", sendAll());
  }

  /** Sends the digests now; returns how many coordinators got one. */
  public int sendAll() {
    Date now = ClockUtil.getCurrentTime();
    DateTimeFormatter day =
        DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(properties.timeZone());
    int sent = 0;
    List<Group> groups =
        identity.createGroupQuery().list().stream()
            .filter(g -> g.getId().startsWith(Roles.COORDINATOR_GROUP_PREFIX))
            .toList();
    Map<String, List<String>> groupsOfUser = new HashMap<>();
    for (Group g : groups) {
      for (User u : identity.createUserQuery().memberOfGroup(g.getId()).list()) {
        groupsOfUser.computeIfAbsent(u.getId(), k -> new ArrayList<>()).add(g.getId());
      }
    }
    for (Map.Entry<String, List<String>> entry : groupsOfUser.entrySet()) {
      String userId = entry.getKey();
      List<Task> overdue =
          tasks
              .createTaskQuery()
              .taskCandidateGroupIn(entry.getValue())
              .includeAssignedTasks()
              .dueBefore(now)
              .orderByDueDate()
              .asc()
              .listPage(0, MAX_LINES);
      List<Task> mine = new ArrayList<>();
      for (Task t : overdue) {
        if (t.getAssignee() == null || t.getAssignee().equals(userId)) {
          mine.add(t);
        }
      }
      for (Task t :
          tasks.createTaskQuery().taskAssignee(userId).dueBefore(now).listPage(0, MAX_LINES)) {
        if (mine.stream().noneMatch(m -> m.getId().equals(t.getId()))) {
          mine.add(t);
        }
      }
      if (mine.isEmpty()) {
        continue;
      }
      Set<String> instanceIds =
          mine.stream()
              .map(Task::getProcessInstanceId)
              .filter(java.util.Objects::nonNull)
              .collect(Collectors.toSet());
      Map<String, String> keys = new HashMap<>();
      if (!instanceIds.isEmpty()) {
        for (ProcessInstance p :
            runtime.createProcessInstanceQuery().processInstanceIds(instanceIds).list()) {
          keys.put(p.getId(), p.getBusinessKey());
        }
      }
      List<String> lines =
          mine.stream()
              .map(
                  t ->
                      t.getName()
                          + " — dossier "
                          + keys.getOrDefault(t.getProcessInstanceId(), "—")
                          + " — échéance "
                          + day.format(Instant.ofEpochMilli(t.getDueDate().getTime())))
              .toList();
      if (messages.sendDigest(userId, lines)) {
        sent++;
      }
    }
    log.info("Overdue-task digests queued: {}", sent);
    return sent;
  }
}
