package fr.raccroche.privacy.internal;

import java.util.EnumSet;
import java.util.Set;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.runtime.VariableInstance;

/**
 * Camunda's full history, except for the variables that copy a young person's personal data from
 * the case record into a process (what the forms show): those have no history at all — no row in
 * {@code ACT_HI_VARINST}, none in {@code ACT_HI_DETAIL}. Their source of truth is the app's own
 * record (erased by the retention job); a copy in Camunda's history would only be a second place to
 * erase, and two rows more to write per variable at each pathway start.
 *
 * <p>Its id is full's (3): a database created at full history starts with this level and back.
 */
final class PersonalDataHistoryLevel implements HistoryLevel {
  static final String NAME = "full-without-personal-data";
  private static final Set<HistoryEventTypes> VARIABLE_EVENTS =
      EnumSet.of(
          HistoryEventTypes.VARIABLE_INSTANCE_CREATE,
          HistoryEventTypes.VARIABLE_INSTANCE_UPDATE,
          HistoryEventTypes.VARIABLE_INSTANCE_MIGRATE,
          HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL,
          HistoryEventTypes.VARIABLE_INSTANCE_DELETE);

  private final Set<String> variablesWithoutHistory;

  PersonalDataHistoryLevel(Set<String> variablesWithoutHistory) {
    this.variablesWithoutHistory = Set.copyOf(variablesWithoutHistory);
  }

  @Override
  public int getId() {
    return HISTORY_LEVEL_FULL.getId();
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
    if (eventType instanceof HistoryEventTypes type && VARIABLE_EVENTS.contains(type)) {
      String name = variableName(entity);
      if (name != null && variablesWithoutHistory.contains(name)) {
        return false;
      }
    }
    return HISTORY_LEVEL_FULL.isHistoryEventProduced(eventType, entity);
  }

  private static String variableName(Object entity) {
    if (entity instanceof VariableInstance variable) {
      return variable.getName();
    }
    if (entity instanceof HistoricVariableUpdateEventEntity update) {
      return update.getVariableName();
    }
    return null;
  }
}
