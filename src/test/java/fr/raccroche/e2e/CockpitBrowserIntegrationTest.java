package fr.raccroche.e2e;

import static fr.raccroche.e2e.Browser.assertFrench;
import static org.assertj.core.api.Assertions.assertThat;

import fr.raccroche.testsupport.RaccrocheIntegrationTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/** The supervisor follows the pathways in Cockpit. */
@RaccrocheIntegrationTest
@ExtendWith(Chromium.class)
class CockpitBrowserIntegrationTest {
  static final String PROCESS = "Parcours d'un jeune sorti sans diplôme";
  static final String CONTACT_TASK = "Task_ContactYoungPerson";

  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;

  @Test
  void aSupervisorSeesTheInstancesOfThePathwayAndOneInstanceAtItsCurrentActivity(
      Browsers browsers) {
    // A demo case waiting for its first contact, as the engine knows it.
    Task contact =
        tasks
            .createTaskQuery()
            .processDefinitionKey("YouthPathwayProcess")
            .taskDefinitionKey(CONTACT_TASK)
            .orderByTaskCreateTime()
            .asc()
            .listPage(0, 1)
            .get(0);
    ProcessInstance instance =
        runtime
            .createProcessInstanceQuery()
            .processInstanceId(contact.getProcessInstanceId())
            .singleResult();
    String caseNumber = instance.getBusinessKey();

    Browser browser = browsers.open();
    browser.signInToCamunda("cockpit", "superviseur");
    assertFrench(
        browser.waitForText("Instances de processus en cours"),
        "Processus",
        "Décisions",
        "Tâches utilisateur",
        "Incidents ouverts",
        "Définitions de processus");

    // The process's page: its diagram with the number of running instances on each activity.
    browser.click("Processus");
    browser.click(PROCESS);
    WebElement contactCount = badge(browser, CONTACT_TASK);
    assertThat(Integer.parseInt(contactCount.getText())).isPositive();
    assertFrench(chromeText(browser), "Tableau de bord", "Processus", PROCESS);
    browser.screenshot("cockpit-process");

    // The instance's page: the case number, and the instance at "Contacter le jeune".
    browser.go(
        "/camunda/app/cockpit/default/#/process-instance/"
            + instance.getId()
            + "/runtime?viewbox="
            + viewboxAround(instance.getProcessDefinitionId(), CONTACT_TASK));
    assertThat(browser.waitForText("ID de l'instance"))
        .contains(instance.getId(), "Clé métier", caseNumber, "Nom de la définition", "Variables");
    assertThat(badge(browser, CONTACT_TASK).getText()).isEqualTo("1");
    browser.waitForText("caseNumber"); // the variables are listed
    assertFrench(chromeText(browser), "Tableau de bord", "Processus", PROCESS, "Exécution");
    browser.screenshot("cockpit-instance");

    // Its activity tree: running in "Prise de contact", at "Contacter le jeune".
    browser.click("Filtre");
    assertFrench(
        browser.waitFor(By.cssSelector(".instance-tree")).getText(),
        PROCESS,
        "Prise de contact",
        "Contacter le jeune");
    browser.click("Contacter le jeune");
    browser.waitForText("1 instance d'activité sélectionnée");
  }

  /** The instance-count badge Cockpit puts on an activity of the diagram. */
  private static WebElement badge(Browser browser, String activityId) {
    return browser.waitFor(
        By.cssSelector(
            ".djs-overlays[data-container-id='" + activityId + "'] .badge.instance-count"));
  }

  /** Cockpit's own text (header, breadcrumbs, tabs), without the diagram or the variables. */
  private static String chromeText(Browser browser) {
    return String.join(
        "\n",
        browser.all(By.cssSelector(".Header, .cam-breadcrumb, .nav-tabs")).stream()
            .map(WebElement::getText)
            .toList());
  }

  /**
   * Cockpit's {@code viewbox} parameter (the diagram's zoom, kept in the address) for a window of
   * the diagram centred on an activity, at about its real size.
   */
  private String viewboxAround(String processDefinitionId, String activityId) {
    BpmnModelInstance model = repository.getBpmnModelInstance(processDefinitionId);
    Bounds bounds =
        model.getModelElementsByType(BpmnShape.class).stream()
            .filter(shape -> activityId.equals(shape.getBpmnElement().getId()))
            .findFirst()
            .orElseThrow()
            .getBounds();
    double width = 1100;
    double height = 420;
    String viewbox =
        String.format(
            Locale.ROOT,
            "{\"%s\":{\"x\":%.0f,\"y\":%.0f,\"width\":%.0f,\"height\":%.0f}}",
            model.getDefinitions().getId(),
            bounds.getX() + bounds.getWidth() / 2 - width / 2,
            bounds.getY() + bounds.getHeight() / 2 - height / 2,
            width,
            height);
    return URLEncoder.encode(viewbox, StandardCharsets.UTF_8);
  }
}
