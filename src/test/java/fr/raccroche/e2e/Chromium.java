package fr.raccroche.e2e;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Gives a browser test its {@link Browsers}, pointed at the app of the test's Spring context, and
 * closes them after the test (with a screenshot of each under {@code target/screenshots} when the
 * test failed). Without Debian's Chromium the tests are skipped on a developer's machine, and fail
 * in CI ({@code CI=true}), where {@code .ci/run} installs it.
 */
class Chromium
    implements ExecutionCondition,
        BeforeAllCallback,
        ParameterResolver,
        AfterTestExecutionCallback {
  static final String MISSING =
      "Browser tests need Debian's Chromium and its driver ("
          + Browser.CHROMIUM
          + ", "
          + Browser.CHROMEDRIVER
          + "): run apt-get install chromium chromium-driver";

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(Chromium.class);

  /** Skipped, with the reason, before the app starts; in CI, run (and fail in beforeAll). */
  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    return Browser.installed() || ci()
        ? ConditionEvaluationResult.enabled("Chromium found, or CI")
        : ConditionEvaluationResult.disabled(MISSING);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (!Browser.installed()) {
      throw new AssertionError(MISSING);
    }
  }

  private static boolean ci() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Browsers.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    String port =
        SpringExtension.getApplicationContext(context)
            .getEnvironment()
            .getRequiredProperty("local.server.port");
    return context
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            Browsers.class, type -> new Browsers("http://localhost:" + port), Browsers.class);
  }

  @Override
  public void afterTestExecution(ExtensionContext context) {
    Browsers browsers = context.getStore(NAMESPACE).get(Browsers.class, Browsers.class);
    if (browsers != null && context.getExecutionException().isPresent()) {
      browsers.screenshotAll(
          "FAILED-"
              + context.getRequiredTestClass().getSimpleName()
              + "-"
              + context.getRequiredTestMethod().getName());
    }
  }
}
