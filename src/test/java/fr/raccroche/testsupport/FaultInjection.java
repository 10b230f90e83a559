package fr.raccroche.testsupport;

import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Makes the pathway of chosen young people fail, for the tests that prove a case which cannot start
 * (or move) stops nothing else: while a last name is poisoned, every activity of a {@code
 * YouthPathwayProcess} whose {@code displayName} contains it throws as it starts — the instance's
 * own start included. Inert for every other young person; cure it to let the case go on.
 */
@TestConfiguration
public class FaultInjection {
  private static final Set<String> POISONED = ConcurrentHashMap.newKeySet();

  public static void poison(String lastName) {
    POISONED.add(lastName.toUpperCase(java.util.Locale.FRENCH));
  }

  public static void cure(String lastName) {
    POISONED.remove(lastName.toUpperCase(java.util.Locale.FRENCH));
  }

  private static final ExecutionListener FAIL_IF_POISONED =
      execution -> {
        if (POISONED.isEmpty()) {
          return;
        }
        Object name = execution.getVariable("displayName");
        if (name != null && POISONED.stream().anyMatch(p -> name.toString().contains(p))) {
          throw new IllegalStateException("Injected failure for a test");
        }
      };

  @Bean
  ProcessEnginePlugin faultInjectionPlugin() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
          configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        configuration
            .getCustomPreBPMNParseListeners()
            .add(
                new AbstractBpmnParseListener() {
                  @Override
                  public void parseProcess(
                      Element element,
                      org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity
                          process) {
                    if ("YouthPathwayProcess".equals(element.attribute("id"))) {
                      process.addListener(ExecutionListener.EVENTNAME_START, FAIL_IF_POISONED);
                    }
                  }

                  @Override
                  public void parseServiceTask(
                      Element element, ScopeImpl scope, ActivityImpl activity) {
                    if (activity.getProcessDefinition()
                            instanceof
                            org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity
                                definition
                        && "YouthPathwayProcess".equals(definition.getKey())) {
                      activity.addListener(ExecutionListener.EVENTNAME_START, FAIL_IF_POISONED);
                    }
                  }
                });
      }
    };
  }
}
