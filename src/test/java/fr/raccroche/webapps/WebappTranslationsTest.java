package fr.raccroche.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Guards the French translation of the Camunda web apps (see docs/adr/0003-french-web-apps.md).
 *
 * <p>A key missing from a {@code fr.json} shows as its raw name in the web app (there is no
 * fallback to English), so each project {@code fr.json} must have exactly the key set of the {@code
 * en.json} of the Camunda webjar on the classpath, with French values that keep the placeholders
 * and the markup of the English ones. A value identical to the English one is a forgotten
 * translation unless its key is in {@link #SAME_AS_ENGLISH}.
 */
class WebappTranslationsTest {

  private static final String WEBAPPS = "META-INF/resources/webjars/camunda/app/";
  private static final String WEBJAR = "camunda-webapp-webjar";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** AngularJS interpolations: {@code {{name}}}. */
  private static final Pattern INTERPOLATION = Pattern.compile("\\{\\{[^}]*}}");

  /** moment.js {@code %s} / {@code %d} and ng-pluralize {@code {}}. */
  private static final Pattern FORMAT_TOKEN = Pattern.compile("%[sd]|\\{}");

  /** HTML markup rendered by the web apps (not text such as {@code <null>}). */
  private static final Pattern HTML_TAG =
      Pattern.compile("</?(?:a|b|br|code|em|i|li|p|span|strong|ul)\\b[^>]*>");

  /** Keys whose French text drops the English markup on purpose. */
  private static final Set<String> MARKUP_CHANGED_ON_PURPOSE =
      Set.of(
          // The Community Edition end-of-life banner: a sober note for administrators instead of
          // a link to Camunda 8's migration guide.
          "labels.BANNER_CE_EOL_TEXT");

  /**
   * Keys (shared by the four web apps) whose French value may equal the English one. Every other
   * value identical to English is reported as untranslated.
   */
  static final Set<String> SAME_AS_ENGLISH =
      Set.of(
          // Names of products and applications.
          // "Admin"
          "labels.ADMIN",
          "labels.ADMIN_APP",
          // "Camunda"
          "labels.APP_VENDOR",
          // "Camunda Cockpit"
          "labels.PLGN_SKE_CAMUNDA_COCKPIT",
          // "Cockpit"
          "labels.COCKPIT",
          "labels.COCKPIT_APP",
          // "Optimize"
          "labels.AUTHORIZATION_OPTIMIZE",
          // "Tasklist"
          "labels.TASKLIST",
          "labels.TASKLIST_APP",
          // "CSV"
          "labels.PLGN_REP_CSV",
          // "JSON"
          "labels.PLGN_REP_JSON",
          // Technical literals, operators, identifiers and empty values.
          // ""
          "labels.NO_TASK_FORM",
          // "<"
          "labels.SEARCH_LESS_THAN",
          // "<="
          "labels.SEARCH_LESS_THAN_EQUALS",
          // ">"
          "labels.SEARCH_GREATER_THAN",
          // ">="
          "labels.SEARCH_GREATER_THAN_EQUALS",
          // "<null>"
          "labels.CAM_WIDGET_VARIABLES_TABLE_NULL",
          "labels.CAM_WIDGET_VARIABLE_NULL",
          // "<version>"
          "labels.PLGN_MIG_VERSION",
          // "null"
          "labels.DECISION_DEFINITION_NULL",
          "labels.DECISION_INSTANCE_NULL",
          "labels.PLGN_CLUP_STATS_TTL_NULL",
          "labels.PLGN_CS_NULL",
          "labels.PLGN_DRD_NULL",
          "labels.PLGN_SKE_NULL",
          "labels.PROCESS_DEFINITION_NULL",
          "labels.PROCESS_INSTANCE_NULL",
          "labels.REPOSITORY_DEPLOYMENTS_NULL",
          "labels.TIME_TO_LIVE_NULL",
          // "ID"
          "labels.BATCHES_PROGRESS_ID",
          "labels.GROUPS_GROUP_ID",
          "labels.PLGN_BATCH_ID",
          "labels.PLGN_BATCH_SEARCH_CONFIG_ID",
          "labels.PLGN_BTCH_BATCH_SEARCH_CONF_ID",
          "labels.PLGN_BTCH_BATCH_SEARCH_ID",
          "labels.PLGN_CS_ID",
          "labels.PLGN_DRD_ID",
          "labels.PLGN_DRD_SEARCH_ID",
          "labels.PLGN_HIST_ID",
          "labels.PLGN_MIG_ID",
          "labels.PLGN_MOD_DIALOG_ID",
          "labels.PLGN_MOD_RESTART_DIALOG_ID",
          "labels.PLGN_MOD_SEARCH_ID",
          "labels.PLGN_SETA_CONF_ID",
          "labels.PLUGIN_CANCEL_PROCESS_ID",
          "labels.PLUGIN_DECISION_DEFINITION_VALUE_TYPE_ID",
          "labels.PLUGIN_DECISION_ID",
          "labels.PLUGIN_JOB_RETRY_BULK_ID",
          "labels.PLUGIN_PROCESS_INSTANCE_ID",
          "labels.PLUGIN_SEARCH_GROUPS_ID",
          "labels.PLUGIN_SEARCH_TENANTS_ID",
          "labels.PLUGIN_SEARCH_USER_ID",
          "labels.REPOSITORY_DEPLOYMENTS_ID",
          "labels.REPOSITORY_SEARCH_TYPE_ID",
          "labels.USERS_ID",
          // "ID*"
          "labels.TENANTS_TENANT_ID",
          // "OK"
          "labels.AUTHORIZATION_DELETE_OK",
          "labels.BULK_OVERRIDE_OK",
          "labels.GROUP_MEMBERSHIP_GROUP_OK",
          "labels.GROUP_MEMBERSHIP_TENANT_OK",
          "labels.PLGN_CS_OK",
          "labels.PLGN_HIST_OK",
          "labels.PLGN_JRET_DIALOG_OK",
          "labels.PLGN_PACT_MODAL_OK",
          "labels.PLGN_PDEF_MODAL_OK",
          "labels.PLUGIN_CANCEL_PROCESS_OK",
          "labels.PLUGIN_JOBDEFINITION_ACTION_OK",
          "labels.PLUGIN_JOB_RETRY_BTN_OK",
          "labels.PLUGIN_JOB_RETRY_BULK_OK",
          "labels.PLUGIN_UPDATE_DIALOG_BTN_OK",
          "labels.USER_MEMBERSHIP_TENANT_OK",
          "labels.VARIABLE_ADD_OK",
          "labels.VARIABLE_INSPECT_OK",
          "labels.VARIABLE_UPLOAD_OK",
          // " OK"
          "labels.PLUGIN_SUSPENSION_OK",
          // "Incident : ID"
          "labels.PLGN_SEAR_INC_ID",
          // "Variable / {{variableName}}"
          "labels.PLGN_SEAR_EXPI_CSV_HEADER_VARIABLE",
          // "s"
          "labels.PLGN_BATCH_S",
          "labels.PLGN_MIG_S",
          "labels.PLGN_MOD_DIALOG_S",
          "labels.PLGN_MOD_RESTART_DIALOG_S",
          // moment.js date formats and units, the same in French.
          // "L"
          "dateLocales.calendar.sameElse",
          // "DD/MM/YYYY"
          "dateLocales.longDateFormat.L",
          // "D MMMM YYYY"
          "dateLocales.longDateFormat.LL",
          // "D MMMM YYYY LT"
          "dateLocales.longDateFormat.LLL",
          // "HH:mm"
          "dateLocales.longDateFormat.LT",
          // "%d minutes"
          "dateLocales.relativeTime.mm",
          // Words spelled the same in French.
          // "Action"
          "labels.ACTION",
          "labels.AUTHORIZATION_ACTION",
          "labels.GROUPS_ACTION",
          "labels.GROUP_EDIT_ACTION",
          "labels.PLGN_HIST_ACTION",
          "labels.PLUGIN_IDENTITY_LINKS_ACTION",
          "labels.PLUGIN_INCIDENTS_TAB_ACTION",
          "labels.PLUGIN_JOBDEFINITION_ACTION",
          "labels.PLUGIN_JOBS_ACTION",
          "labels.PLUGIN_PROCESS_DEF_ACTION",
          "labels.PLUGIN_USER_TASKS_ACTION",
          "labels.PLUGIN_VARIABLE_ACTION",
          "labels.TENANTS_ACTION",
          "labels.USERS_ACTION",
          // "Actions"
          "labels.BATCHES_PROGRESS_ACTIONS",
          // "Active"
          "labels.PLGN_MIG_ACTIVE",
          "labels.PLGN_MOD_SEARCH_ACTIVE",
          "labels.PLUGIN_JOBDEFINITION_ACTIVE",
          // "Annotation"
          "labels.PLGN_AUDIT_ANNOTATION",
          "labels.PLGN_MOD_DIALOG_ANNOTATION",
          "labels.PLUGIN_INCIDENTS_TAB_ANNOTATION",
          // "Application"
          "labels.AUTHORIZATION_APPLICATION",
          // "Applications"
          "labels.APPLICATIONS",
          // "Cascade"
          "labels.PLGN_PACT_MODAL_CASCADE",
          "labels.PLGN_PDEF_MODAL_CASCADE",
          "labels.PLUGIN_JOBS_CASCADE",
          "labels.REPOSITORY_DEPLOYMENTS_DELETE_CASCADE",
          // "Configuration"
          "labels.PLGN_HIST_CONFIGURATION",
          "labels.PLGN_SEAR_CONFIGURATION",
          "labels.PLUGIN_JOBDEFINITION_CONFIGURATION",
          // "Date"
          "labels.DATE",
          // "Description"
          "labels.DESCRIPTION",
          "labels.FILTER_DESCRIPTION_LABEL",
          "labels.NEW_TASK_DESCRIPTION",
          "labels.description",
          // "Documentation"
          "labels.DOCUMENTATION",
          "labels.PLUGIN_INSPECT_LABEL",
          "labels.PLUGIN_INSPECT_TAB_DOCU",
          // "Exception"
          "labels.BATCHES_PROGRESS_EXCEPTION",
          "labels.PLGN_HIST_EXCEPTION",
          "labels.PLUGIN_JOB_RETRY_BULK_EXCEPTION",
          // "Incidents"
          "labels.PLGN_HIST_INCIDENTS",
          "labels.PLUGIN_INCIDENTS_LABEL",
          "labels.PLUGIN_PROCESS_DEF_INCIDENTS",
          // "instance"
          "labels.PLGN_BATCH_INSTANCE",
          "labels.PLGN_MIG_INSTANCE",
          "labels.PLGN_MOD_DIALOG_INSTANCE",
          "labels.PLGN_MOD_RESTART_DIALOG_INSTANCE",
          // "instances"
          "labels.CAM_WIDGET_SELECTION_TYPE_INSTANCES",
          // "Message"
          "labels.PLGN_HIST_MESSAGE",
          "labels.PLGN_SEAR_MESSAGE",
          "labels.PLUGIN_INCIDENTS_TAB_MESSAGE",
          // "Migration"
          "labels.PLGN_MIG_MIGRATION",
          "labels.PLGN_SKE_MIGRATION",
          "labels.PROCESS_DEFINITION_MIGRATION",
          "labels.PROCESS_INSTANCE_MIGRATION",
          // "Notification"
          "labels.PLGN_HIST_NOTIFICATION",
          // "Options"
          "labels.PLGN_MOD_DIALOG_OPTIONS",
          "labels.PLGN_MOD_RESTART_DIALOG_OPTIONS",
          // "Total"
          "labels.PLUGIN_TASK_TOTAL",
          // "Type"
          "labels.AUTHORIZATION_TYPE",
          "labels.BATCHES_PROGRESS_TYPE",
          "labels.BATCHES_SEARCH_CONFIG_TOOLTIPS_TYPE",
          "labels.BULK_OVERRIDE_TYPE",
          "labels.CAM_WIDGET_VARIABLES_TABLE_TYPE",
          "labels.GROUPS_GROUP_TYPE",
          "labels.PLGN_AUDIT_SEARCH_CONFIG_TOOLTIPS_TYPE",
          "labels.PLGN_BATCH_SEARCH_CONFIG_TOOLTIPS_TYPE",
          "labels.PLGN_BATCH_SET_VARIABLES_VARIABLE_TYPE",
          "labels.PLGN_BTCH_BATCH_SEARCH_CONF_TOOLTIP_TYPE",
          "labels.PLGN_BTCH_BATCH_SEARCH_CONF_TYPE",
          "labels.PLGN_BTCH_BATCH_SEARCH_TYPE",
          "labels.PLGN_CS_SEARCH_TYPE",
          "labels.PLGN_CS_VARIABLE_TYPE",
          "labels.PLGN_DRD_SEARCH_TYPE",
          "labels.PLGN_HIST_SEARCH_TYPE",
          "labels.PLGN_HIST_TYPE",
          "labels.PLGN_MIG_TYPE",
          "labels.PLGN_MOD_SEARCH_TYPE",
          "labels.PLGN_SEAR_TYPE",
          "labels.PLGN_SEDE_TYPE",
          "labels.PLGN_SETA_CONF_TYPE",
          "labels.PLUGIN_DECISION_DEFINITION_TYPE",
          "labels.PLUGIN_INCIDENTS_TAB_TYPE",
          "labels.PLUGIN_JOBDEFINITION_TYPE",
          "labels.PLUGIN_SEARCH_GROUPS_TYPE",
          "labels.PLUGIN_VARIABLE_TYPE",
          "labels.PLUGIN_VIEW_VARIABLE_TYPE",
          "labels.PROCESS_INSTANCE_TYPE",
          "labels.REPOSITORY_SEARCH_TYPE",
          "labels.TYPE",
          // "Types"
          "labels.PLUGIN_TASK_TYPES",
          // "Variable"
          "labels.PLGN_BATCH_SEARCH_CONFIG_VARIABLE",
          "labels.PLGN_CS_NOTIFICATIONS_STATUS_VARIABLE",
          "labels.PLGN_CS_SEARCH_VARIABLE",
          "labels.PLGN_HIST_SEARCH_VARIABLE",
          "labels.PLGN_MIG_VARIABLE",
          "labels.PLGN_MOD_SEARCH_VARIABLE",
          "labels.PLUGIN_VARIABLE_INSTANCES_STATUS_VARIABLE",
          "labels.PROCESS_INSTANCE_ID_VARIABLE",
          "labels.VARIABLE_INSPECT_VARIABLE",
          // "Variables"
          "labels.FILTER_FORM_VARIABLES",
          "labels.PLGN_BATCH_SET_VARIABLES_TITLE",
          "labels.PLGN_CS_VARIABLES",
          "labels.PLGN_HIST_VARIABLES",
          "labels.PLUGIN_VARIABLE_INSTANCES_LABEL",
          "labels.TASK_VARIABLES",
          // "Version"
          "labels.PLGN_CLUP_STATS_VERSION",
          "labels.REPOSITORY_DEPLOYMENT_VERSION");

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"admin", "cockpit", "tasklist", "welcome"})
  void frenchTranslationMatchesTheWebjarEnglish(String app) throws IOException {
    Map<String, JsonNode> english = flatten(readJson(webjarResource(app, "locales/en.json")));
    Map<String, JsonNode> french = flatten(readJson(projectResource(app, "locales/fr.json")));
    List<String> problems = new ArrayList<>();

    for (String key : english.keySet()) {
      if (!french.containsKey(key)) {
        problems.add("missing in fr.json: " + key);
      }
    }
    for (String key : french.keySet()) {
      if (!english.containsKey(key)) {
        problems.add("not in en.json: " + key);
      }
    }
    for (Map.Entry<String, JsonNode> entry : english.entrySet()) {
      String key = entry.getKey();
      JsonNode en = entry.getValue();
      JsonNode fr = french.get(key);
      if (fr == null) {
        continue;
      }
      if (en.getNodeType() != fr.getNodeType()) {
        problems.add("not the same kind of value as in en.json: " + key);
        continue;
      }
      if (!en.isTextual()) {
        continue;
      }
      String enText = en.textValue();
      String frText = fr.textValue();
      if (enText.equals(frText) && !SAME_AS_ENGLISH.contains(key)) {
        problems.add("same as English, not translated: " + key + " = \"" + enText + "\"");
      }
      for (String placeholder : tokens(INTERPOLATION, enText)) {
        if (!frText.contains(placeholder)) {
          problems.add("placeholder " + placeholder + " missing: " + key);
        }
      }
      for (String placeholder : tokens(INTERPOLATION, frText)) {
        if (!enText.contains(placeholder)) {
          problems.add("placeholder " + placeholder + " not in English: " + key);
        }
      }
      if (!sortedTokens(FORMAT_TOKEN, enText).equals(sortedTokens(FORMAT_TOKEN, frText))) {
        problems.add("format tokens (%s, %d, {}) differ from English: " + key);
      }
      if (!MARKUP_CHANGED_ON_PURPOSE.contains(key)
          && !sortedTokens(HTML_TAG, enText).equals(sortedTokens(HTML_TAG, frText))) {
        problems.add("HTML markup differs from English: " + key);
      }
    }

    assertThat(problems).as("app/%s/locales/fr.json against the webjar's en.json", app).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"admin", "cockpit", "tasklist", "welcome"})
  void configOverrideMakesFrenchTheDefault(String app) throws IOException {
    URL config = projectResource(app, "scripts/config.js");
    // The first config.js on the classpath is the one served: it must be the project's.
    assertThat(getClass().getClassLoader().getResource(WEBAPPS + app + "/scripts/config.js"))
        .isEqualTo(config);

    String script = readText(config);
    assertThat(script)
        .as("app/%s/scripts/config.js", app)
        .contains("export default {")
        .containsPattern("fallbackLocale:\\s*'fr'")
        .containsPattern("availableLocales:\\s*\\[\\s*'fr'\\s*]\\s*,\\s*fallbackLocale:\\s*'fr'")
        .containsPattern("customScripts:\\s*\\[\\s*'scripts/raccroche-eol-banner'\\s*[],]");
    if (app.equals("tasklist")) {
      // Tasklist also loads the flow script (claim on open, next task, French dates:
      // docs/forms.md).
      assertThat(script)
          .containsPattern(
              "customScripts:\\s*\\[\\s*'scripts/raccroche-eol-banner',\\s*'scripts/raccroche-tasklist',"
                  + "\\s*'scripts/raccroche-sign-in'\\s*]");
      projectResource(app, "scripts/raccroche-tasklist.js");
    }
    // One sign-in (docs/security.md S29): the web app's login route leads to the app's login page.
    assertThat(script).contains("'scripts/raccroche-sign-in'");
    assertThat(readText(projectResource(app, "scripts/raccroche-sign-in.js")))
        .contains("/login?logout", "window.location.replace")
        // A link back to the application's home page, in the web app's menu before the user's.
        .contains(
            "'Retour à Raccroche'", "nav.cam-nav > ul > li.account", "applicationRoot() + '/'");
    projectResource(app, "scripts/raccroche-eol-banner.js");
    assertThat(readText(projectResource(app, "styles/user-styles.css"))).contains(".ce-eol-banner");
  }

  @Test
  void allowListHasNoStaleKeys() throws IOException {
    Set<String> stillIdentical = new HashSet<>();
    for (String app : List.of("admin", "cockpit", "tasklist", "welcome")) {
      Map<String, JsonNode> english = flatten(readJson(webjarResource(app, "locales/en.json")));
      Map<String, JsonNode> french = flatten(readJson(projectResource(app, "locales/fr.json")));
      english.forEach(
          (key, value) -> {
            if (value.isTextual() && value.equals(french.get(key))) {
              stillIdentical.add(key);
            }
          });
    }
    Set<String> stale = new TreeSet<>(SAME_AS_ENGLISH);
    stale.removeAll(stillIdentical);
    assertThat(stale).as("allow-listed keys that are now translated or gone").isEmpty();
  }

  /** The one copy of a web app file inside the Camunda webjar. */
  private URL webjarResource(String app, String file) throws IOException {
    List<URL> all = resources(app, file);
    List<URL> fromWebjar = all.stream().filter(WebappTranslationsTest::isInWebjar).toList();
    assertThat(fromWebjar).as("%s of %s in the Camunda webjar", file, app).hasSize(1);
    assertThat(all)
        .as(
            "%s of %s must not be overridden by the project (it would hide the webjar's)",
            file, app)
        .hasSize(1);
    return fromWebjar.get(0);
  }

  /** The project's own copy of a web app file (outside the Camunda webjar). */
  private URL projectResource(String app, String file) throws IOException {
    List<URL> own = resources(app, file).stream().filter(url -> !isInWebjar(url)).toList();
    assertThat(own).as("%s of %s in the project's resources", file, app).hasSize(1);
    return own.get(0);
  }

  private List<URL> resources(String app, String file) throws IOException {
    return Collections.list(getClass().getClassLoader().getResources(WEBAPPS + app + "/" + file));
  }

  private static boolean isInWebjar(URL url) {
    return "jar".equals(url.getProtocol()) && url.getPath().contains(WEBJAR);
  }

  private static JsonNode readJson(URL url) throws IOException {
    // Jackson skips the UTF-8 byte order mark of Camunda's en.json files.
    try (InputStream in = url.openStream()) {
      return JSON.readTree(in);
    }
  }

  private static String readText(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Leaves by path: {@code labels.KEY}, {@code dateLocales.months[0]}, ... */
  private static Map<String, JsonNode> flatten(JsonNode root) {
    Map<String, JsonNode> leaves = new LinkedHashMap<>();
    flatten("", root, leaves);
    return leaves;
  }

  private static void flatten(String path, JsonNode node, Map<String, JsonNode> leaves) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        String name = field.getKey();
        flatten(path.isEmpty() ? name : path + "." + name, field.getValue(), leaves);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(path + "[" + i + "]", node.get(i), leaves);
      }
    } else {
      leaves.put(Objects.requireNonNull(path), node);
    }
  }

  private static Set<String> tokens(Pattern pattern, String text) {
    Set<String> found = new TreeSet<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group());
    }
    return found;
  }

  private static List<String> sortedTokens(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group());
    }
    Collections.sort(found);
    return found;
  }
}
