package fr.raccroche.messages.process;

import fr.raccroche.messages.MessagesProperties;
import fr.raccroche.messages.internal.MessageDelivery;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The worker of the external-task topic {@code send-message}, inside the application: fetches and
 * locks messages to send (each node of a cluster polls; the engine gives a task to one worker), and
 * for each attempt completes the task (sent), throws the BPMN error {@code MessageRejected}
 * (refused for good: the process ends "Message non envoyé"), or reports a failure with the retries
 * left and an exponential back-off ({@code raccroche.messages.retry-backoff}, doubled each time).
 * After the last of {@code raccroche.messages.attempts}, the engine raises an incident that
 * supervisors see in Cockpit and retry there. In the quiet hours the task waits for the next
 * allowed time without losing a retry.
 */
@Component
public class MessageWorker implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(MessageWorker.class);
  private static final int BATCH = 10;

  private final ExternalTaskService externalTasks;
  private final MessageDelivery delivery;
  private final MessagesProperties properties;
  private final String workerId =
      "raccroche-messages-" + ManagementFactory.getRuntimeMXBean().getName();
  private volatile Thread thread;
  private volatile boolean running;

  MessageWorker(
      ExternalTaskService externalTasks, MessageDelivery delivery, MessagesProperties properties) {
    this.externalTasks = externalTasks;
    this.delivery = delivery;
    this.properties = properties;
  }

  /** One round: fetches the due messages and tries each once. Returns how many were fetched. */
  public int runOnce() {
    List<LockedExternalTask> tasks =
        externalTasks
            .fetchAndLock(BATCH, workerId)
            .topic(MessageProcesses.TOPIC, properties.worker().lockDuration().toMillis())
            .variables(MessageProcesses.MESSAGE_ID)
            .execute();
    for (LockedExternalTask task : tasks) {
      handle(task);
    }
    return tasks.size();
  }

  private void handle(LockedExternalTask task) {
    Object id = task.getVariables().get(MessageProcesses.MESSAGE_ID);
    long messageId = ((Number) id).longValue();
    MessageDelivery.Result result;
    try {
      result = delivery.deliver(messageId);
    } catch (RuntimeException e) {
      log.warn("Message {}: attempt failed with {}", messageId, e.getClass().getSimpleName());
      result =
          new MessageDelivery.Result(
              MessageDelivery.Kind.TRANSIENT,
              null,
              "Unexpected " + e.getClass().getSimpleName(),
              "Erreur technique de l'application.");
    }
    int attempts = properties.attempts();
    int retriesLeft = task.getRetries() == null ? attempts : task.getRetries();
    switch (result.kind()) {
      case SENT, DONE -> externalTasks.complete(task.getId(), workerId);
      case REJECTED ->
          externalTasks.handleBpmnError(
              task.getId(), workerId, MessageProcesses.REJECTED_ERROR, result.reason());
      case NOT_NOW -> {
        long wait =
            Math.max(
                1000L,
                Duration.between(ClockUtil.getCurrentTime().toInstant(), result.notBefore())
                    .toMillis());
        externalTasks.handleFailure(
            task.getId(), workerId, "Quiet hours: waiting", null, retriesLeft, wait);
      }
      case TRANSIENT -> {
        int left = retriesLeft - 1;
        int failures = attempts - left;
        if (left <= 0) {
          delivery.exhausted(messageId, attempts, result.frenchReason());
        }
        long backoff =
            properties.retryBackoff().toMillis() * (1L << Math.min(20, Math.max(0, failures - 1)));
        externalTasks.handleFailure(
            task.getId(),
            workerId,
            "Message " + messageId + " not sent: " + result.reason(),
            "Attempt " + failures + " of " + attempts + " at " + Instant.now(),
            Math.max(0, left),
            backoff);
      }
    }
  }

  @Override
  public void start() {
    if (!properties.worker().enabled() || running) {
      return;
    }
    running = true;
    thread = new Thread(this::loop, "send-message-worker");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    while (running) {
      int fetched = 0;
      try {
        fetched = runOnce();
      } catch (RuntimeException e) {
        // The database or the engine is away: try again after the poll interval.
        log.warn("send-message worker round failed: {}", e.getClass().getSimpleName());
      }
      if (fetched == 0) {
        try {
          Thread.sleep(properties.worker().pollInterval().toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  @Override
  public void stop() {
    running = false;
    Thread t = thread;
    if (t != null) {
      t.interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Starts after the engine, stops before it. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 100;
  }
}
