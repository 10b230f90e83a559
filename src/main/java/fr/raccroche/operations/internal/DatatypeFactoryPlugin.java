package fr.raccroche.operations.internal;

import javax.xml.datatype.DatatypeFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Names the JDK's own {@link DatatypeFactory}. The engine calls {@code
 * DatatypeFactory.newInstance()} for every timer it creates or fires (ISO-8601 durations); without
 * the system property, each call looks the factory up in every jar of the class path (a service
 * lookup): 7 % of a pathway start's CPU, measured (docs/benchmarks.md B2). With it, the JDK
 * instantiates the class directly. An explicit setting (a {@code -D} on the command line) is kept.
 */
@Component
class DatatypeFactoryPlugin extends AbstractProcessEnginePlugin {
  static final String JDK_FACTORY =
      "com.sun.org.apache.xerces.internal.jaxp.datatype.DatatypeFactoryImpl";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY) == null) {
      System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY, JDK_FACTORY);
    }
  }
}
