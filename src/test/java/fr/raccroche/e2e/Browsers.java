package fr.raccroche.e2e;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The browsers of one test (one per user), all closed when the test ends. */
final class Browsers implements ExtensionContext.Store.CloseableResource, AutoCloseable {
  private final String base;
  private final List<Browser> open = new ArrayList<>();

  Browsers(String base) {
    this.base = base;
  }

  /** A new browser with an empty profile (no session, no cookie). */
  Browser open() {
    Browser browser = Browser.open(base);
    open.add(browser);
    return browser;
  }

  /** A new browser set up in another language (e.g. {@code en-US}). */
  Browser open(String locale) {
    Browser browser = Browser.open(base, locale);
    open.add(browser);
    return browser;
  }

  /**
   * For a failed test: each browser's window, text and requests, always under {@code
   * target/screenshots}.
   */
  void screenshotAll(String name) {
    for (int i = 0; i < open.size(); i++) {
      try {
        open.get(i).saveDiagnostics(Path.of("target", "screenshots"), name + "-" + (i + 1));
      } catch (RuntimeException e) {
        // the browser may be the thing that failed
      }
    }
  }

  @Override
  public void close() {
    RuntimeException failure = null;
    for (Browser browser : open) {
      try {
        browser.close();
      } catch (RuntimeException e) {
        failure = e;
      }
    }
    open.clear();
    if (failure != null) {
      throw failure;
    }
  }
}
