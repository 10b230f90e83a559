package fr.raccroche.conventions;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.TryCatchBlock;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * No exception is ever swallowed inside a transaction that will then commit (docs/intake.md §8, ADR
 * 0008): in transactional code — a class or method annotated {@code @Transactional}, Camunda glue
 * (delegates, listeners, everything under a {@code process} package) — and in any lambda (a
 * transaction callback is one), a {@code catch} of a runtime exception around a call into another
 * bean (a Spring component or repository, an engine service, the entity manager) is refused. An
 * exception from a transactional proxy has already marked the transaction rollback-only; one from a
 * plain bean may have left half its work. Catch around a whole transaction instead ({@code
 * Attempts}), or return an {@code Optional}. The few translations that rethrow are listed here.
 */
class TransactionBoundaryTest {
  /**
   * Methods that catch in order to throw again (never swallow), or that run outside any transaction
   * although their package says otherwise, with why.
   */
  private static final Set<String> RETHROWING =
      Set.of(
          // The recovery job's failure becomes a French incident message without the cause's text.
          "fr.raccroche.pathway.process.PathwayEngine.startTranslatingFailures",
          // A grant refused by the service becomes the task's French refusal (thrown again).
          "fr.raccroche.coordination.process.ExperimentTaskValidation.selection",
          // Not transactional although under process/: the external-task worker runs on its own
          // thread, outside any transaction, and MessageDelivery.deliver opens and commits its own
          // short transactions; a failure of one attempt becomes that task's retry or incident.
          "fr.raccroche.messages.process.MessageWorker.handle");

  @Test
  void noTransactionalCodeCatchesAFailureOfAnotherBean() {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("fr.raccroche");
    List<String> violations = new ArrayList<>();
    for (JavaClass c : classes) {
      for (JavaCodeUnit unit : c.getCodeUnits()) {
        for (TryCatchBlock block : unit.getTryCatchBlocks()) {
          boolean transactional = transactional(c, unit) || block.isDeclaredInLambda();
          if (transactional
              && catchesRuntimeFailures(block)
              && callsAnotherBean(block)
              && !RETHROWING.contains(c.getName() + "." + unit.getName())) {
            violations.add(block.getSourceCodeLocation() + " in " + unit.getFullName());
          }
        }
      }
    }
    assertThat(violations)
        .as("catch around another bean's call inside a transaction (see the class comment)")
        .isEmpty();
  }

  @Test
  void theRuleSeesTheDefectOfIssue17() {
    // The shape that stopped a département: transactional code catching a failure of another
    // bean (here an engine service) and going on to commit.
    JavaClass offender = new ClassFileImporter().importClasses(Offender.class).get(Offender.class);
    long flagged =
        offender.getCodeUnits().stream()
            .flatMap(u -> u.getTryCatchBlocks().stream())
            .filter(
                b ->
                    transactional(offender, b.getOwner())
                        && catchesRuntimeFailures(b)
                        && callsAnotherBean(b))
            .count();
    assertThat(flagged).isEqualTo(1);
  }

  /** Not a component (never scanned): only read by the rule above. */
  @org.springframework.transaction.annotation.Transactional
  static class Offender {
    private org.camunda.bpm.engine.RuntimeService runtime;

    Object label(String instance) {
      try {
        return runtime.getVariable(instance, "establishmentName");
      } catch (org.camunda.bpm.engine.ProcessEngineException e) {
        return instance;
      }
    }

    Object parsed(String value) {
      try {
        return Integer.parseInt(value); // no bean: not flagged
      } catch (NumberFormatException e) {
        return null;
      }
    }
  }

  static boolean transactional(JavaClass c, JavaCodeUnit unit) {
    return c.isAnnotatedWith("org.springframework.transaction.annotation.Transactional")
        || c.isAnnotatedWith("jakarta.transaction.Transactional")
        || unit.isAnnotatedWith("org.springframework.transaction.annotation.Transactional")
        || c.isAssignableTo("org.camunda.bpm.engine.delegate.JavaDelegate")
        || c.isAssignableTo("org.camunda.bpm.engine.delegate.ExecutionListener")
        || c.isAssignableTo("org.camunda.bpm.engine.delegate.TaskListener")
        || c.getPackageName().endsWith(".process");
  }

  static boolean catchesRuntimeFailures(TryCatchBlock block) {
    for (JavaClass caught : block.getCaughtThrowables()) {
      // Through the class itself: ArchUnit may not have imported a library's hierarchy.
      Class<?> type = load(caught.getName());
      boolean parsing = IllegalArgumentException.class.isAssignableFrom(type); // no bean's failure
      if (RuntimeException.class.isAssignableFrom(type) && !parsing
          || type == Exception.class
          || type == Throwable.class) {
        return true;
      }
    }
    return false;
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, TransactionBoundaryTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(name, e);
    }
  }

  static boolean callsAnotherBean(TryCatchBlock block) {
    for (JavaAccess<?> access : block.getAccessesContainedInTryBlock()) {
      JavaClass target = access.getTargetOwner();
      if (target.equals(block.getOwner().getOwner())) {
        continue;
      }
      if (target.isMetaAnnotatedWith(org.springframework.stereotype.Component.class)
          || target.isAssignableTo("org.springframework.data.repository.Repository")
          || target.isAssignableTo("jakarta.persistence.EntityManager")
          || target.getPackageName().equals("org.camunda.bpm.engine")) {
        return true;
      }
    }
    return false;
  }
}
