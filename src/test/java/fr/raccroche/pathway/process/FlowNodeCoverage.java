package fr.raccroche.pathway.process;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Records every flow node the in-memory engine starts, per process definition key, whatever the
 * test does with its deployments afterwards (registered in camunda.cfg.xml).
 */
public class FlowNodeCoverage extends AbstractBpmnParseListener {
  private static final Map<String, Set<String>> PASSED = new ConcurrentHashMap<>();

  public static Set<String> passed(String processKey) {
    return PASSED.getOrDefault(processKey, Set.of());
  }

  private static void record(ActivityImpl activity) {
    ExecutionListener listener =
        execution -> {
          String key = execution.getProcessDefinitionId().split(":")[0];
          PASSED.computeIfAbsent(key, k -> new ConcurrentSkipListSet<>()).add(activity.getId());
        };
    activity.addListener(ExecutionListener.EVENTNAME_START, listener);
  }

  @Override
  public void parseStartEvent(Element e, ScopeImpl s, ActivityImpl a) {
    record(a);
  }

  @Override
  public void parseExclusiveGateway(Element e, ScopeImpl s, ActivityImpl a) {
    record(a);
  }

  @Override
  public void parseParallelGateway(Element e, ScopeImpl s, ActivityImpl a) {
    record(a);
  }

  @Override
  public void parseUserTask(Element e, ScopeImpl s, ActivityImpl a) {
    record(a);
  }

  @Override
  public void parseServiceTask(Element e, ScopeImpl s, ActivityImpl a) {
    record(a);
  }

  @Override
  public void parseBusinessRuleTask(Element e, ScopeImpl s, ActivityImpl a) {
    record(a);
  }

  @Override
  public void parseTask(Element e, ScopeImpl s, ActivityImpl a) {
    record(a);
  }

  @Override
  public void parseSubProcess(Element e, ScopeImpl s, ActivityImpl a) {
    record(a);
  }

  @Override
  public void parseEndEvent(Element e, ScopeImpl s, ActivityImpl a) {
    record(a);
  }

  @Override
  public void parseBoundaryEvent(Element e, ScopeImpl s, ActivityImpl a) {
    record(a);
  }

  @Override
  public void parseIntermediateThrowEvent(Element e, ScopeImpl s, ActivityImpl a) {
    record(a);
  }

  @Override
  public void parseIntermediateCatchEvent(Element e, ScopeImpl s, ActivityImpl a) {
    record(a);
  }
}
