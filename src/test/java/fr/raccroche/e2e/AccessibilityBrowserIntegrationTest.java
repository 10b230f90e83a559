package fr.raccroche.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.raccroche.detection.internal.LeaverRowParser.Column;
import fr.raccroche.testsupport.Http;
import fr.raccroche.testsupport.RaccrocheIntegrationTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The app's own pages measured for accessibility (issue 22, docs/accessibility.md): axe-core's WCAG
 * 2.1 A and AA rules on every page each role can open (a serious or critical violation fails), and
 * what axe cannot see — the skip link, a visible focus, table captions and header scopes, charts
 * with a text alternative and their figures in a table, French as the pages' language, errors tied
 * to their fields, an import done with the keyboard only. Also writes the DSFR screenshots of the
 * README ({@code -Draccroche.screenshots.dir=docs/screenshots}).
 */
@RaccrocheIntegrationTest
@ExtendWith(Chromium.class)
class AccessibilityBrowserIntegrationTest {
  private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  /** Letters of this run, so that a database kept between runs sees a new young person. */
  private static final String RUN =
      new java.util.Random()
          .ints(5, 'a', 'z' + 1)
          .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
          .toString();

  private static final By HEADING = By.tagName("h1");
  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(AccessibilityBrowserIntegrationTest.class);

  /** The demo users, one per role (DemoDepartementLoader), and a visitor not signed in. */
  enum Role {
    ANONYMOUS(null),
    ADMIN("admin"),
    SUPERVISOR("superviseur"),
    COORDINATOR("coord.lyon"),
    CASEWORKER("referent.ml-lyon"),
    PREFECTURE("prefecture"),
    REGION("region");

    final String user;

    Role(String user) {
      this.user = user;
    }

    @Override
    public String toString() {
      return user == null ? "not signed in" : user;
    }
  }

