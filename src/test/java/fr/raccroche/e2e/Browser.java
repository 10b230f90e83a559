package fr.raccroche.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * One headless Debian Chromium, driven through Debian's chromedriver, as one user sees the app.
 * Both paths are given to Selenium, so Selenium Manager never looks for (or downloads) a driver or
 * a browser. Each browser has a fresh profile, deleted on close.
 */
final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final Pattern CASE_NUMBER = Pattern.compile("\\d{4}-[0-9AB]{2,3}-\\d{6}");

  /**
   * A Camunda translation key shown instead of its text (the web apps show the raw key when {@code
   * fr.json} lacks it), e.g. {@code PAGE_TITLE_TASKLIST}.
   */
  private static final Pattern RAW_TRANSLATION_KEY =
      Pattern.compile("\\b[A-Z][A-Z0-9]+(_[A-Z0-9]+)+\\b");

  /**
   * Selenium warns at each start that it has no CDP bindings for this Chromium version: none are
   * needed ({@code executeCdpCommand} works with any). Held here so that the levels stay set.
   */
  private static final List<Logger> CDP_WARNINGS =
      List.of(
          Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder"),
          Logger.getLogger("org.openqa.selenium.chromium.ChromiumDriver"));

  static {
    CDP_WARNINGS.forEach(logger -> logger.setLevel(Level.SEVERE));
  }

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Browser.class);

  /**
   * axe-core, vendored by tools/vendor/vendor.sh under src/test/resources/axe (never fetched at run
   * time), read once.
   */
  private static volatile String axeSource;

  /** The rules run: WCAG 2.0 and 2.1, levels A and AA (docs/accessibility.md). */
  static final List<String> AXE_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

  /** The impacts that fail a test; "minor" and "moderate" ones are only logged. */
  static final Set<String> FAILING_IMPACTS = Set.of("serious", "critical");

  /** How many elements of a violation the failure message shows. */
  private static final int NODES_SHOWN = 3;

  /** One rule broken on a page, as axe-core reports it. */
  record AxeViolation(String id, String impact, String help, String helpUrl, List<AxeNode> nodes) {}

  /** An element breaking a rule: its CSS selector and the start of its HTML. */
  record AxeNode(String target, String html) {}

  private final String base;
  private final Path profile;
  private final ChromeDriver driver;
  private int clicks;

  private Browser(String base, Path profile, ChromeDriver driver) {
    this.base = base;
    this.profile = profile;
    this.driver = driver;
  }

  /** An explicit wait (a new one each time: a wait keeps its message). */
  private FluentWait<WebDriver> waiting() {
    return new WebDriverWait(driver, TIMEOUT).ignoring(StaleElementReferenceException.class);
  }

  static boolean installed() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  static Browser open(String base) {
    return open(base, "fr-FR");
  }

  /**
   * A browser whose language (and so JavaScript's default locale, which the date fields of form-js
   * 1.8.7 would follow) is {@code locale}, e.g. {@code en-US} for a computer set up in English.
   */
  static Browser open(String base, String locale) {
    Path profile;
    try {
      profile = Files.createTempDirectory("raccroche-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--user-data-dir=" + profile,
        "--window-size=1400,1000",
        "--lang=" + locale,
        // Debian's chromium holds only the en-US UI locale: the browser's language for the pages.
        "--accept-lang=" + locale + "," + locale.substring(0, 2));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .withLogOutput(OutputStream.nullOutputStream())
            .build();
    try {
      ChromeDriver driver = new ChromeDriver(service, options);
      // Dates and numbers as in France (the date fields of the forms follow it).
      driver.executeCdpCommand("Emulation.setLocaleOverride", Map.of("locale", locale));
      return new Browser(base, profile, driver);
    } catch (RuntimeException e) {
      FileSystemUtils.deleteRecursively(profile.toFile());
      throw e;
    }
  }

  /**
   * Sets the browser's clock ahead (every page loaded from now on), as on a computer whose date is
   * wrong. The forms check dates against the browser's date; the server checks them again.
   */
  void shiftClock(Duration shift) {
    String script =
        """
        (() => {
          const RealDate = Date;
          const shift = %d;
          window.Date = new Proxy(RealDate, {
            construct(target, args, newTarget) {
              return Reflect.construct(target, args.length ? args : [RealDate.now() + shift], newTarget);
            },
            apply() { return new RealDate(RealDate.now() + shift).toString(); },
            get(target, property, receiver) {
              return property === 'now' ? () => RealDate.now() + shift : Reflect.get(target, property, receiver);
            }
          });
        })();
        """
            .formatted(shift.toMillis());
    driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", script));
  }

  /** The date the browser believes it is (its clock may have been shifted). */
  LocalDate today() {
    String date =
        (String)
            driver.executeScript(
                "const d = new Date();"
                    + " return [d.getFullYear(), d.getMonth() + 1, d.getDate()]"
                    + ".map(n => String(n).padStart(2, '0')).join('-');");
    return LocalDate.parse(date);
  }

  void go(String path) {
    driver.get(base + path);
  }

  String url() {
    return driver.getCurrentUrl();
  }

  /** Resizes the window: {@code 400, 800} is a phone held upright. */
  void windowSize(int width, int height) {
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
  }

  /** Runs a script in the page and returns what it returns. */
  Object script(String javascript) {
    return driver.executeScript(javascript);
  }

  /** Signs in through the app's own login page ({@code /login}). */
  void signIn(String user) {
    if (!url().contains("/login")) {
      go("/login");
    }
    type(waitFor(By.name("username")), user);
    type(driver.findElement(By.name("password")), "demo");
    driver.findElement(By.cssSelector("form.login-form button[type=submit]")).click();
  }

  /**
   * Opens a Camunda web app: the web apps have no login of their own (issue 23), so an anonymous
   * browser lands on the app's login page, signs in there once and comes back to the web app.
   * Already signed in, the web app opens at once.
   */
  void signInToCamunda(String app, String user) {
    go("/camunda/app/" + app + "/default/");
    if (url().contains("/login")) {
      signIn(user);
    }
  }

  /** Whether an element becomes visible within that many seconds. */
  boolean appearsWithin(By by, int seconds) {
    try {
      new WebDriverWait(driver, Duration.ofSeconds(seconds))
          .until(ExpectedConditions.visibilityOfElementLocated(by));
      return true;
    } catch (org.openqa.selenium.TimeoutException e) {
      return false;
    }
  }

  WebElement waitFor(By by) {
    return waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  void waitUntilGone(By by) {
    waiting().until(ExpectedConditions.invisibilityOfElementLocated(by));
  }

  /** Waits until the page shows the text, and answers the page's visible text. */
  String waitForText(String text) {
    waiting()
        .withMessage(() -> "Text not shown: " + text + "\n--- page ---\n" + safeText())
        .until(d -> text().contains(text));
    return text();
  }

  /** Clicks the visible element (link, button, label…) whose own text is exactly {@code text}. */
  void click(String text) {
    click(clickable(byText(text)));
  }

  /**
   * Clicks an element after scrolling it to the middle of the window, off the web apps' fixed
   * footer; again while something else covers it (a pane still moving, a notification).
   */
  void click(WebElement element) {
    waiting()
        .ignoring(ElementClickInterceptedException.class)
        .withMessage(() -> "Element covered, not clickable: " + element)
        .until(
            d -> {
              scrollIntoView(element);
              element.click();
              return true;
            });
    clicks++;
  }

  /** How many clicks the test made through {@link #click} (what a user's mouse would do). */
  int clicks() {
    return clicks;
  }

  /** Keys typed into the element that has the focus (Tab, Enter, text), no click. */
  void typeIntoFocused(CharSequence... keys) {
    driver.switchTo().activeElement().sendKeys(keys);
  }

  /**
   * Keys pressed on the page as a keyboard would, wherever the focus is (also on the page itself,
   * before any element has the focus): Tab, Shift+Tab ({@code Keys.chord(Keys.SHIFT, Keys.TAB)}),
   * Enter, Space, text. Never a click.
   */
  void pressKeys(CharSequence... keys) {
    new Actions(driver).sendKeys(keys).perform();
  }

  /** Tab, as a keyboard user moves to the next link, button or field. */
  void tab() {
    pressKeys(Keys.TAB);
  }

  /** Forgets the session (the cookies): the browser is no longer signed in. */
  void signOut() {
    driver.manage().deleteAllCookies();
  }

  /** The {@code lang} attribute of the page's {@code <html>} element. */
  String htmlLang() {
    return (String) driver.executeScript("return document.documentElement.getAttribute('lang');");
  }

  /**
   * Runs axe-core on the current page (the WCAG 2.1 A and AA rules, {@link #AXE_TAGS}) and answers
   * the rules broken.
   */
  @SuppressWarnings("unchecked")
  List<AxeViolation> axe() {
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    driver.executeScript(axeSource());
    Object result =
        driver.executeAsyncScript(
            """
            const done = arguments[arguments.length - 1];
            const text = t => Array.isArray(t) ? t.map(text).join(' >>> ') : String(t);
            axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
              .then(r => done(r.violations.map(v => ({
                id: v.id, impact: v.impact || '', help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({target: n.target.map(text).join(', '), html: n.html}))
              }))))
              .catch(e => done('axe failed: ' + e));
            """,
            AXE_TAGS);
    if (result instanceof String failure) {
      throw new AssertionError(failure + " on " + url());
    }
    List<AxeViolation> violations = new ArrayList<>();
    for (Map<String, Object> v : (List<Map<String, Object>>) result) {
      List<AxeNode> nodes = new ArrayList<>();
      for (Map<String, Object> n : (List<Map<String, Object>>) v.get("nodes")) {
        nodes.add(new AxeNode((String) n.get("target"), (String) n.get("html")));
      }
      violations.add(
          new AxeViolation(
              (String) v.get("id"),
              (String) v.get("impact"),
              (String) v.get("help"),
              (String) v.get("helpUrl"),
              nodes));
    }
    return violations;
  }

  /**
   * Runs axe-core on the current page and answers a readable account of each serious or critical
   * violation (page, role, rule, help, the first elements); minor and moderate ones are logged.
   */
  List<String> seriousAxeViolations(String role) {
    String page = url().replace(base, "");
    List<String> serious = new ArrayList<>();
    for (AxeViolation v : axe()) {
      String account = describe(page, role, v);
      if (FAILING_IMPACTS.contains(v.impact())) {
        serious.add(account);
      } else {
        log.info("Accessibility ({} violation, not failing): {}", v.impact(), account);
      }
    }
    return serious;
  }

  /** Fails on any serious or critical axe-core violation of the current page. */
  void assertAccessible(String role) {
    List<String> serious = seriousAxeViolations(role);
    if (!serious.isEmpty()) {
      throw new AssertionError(
          serious.size()
              + " serious or critical accessibility violation(s):\n"
              + String.join("\n", serious));
    }
  }

  static String describe(String page, String role, AxeViolation v) {
    StringBuilder s =
        new StringBuilder()
            .append(page)
            .append(" [")
            .append(role)
            .append("] ")
            .append(v.impact())
            .append(" ")
            .append(v.id())
            .append(": ")
            .append(v.help())
            .append(" (")
            .append(v.helpUrl())
            .append(")");
    v.nodes().stream()
        .limit(NODES_SHOWN)
        .forEach(
            n ->
                s.append("\n    ")
                    .append(n.target())
                    .append("  ")
                    .append(n.html().length() > 200 ? n.html().substring(0, 200) + "…" : n.html()));
    if (v.nodes().size() > NODES_SHOWN) {
      s.append("\n    … and ").append(v.nodes().size() - NODES_SHOWN).append(" more");
    }
    return s.toString();
  }

  private static String axeSource() {
    if (axeSource == null) {
      try (InputStream in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
        if (in == null) {
          throw new IllegalStateException(
              "axe-core missing from the test classpath (src/test/resources/axe/axe.min.js):"
                  + " run tools/vendor/vendor.sh");
        }
        axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return axeSource;
  }

  /** Shift+Tab: the focus goes back one stop. */
  void pressShiftTab() {
    new org.openqa.selenium.interactions.Actions(driver)
        .keyDown(org.openqa.selenium.Keys.SHIFT)
        .sendKeys(org.openqa.selenium.Keys.TAB)
        .keyUp(org.openqa.selenium.Keys.SHIFT)
        .perform();
  }

  /** The element that has the keyboard focus. */
  WebElement focused() {
    return driver.switchTo().activeElement();
  }

  WebElement clickable(By by) {
    return waiting().until(ExpectedConditions.elementToBeClickable(by));
  }

  List<WebElement> all(By by) {
    return driver.findElements(by);
  }

  /** The page's visible text. */
  String text() {
    for (int attempt = 1; ; attempt++) {
      try {
        return driver.findElement(By.tagName("body")).getText();
      } catch (org.openqa.selenium.WebDriverException e) {
        // The page was replaced between finding its body and reading it (a navigation, a
        // redirect): Chromium says so as a stale element or as a node "not in the document".
        boolean replaced =
            e instanceof StaleElementReferenceException
                || String.valueOf(e.getMessage()).contains("does not belong to the document");
        if (!replaced || attempt >= 5) {
          throw e;
        }
      }
    }
  }

  <T> T until(Function<? super WebDriver, T> condition, String what) {
    return waiting().withMessage(what).until(condition);
  }

  /**
   * Writes a PNG of the window under {@code raccroche.screenshots.dir} (default {@code
   * target/screenshots}).
   */
  Path screenshot(String name) {
    return screenshot(screenshotDirectory(), name);
  }

  Path screenshot(Path directory, String name) {
    try {
      Files.createDirectories(directory);
      Path file = directory.resolve(name + ".png");
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A screenshot, and a text file with the address, the visible text and the requests the page made
   * with their HTTP status: what CI keeps of a failed browser test.
   */
  void saveDiagnostics(Path directory, String name) {
    screenshot(directory, name);
    Object requests =
        driver.executeScript(
            "return performance.getEntriesByType('resource')"
                + ".map(e => (e.responseStatus || '-') + ' ' + e.name).join('\\n');");
    try {
      Files.writeString(
          directory.resolve(name + ".txt"),
          "URL: "
              + url()
              + "\n\n--- text ---\n"
              + safeText()
              + "\n\n--- requests ---\n"
              + requests);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path screenshotDirectory() {
    return Path.of(System.getProperty("raccroche.screenshots.dir", "target/screenshots"));
  }

  /** Checks that the text shows every French label and no raw translation key. */
  /**
   * Waits until the page shows the text and no translation key is left on it: Tasklist opened
   * without its own login page (issue 23) may show its list before the sort label is translated
   * ("DUE_DATE"), a few milliseconds later. Answers the page's visible text.
   */
  String waitForTranslatedText(String text) {
    waiting()
        .withMessage(() -> "Translated page not shown: " + text + "\n--- page ---\n" + safeText())
        .until(d -> text().contains(text) && !RAW_TRANSLATION_KEY.matcher(text()).find());
    return text();
  }

  static void assertFrench(String text, String... labels) {
    assertThat(text).contains(labels);
    Matcher key = RAW_TRANSLATION_KEY.matcher(text);
    if (key.find()) {
      throw new AssertionError("Untranslated key " + key.group() + " in:\n" + text);
    }
  }

  static String caseNumberIn(String text) {
    Matcher matcher = CASE_NUMBER.matcher(text);
    assertThat(matcher.find()).as("a case number in: %s", text).isTrue();
    return matcher.group();
  }

  void scrollIntoView(WebElement element) {
    ((JavascriptExecutor) driver)
        .executeScript(
            "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
  }

  /** An XPath for the element whose own text, spaces normalised, is {@code text}. */
  static By byText(String text) {
    return By.xpath("//*[normalize-space(text())=" + literal(text) + "]");
  }

  /** An XPath string literal, also for texts holding an apostrophe ("M'attribuer"). */
  static String literal(String text) {
    if (!text.contains("'")) {
      return "'" + text + "'";
    }
    return "concat('" + text.replace("'", "', \"'\", '") + "')";
  }

  static void type(WebElement input, String value) {
    input.clear();
    input.sendKeys(value);
  }

  private String safeText() {
    try {
      return text();
    } catch (RuntimeException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      FileSystemUtils.deleteRecursively(profile.toFile());
    }
  }
}
