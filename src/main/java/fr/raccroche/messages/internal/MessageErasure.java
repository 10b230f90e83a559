package fr.raccroche.messages.internal;

import fr.raccroche.messages.process.MessageProcesses;
import fr.raccroche.pathway.PersonErased;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The person is erased: their cases' messages (content and addresses), the delivery processes with
 * their history and the daily counters go, in the erasure's transaction. The "STOP" hashes stay:
 * the objection outlives the record, and names no one.
 */
@Component
class MessageErasure {
  private final MessageRepository messages;
  private final MessageProcesses processes;
  private final DailyLimit dailyLimit;

  MessageErasure(MessageRepository messages, MessageProcesses processes, DailyLimit dailyLimit) {
    this.messages = messages;
    this.processes = processes;
    this.dailyLimit = dailyLimit;
  }

  @EventListener
  void erase(PersonErased erased) {
    if (erased.caseNumbers().isEmpty()) {
      return;
    }
    List<MessageEntity> gone = messages.findByCaseNumberIn(erased.caseNumbers());
    processes.erase(gone.stream().map(MessageEntity::getProcessInstanceId).toList());
    messages.deleteAll(gone);
    dailyLimit.forget(erased.caseNumbers());
  }
}
