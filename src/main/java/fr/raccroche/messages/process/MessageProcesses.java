package fr.raccroche.messages.process;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Starts each message's {@code MessageDeliveryProcess} (business key: the message's id; variables:
 * {@code messageId} and, for a deferred message, {@code sendAt} — never the content nor the
 * address) and removes those of erased cases.
 */
@Component
public class MessageProcesses {
  public static final String PROCESS_KEY = "MessageDeliveryProcess";
  public static final String TOPIC = "send-message";
  public static final String REJECTED_ERROR = "MessageRejected";
  static final String MESSAGE_ID = "messageId";
  static final String SEND_AT = "sendAt";

  private final RuntimeService runtime;
  private final HistoryService history;

  MessageProcesses(RuntimeService runtime, HistoryService history) {
    this.runtime = runtime;
    this.history = history;
  }

  /**
   * Starts the delivery of a message about a case of a département (the instance's tenant); {@code
   * sendAt} null: at once. Returns the instance id.
   */
  public String start(long messageId, Instant sendAt, String departement) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(fr.raccroche.shared.Departement.VARIABLE, departement);
    variables.put(MESSAGE_ID, messageId);
    variables.put(SEND_AT, sendAt == null ? null : Date.from(sendAt));
    return runtime
        .startProcessInstanceByKey(PROCESS_KEY, String.valueOf(messageId), variables)
        .getId();
  }

  /** The deliveries of erased messages: gone from runtime and history. */
  public void erase(Collection<String> instanceIds) {
    List<String> ids = instanceIds.stream().filter(java.util.Objects::nonNull).toList();
    if (ids.isEmpty()) {
      return;
    }
    runtime.deleteProcessInstancesIfExists(
        ids, "Effacement des données personnelles", true, true, false);
    history.deleteHistoricProcessInstancesIfExists(ids);
  }
}