  private static final Set<Role> SIGNED_IN = EnumSet.complementOf(EnumSet.of(Role.ANONYMOUS));
  private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);

  /** A page of the app and who may open it (the controllers' {@code @PreAuthorize}). */
  record Page(String path, Set<Role> allowed) {}

  @LocalServerPort int port;
  final ObjectMapper json = new ObjectMapper();

  /** Ids the pages need, read once through the API. */
  private static volatile Fixtures fixtures;

  record Fixtures(
      Map<Role, String> caseNumbers, long importId, long offerId, long callId, String anyCase) {}

  Fixtures fixtures() throws Exception {
    if (fixtures == null) {
      Http http = new Http(port);
      Map<Role, String> caseNumbers = new LinkedHashMap<>();
      for (Role role : List.of(Role.ADMIN, Role.SUPERVISOR, Role.COORDINATOR, Role.CASEWORKER)) {
        JsonNode page = read(http.get("/api/cases?size=1", role.user, "demo"));
        assertThat(page.get("content")).as("a case %s can open", role).isNotEmpty();
        caseNumbers.put(role, page.get("content").get(0).get("caseNumber").asText());
      }
      HttpResponse<String> imported =
          http.postFile(
              "/api/imports?wait=true&source=EN&kind=LEAVERS",
              "a11y.csv",
              csv("Axe").getBytes(StandardCharsets.UTF_8),
              "superviseur",
              "demo");
      long importId = read(imported).get("id").asLong();
      long offerId = read(http.get("/api/offers", "superviseur", "demo")).get(0).get("id").asLong();
      long callId =
          read(http.get("/api/experiments/calls", "superviseur", "demo")).get(0).get("id").asLong();
      fixtures = new Fixtures(caseNumbers, importId, offerId, callId, caseNumbers.get(Role.ADMIN));
    }
    return fixtures;
  }

  private JsonNode read(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
    return json.readTree(response.body());
  }

  /** A list of one young person, in the template's columns. */
  static String csv(String lastName) {
    Map<String, String> values =
        Map.of(
            "nom", lastName + RUN,
            "prenom", "Léa",
            "sexe", "F",
            "date_naissance", LocalDate.now().minusYears(17).minusDays(5).format(FRENCH),
            "code_postal", "69003",
            "code_commune", "69383",
            "date_sortie", LocalDate.now().minusMonths(2).format(FRENCH));
    List<String> cells = new ArrayList<>();
    for (String header : Column.headers()) {
      cells.add(values.getOrDefault(header, ""));
    }
    return String.join(";", Column.headers()) + "\r\n" + String.join(";", cells) + "\r\n";
  }

  /**
   * Every HTML page of the app (the {@code @GetMapping}s of the {@code @Controller}s returning a
   * template), with who may open it. The dry run of an import answers a POST only: {@link
   * #everyPageOfEveryRolePassesAxe} reaches it through the form.
   */
  List<Page> pages(Role role) throws Exception {
    Fixtures f = fixtures();
    String caseNumber = f.caseNumbers().getOrDefault(role, f.anyCase());
    Set<Role> a = EnumSet.of(Role.ADMIN);
    Set<Role> as = EnumSet.of(Role.ADMIN, Role.SUPERVISOR);
    Set<Role> ac = EnumSet.of(Role.ADMIN, Role.COORDINATOR);
    Set<Role> asc = EnumSet.of(Role.ADMIN, Role.SUPERVISOR, Role.COORDINATOR);
    Set<Role> ascw = EnumSet.of(Role.ADMIN, Role.SUPERVISOR, Role.COORDINATOR, Role.CASEWORKER);
    Set<Role> ascp = EnumSet.of(Role.ADMIN, Role.SUPERVISOR, Role.COORDINATOR, Role.PREFECTURE);
    Set<Role> ar = EnumSet.of(Role.ADMIN, Role.REGION);
    // The regional steering group reads the region's aggregates only (/region).
    Set<Role> local = EnumSet.complementOf(EnumSet.of(Role.ANONYMOUS, Role.REGION));
    return List.of(
        new Page("/login", EVERYONE),
        new Page("/", SIGNED_IN),
        new Page("/todo", asc),
        new Page("/cases", ascw),
        new Page("/cases?status=IN_SOLUTION&q=a", ascw),
        new Page("/cases/" + caseNumber, ascw),
        new Page("/cases/new", ac),
        new Page("/imports", as),
        new Page("/imports/" + f.importId(), as),
        new Page("/imports/column-aliases", as),
        new Page("/establishments/unregistered", as),
        new Page("/access-log", as),
        new Page("/indicators", ascp),
        new Page("/indicators/objectives", as),
        new Page("/diagnoses", ascp),
        new Page("/region", ar),
        new Page("/offers", local),
        new Page("/offers/new", ascw),
        new Page("/offers/" + f.offerId() + "/edit", ascw),
        new Page("/experiments", local),
        new Page("/experiments/calls/" + f.callId(), local),
        new Page("/messages", a),
        new Page("/page-inconnue", SIGNED_IN),
        new Page("/accessibilite", EVERYONE),
        new Page("/mentions-legales", EVERYONE),
        new Page("/donnees-personnelles", EVERYONE),
        new Page("/plan-du-site", EVERYONE),
        new Page("/connexion/compte-inconnu", EVERYONE),
        new Page("/messages/unsubscribe/jeton-inconnu", EVERYONE));
  }

  /** A browser signed in as the role (or not signed in), on its landing page. */
  static Browser signedIn(Browsers browsers, Role role) {
    Browser browser = browsers.open();
    browser.windowSize(1280, 900);
    browser.go("/login");
    browser.waitFor(By.name("username"));
    if (role.user != null) {
      browser.signIn(role.user);
      browser.waitForText("Bienvenue sur Raccroche");
    }
    return browser;
  }

  /** Opens the page and waits for its heading. */
  static void open(Browser browser, String path) {
    browser.go(path);
    browser.waitFor(HEADING);
  }

  /** Whether the page refused the role: the login page for a visitor, "Accès refusé" otherwise. */
  static boolean refused(Browser browser, Role role, String path) {
    if (role == Role.ANONYMOUS) {
      return !path.startsWith("/login") && browser.url().contains("/login");
    }
    return browser.waitFor(HEADING).getText().strip().equals("Accès refusé");
  }

  // ---------------------------------------------------------------- axe on every page, every role

  @ParameterizedTest(name = "{0}")
  @EnumSource(Role.class)
  void everyPageOfEveryRolePassesAxe(Role role, Browsers browsers) throws Exception {
    Browser browser = signedIn(browsers, role);
    List<String> violations = new ArrayList<>();
    List<String> access = new ArrayList<>();
    for (Page page : pages(role)) {
      open(browser, page.path());
      if (!page.allowed().contains(role)) {
        if (!refused(browser, role, page.path())) {
          access.add(page.path() + " opened for " + role + " (" + browser.url() + ")");
        }
        continue;
      }
      if (refused(browser, role, page.path())) {
        access.add(page.path() + " refused to " + role + " (" + browser.url() + ")");
        continue;
      }
      long start = System.nanoTime();
      List<String> found = browser.seriousAxeViolations(role.toString());
      log.info(
          "axe on {} [{}]: {} serious or critical, {} ms",
          page.path(),
          role,
          found.size(),
          (System.nanoTime() - start) / 1_000_000);
      violations.addAll(found);
    }
    if (role == Role.ADMIN || role == Role.SUPERVISOR) {
      // The dry run of an import, reached through the form (a POST).
      Path file = Files.createTempFile("a11y-", ".csv");
      Files.writeString(file, csv("Verif"));
      open(browser, "/imports");
      new Select(browser.waitFor(By.id("source"))).selectByValue("EN");
      browser.waitFor(By.id("file")).sendKeys(file.toAbsolutePath().toString());
      browser.click(
          browser.clickable(By.cssSelector("main form button[name=action][value=check]")));
      browser.waitForText("rien n'a été enregistré");
      violations.addAll(browser.seriousAxeViolations(role + ", dry run of an import"));
      Files.delete(file);
    }
    assertThat(access).as("pages opened or refused against the role's rights").isEmpty();
    assertThat(violations)
        .as(
            "serious or critical axe-core violations (WCAG 2.1 A/AA) for %s:%n%s",
            role, String.join("\n", violations))
        .isEmpty();
  }

  @Test
  void narrowScreenPagesAndTheOpenedMobileMenuPassAxe(Browsers browsers) throws Exception {
    Browser browser = signedIn(browsers, Role.ADMIN);
    browser.windowSize(400, 800);
    List<String> violations = new ArrayList<>();
    for (String path :
        List.of(
            "/",
            "/cases",
            "/cases/" + fixtures().anyCase(),
            "/cases/new",
            "/imports",
            "/indicators",
            "/offers/new")) {
      open(browser, path);
      violations.addAll(browser.seriousAxeViolations("admin, 400 px wide"));
    }
    // DSFR's mobile menu opened, and one of its sections unfolded.
    open(browser, "/cases");
    browser.click(browser.clickable(By.id("bouton-menu")));
    browser.until(
        d ->
            browser
                .waitFor(By.id("menu-principal"))
                .getAttribute("class")
                .contains("fr-modal--opened"),
        "DSFR's menu opened");
    WebElement section = browser.clickable(By.cssSelector("#menu-principal .fr-nav__btn"));
    browser.click(section);
    browser.until(d -> "true".equals(section.getAttribute("aria-expanded")), "section unfolded");
    violations.addAll(browser.seriousAxeViolations("admin, 400 px wide, menu opened"));
    assertThat(violations)
        .as("serious or critical violations on a narrow screen:%n%s", String.join("\n", violations))
        .isEmpty();
  }

  // ------------------------------------------------------------------ what axe cannot see

  @Test
  void theFirstTabFocusesTheVisibleSkipLinkAndEnterMovesIntoTheContent(Browsers browsers)
      throws Exception {
    Browser visitor = signedIn(browsers, Role.ANONYMOUS);
    List<String> problems = new ArrayList<>();
    skipLink(visitor, "/login", problems);
    skipLink(visitor, "/accessibilite", problems);
    Browser admin = signedIn(browsers, Role.ADMIN);
    for (String path : List.of("/", "/cases", "/cases/" + fixtures().anyCase(), "/indicators")) {
      skipLink(admin, path, problems);
    }
    assertThat(problems).isEmpty();
  }

  private static void skipLink(Browser browser, String path, List<String> problems) {
    open(browser, path);
    browser.tab();
    WebElement first = browser.focused();
    if (!"Contenu".equals(first.getText().strip())
        || !String.valueOf(first.getAttribute("href")).endsWith("#contenu")) {
      problems.add(
          path
              + ": the first Tab focuses "
              + first.getTagName()
              + "#"
              + first.getAttribute("id")
              + (first.getAttribute("autofocus") != null
                  ? " (autofocus: the page starts past the skip links)"
                  : "")
              + " «"
              + first.getText()
              + "» "
              + first.getAttribute("href"));
      return;
    }
    try {
      browser.until(d -> inSight(browser, first), "the skip link in sight once focused");
    } catch (org.openqa.selenium.TimeoutException e) {
      problems.add(path + ": the focused skip link «Contenu» is not visible");
    }
    browser.pressKeys(Keys.ENTER);
    try {
      browser.until(
          d ->
              Boolean.TRUE.equals(
                  browser.script(
                      "const m = document.querySelector('main#contenu');"
                          + " return m !== null && m.contains(document.activeElement);")),
          "the focus in <main id=contenu>");
    } catch (org.openqa.selenium.TimeoutException e) {
      WebElement f = browser.focused();
      problems.add(
          path
              + ": after Enter on the skip link the focus is on "
              + f.getTagName()
              + "#"
              + f.getAttribute("id")
              + ", not in <main id=\"contenu\">");
    }
  }

  private static boolean inSight(Browser browser, WebElement element) {
    return Boolean.TRUE.equals(
        browser.script(
            """
            const e = document.activeElement, r = e.getBoundingClientRect(), s = getComputedStyle(e);
            return r.width > 1 && r.height > 1 && r.top >= 0 && r.left >= 0
              && r.bottom <= window.innerHeight && r.right <= window.innerWidth
              && s.visibility !== 'hidden' && Number(s.opacity) > 0;
            """));
  }

  @Test
  void everyElementReachedWithTabShowsAVisibleFocus(Browsers browsers) throws Exception {
    Browser browser = signedIn(browsers, Role.ADMIN);
    List<String> problems = new ArrayList<>();
    int reached = 0;
    for (String path :
        List.of("/", "/cases", "/cases/" + fixtures().anyCase(), "/offers/new", "/imports")) {
      open(browser, path);
      List<String> seen = new ArrayList<>();
      for (int i = 0; i < 250; i++) {
        browser.tab();
        @SuppressWarnings("unchecked")
        Map<String, Object> f =
            (Map<String, Object>)
                browser.script(
                    """
                    const e = document.activeElement;
                    if (!e || e === document.body) return null;
                    const s = getComputedStyle(e);
                    const ring = c => c.outlineStyle !== 'none' && parseFloat(c.outlineWidth) > 0;
                    const shadow = c => c.boxShadow && c.boxShadow !== 'none';
                    // DSFR draws the ring of an enlarged link (a card, the header's brand) on the
                    // link's ::before, which covers the whole block.
                    const pseudo = ['::before', '::after'].map(p => getComputedStyle(e, p))
                      .some(c => c.content !== 'none' && c.content !== 'normal' && (ring(c) || shadow(c)));
                    const visible = ring(s) || shadow(s) || pseudo;
                    const path = [];
                    for (let n = e; n && n.nodeType === 1 && path.length < 4; n = n.parentElement) {
                      path.unshift(n.tagName.toLowerCase() + (n.id ? '#' + n.id : ''));
                    }
                    return {key: path.join(' > ') + '|' + (e.getAttribute('href') || e.name || '')
                              + '|' + Array.prototype.indexOf.call(document.querySelectorAll('*'), e),
                            what: path.join(' > ') + ' «' + (e.innerText || e.value || '').trim().slice(0, 40) + '»',
                            visible: visible,
                            style: 'outline ' + s.outlineStyle + ' ' + s.outlineWidth + ', box-shadow ' + s.boxShadow};
                    """);
        if (f == null) {
          break;
        }
        String key = (String) f.get("key");
        if (seen.contains(key)) {
          break; // round the page once
        }
        seen.add(key);
        reached++;
        if (!Boolean.TRUE.equals(f.get("visible"))) {
          problems.add(
              path + ": no visible focus on " + f.get("what") + " (" + f.get("style") + ")");
        }
      }
    }
    assertThat(reached).as("elements reached with Tab").isGreaterThan(20);
    assertThat(problems).isEmpty();
  }

  /** The list pages and the other pages with tables. */
  List<String> pagesWithTables() throws Exception {
    Fixtures f = fixtures();
    return List.of(
        "/todo",
        "/cases",
        "/cases/" + f.anyCase(),
        "/imports",
        "/imports/" + f.importId(),
        "/imports/column-aliases",
        "/establishments/unregistered",
        "/access-log",
        "/offers",
        "/experiments",
        "/experiments/calls/" + f.callId(),
        "/messages",
        "/indicators",
        "/indicators/objectives",
        "/diagnoses");
  }

  @Test
  void everyTableHasACaptionAndItsColumnHeadersAScope(Browsers browsers) throws Exception {
    Browser browser = signedIn(browsers, Role.ADMIN);
    List<String> problems = new ArrayList<>();
    int tables = 0;
    for (String path : pagesWithTables()) {
      open(browser, path);
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> found =
          (List<Map<String, Object>>)
              browser.script(
                  """
                  return [...document.querySelectorAll('main table')].map((t, i) => ({
                    which: t.id ? '#' + t.id : 'table ' + (i + 1),
                    caption: t.caption ? t.caption.textContent.trim() : '',
                    unscoped: [...t.querySelectorAll('thead th')]
                      .filter(th => !['col', 'colgroup'].includes((th.getAttribute('scope') || '').toLowerCase()))
                      .map(th => th.textContent.trim() || '(empty)')
                  }));
                  """);
      for (Map<String, Object> t : found) {
        tables++;
        if (((String) t.get("caption")).isEmpty()) {
          problems.add(path + " " + t.get("which") + ": no <caption>");
        }
        if (!((List<?>) t.get("unscoped")).isEmpty()) {
          problems.add(
              path + " " + t.get("which") + ": <th> without scope=\"col\": " + t.get("unscoped"));
        }
      }
    }
    assertThat(tables).as("tables seen").isGreaterThan(10);
    assertThat(problems).isEmpty();
  }

  private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)?");

  @Test
  void everyChartHasATextAlternativeAndItsFiguresInATable(Browsers browsers) throws Exception {
    Browser browser = signedIn(browsers, Role.ADMIN);
    List<String> problems = new ArrayList<>();
    int charts = 0;
    for (String path : List.of("/indicators", "/diagnoses")) {
      open(browser, path);
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> found =
          (List<Map<String, Object>>)
              browser.script(
                  """
                  const named = e => {
                    const label = (e.getAttribute('aria-label') || '').trim();
                    const ids = (e.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(x => x);
                    const labelled = ids.map(id => document.getElementById(id))
                      .filter(x => x).map(x => x.textContent.trim()).join(' ');
                    return label || labelled;
                  };
                  const tables = [...document.querySelectorAll('main table')].map(t => t.textContent).join(' ');
                  return [...document.querySelectorAll('main svg, main canvas')]
                    .filter(c => !c.parentElement.closest('svg'))
                    .map((c, i) => ({
                      which: c.tagName.toLowerCase() + ' ' + (i + 1) + (c.id ? '#' + c.id : ''),
                      role: c.getAttribute('role') || '',
                      name: named(c),
                      figures: [...c.querySelectorAll('text')].map(t => t.textContent.trim())
                        .filter(t => /^[\\d\\s.,/%<>*–-]+$/.test(t)),
                      tables: tables
                    }));
                  """);
      for (Map<String, Object> c : found) {
        charts++;
        String which = path + " " + c.get("which");
        if (!"img".equals(c.get("role")) || ((String) c.get("name")).isEmpty()) {
          problems.add(
              which
                  + ": no text alternative (role=\""
                  + c.get("role")
                  + "\", aria-label/aria-labelledby «"
                  + c.get("name")
                  + "»)");
        }
        String tables = (String) c.get("tables");
        if (tables.isBlank()) {
          problems.add(which + ": no data table on the page");
          continue;
        }
        Set<String> inTables = numbers(tables);
        for (Object figure : (List<?>) c.get("figures")) {
          for (String n : numbers((String) figure)) {
            if (!inTables.contains(n)) {
              problems.add(which + ": the figure " + n + " is in no table of the page");
            }
          }
        }
      }
    }
    assertThat(charts).as("charts on /indicators").isGreaterThan(0);
    assertThat(problems).isEmpty();
  }

  private static Set<String> numbers(String text) {
    Set<String> found = new java.util.HashSet<>();
    java.util.regex.Matcher m = NUMBER.matcher(text.replace('\u00a0', ' ').replace('\u202f', ' '));
    while (m.find()) {
      found.add(m.group().replace('.', ','));
    }
    return found;
  }

  @Test
  void everyPageIsInFrench(Browsers browsers) throws Exception {
    List<String> problems = new ArrayList<>();
    for (Role role : List.of(Role.ANONYMOUS, Role.ADMIN)) {
      Browser browser = signedIn(browsers, role);
      for (Page page : pages(role)) {
        if (!page.allowed().contains(role)) {
          continue;
        }
        open(browser, page.path());
        if (!"fr".equals(browser.htmlLang())) {
          problems.add(page.path() + " [" + role + "]: <html lang=\"" + browser.htmlLang() + "\">");
        }
      }
      if (role == Role.ANONYMOUS) {
        // A page that needs signing in, asked by a visitor: the login page, in French too.
        open(browser, "/page-inconnue");
        assertThat(browser.url()).contains("/login");
        if (!"fr".equals(browser.htmlLang())) {
          problems.add("/login after /page-inconnue: <html lang=\"" + browser.htmlLang() + "\">");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void aFormsErrorIsTiedToItsField(Browsers browsers) throws Exception {
    Browser browser = signedIn(browsers, Role.ADMIN);
    List<String> problems = new ArrayList<>();

    // The signalement: a young person of ten (the field accepts the date, the server refuses it).
    open(browser, "/cases/new");
    Browser.type(browser.waitFor(By.id("lastName")), "Erreur" + RUN);
    Browser.type(browser.waitFor(By.id("firstName")), "Léa");
    WebElement birthDate = browser.waitFor(By.id("birthDate"));
    browser.script(
        "document.getElementById('birthDate').value = '" + LocalDate.now().minusYears(10) + "';");
    submit(browser, birthDate);
    browser.waitForText("moins de");
    errorTiedTo(browser, "/cases/new", "birthDate", "moins de", problems);
    problems.addAll(browser.seriousAxeViolations("admin, signalement with an error"));

    // An offer whose name is too short (the field accepts it, the server refuses it).
    open(browser, "/offers/new");
    Select partner = new Select(browser.waitFor(By.id("partnerCode")));
    partner.getOptions().stream()
        .filter(o -> !o.getAttribute("value").isBlank())
        .findFirst()
        .ifPresent(o -> partner.selectByValue(o.getAttribute("value")));
    WebElement name = browser.waitFor(By.id("name"));
    Browser.type(name, "ab");
    submit(browser, name);
    browser.waitForText("Le nom de l'offre");
    errorTiedTo(browser, "/offers/new", "name", "Le nom de l'offre", problems);
    problems.addAll(browser.seriousAxeViolations("admin, offer form with an error"));

    assertThat(problems).isEmpty();
  }

  /** Submits the field's form with its submit button, as a user does. */
  private static void submit(Browser browser, WebElement field) {
    browser.click(
        field.findElement(
            By.xpath("ancestor::form//button[@type='submit' or not(@type)][last()]")));
  }

  private static void errorTiedTo(
      Browser browser, String page, String fieldId, String message, List<String> problems) {
    WebElement field = browser.waitFor(By.id(fieldId));
    String describedBy = String.valueOf(field.getAttribute("aria-describedby"));
    List<String> texts = new ArrayList<>();
    for (String id : describedBy.strip().split("\\s+")) {
      if (!id.isBlank() && id != null) {
        browser.all(By.id(id)).stream()
            .filter(WebElement::isDisplayed)
            .forEach(e -> texts.add(e.getText()));
      }
    }
    if (texts.stream().noneMatch(t -> t.contains(message))) {
      problems.add(
          page
              + ": the error «"
              + message
              + "…» is not tied to #"
              + fieldId
              + " (aria-describedby=\""
              + field.getAttribute("aria-describedby")
              + "\" reads "
              + texts
              + ")");
    }
  }

  @Test
  void aListIsImportedWithTheKeyboardOnly(Browsers browsers) throws Exception {
    Path file = Files.createTempFile("a11y-clavier-", ".csv");
    Files.writeString(file, csv("Clavier"));
    try {
      Browser browser = signedIn(browsers, Role.SUPERVISOR);
      open(browser, "/imports");
      tabTo(browser, "the source", e -> "source".equals(e.getAttribute("id")));
      browser.pressKeys(Keys.ARROW_DOWN); // the first source, Éducation nationale
      assertThat(new Select(browser.focused()).getFirstSelectedOption().getAttribute("value"))
          .isEqualTo("EN");
      tabTo(browser, "the file field", e -> "file".equals(e.getAttribute("type")));
      // What a keyboard user's file dialog does: the path typed into the focused file field.
      browser.typeIntoFocused(file.toAbsolutePath().toString());
      tabTo(
          browser,
          "the Importer button",
          e -> "button".equals(e.getTagName()) && "import".equals(e.getAttribute("value")));
      int clicks = browser.clicks();
      browser.pressKeys(Keys.ENTER);
      browser.until(
          d -> browser.url().matches(".*/imports/\\d+$"), "the import report after Enter");
      // The report of this file's import.
      browser.until(
          d -> browser.waitFor(HEADING).getText().contains(file.getFileName().toString()),
          "the report of " + file.getFileName());
      assertThat(browser.clicks()).as("no click").isEqualTo(clicks);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** Presses Tab until the focused element is the one wanted (at most 200 times). */
  private static void tabTo(
      Browser browser, String what, java.util.function.Predicate<WebElement> wanted) {
    for (int i = 0; i < 200; i++) {
      browser.tab();
      if (wanted.test(browser.focused())) {
        return;
      }
    }
    throw new AssertionError("Tab never reached " + what + " on " + browser.url());
  }

  // ------------------------------------------------------------------ screenshots for the README

  /**
   * The main pages in the État's design system, at a desktop width, under {@code
   * raccroche.screenshots.dir} (docs/screenshots when the README's command regenerates them).
   */
  @Test
  void screenshotsOfTheMainDsfrPages(Browsers browsers) throws Exception {
    Fixtures f = fixtures();
    Browser visitor = signedIn(browsers, Role.ANONYMOUS);
    open(visitor, "/accessibilite");
    visitor.screenshot("dsfr-accessibility");
    Browser browser = signedIn(browsers, Role.ADMIN);
    Map<String, String> shots = new LinkedHashMap<>();
    shots.put("dsfr-landing", "/");
    shots.put("dsfr-cases", "/cases");
    shots.put("dsfr-case", "/cases/" + f.anyCase());
    shots.put("dsfr-signalement", "/cases/new");
    shots.put("dsfr-imports", "/imports");
    shots.put("dsfr-import-report", "/imports/" + f.importId());
    shots.put("dsfr-indicators", "/indicators");
    for (Map.Entry<String, String> shot : shots.entrySet()) {
      open(browser, shot.getValue());
      Path png = browser.screenshot(shot.getKey());
      assertThat(Files.size(png)).as(shot.getKey()).isGreaterThan(10_000);
    }
  }
}
