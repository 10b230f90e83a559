package fr.raccroche.e2e;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** Camunda Tasklist as a user works it: filters, the task list, a task's Camunda Form. */
final class Tasklist {
  private static final By TASKS = By.cssSelector("li.task");
  private static final By FORM = By.cssSelector(".fjs-container");
  private static final By TERMINER = By.xpath("//button[normalize-space()='Terminer']");
  private static final By NOTIFICATION = By.cssSelector(".notifications .alert-danger");

  private final Browser browser;

  private Tasklist(Browser browser) {
    this.browser = browser;
  }

  static Tasklist signIn(Browser browser, String user) {
    browser.signInToCamunda("tasklist", user);
    browser.waitForText("Tâches de mon périmètre");
    return new Tasklist(browser);
  }

  /** Opens a shared filter of the left column; answers when its tasks are listed. */
  void filter(String name) {
    browser.click(name);
    browser.waitFor(TASKS);
  }

  /**
   * Opens the first task of that name that nobody has claimed yet; answers its case number (the
   * "Dossier" column of the list).
   */
  String openUnclaimed(String taskName) {
    WebElement item =
        browser.until(
            d ->
                d.findElements(TASKS).stream()
                    .filter(li -> taskName.equals(li.findElement(By.cssSelector("h4")).getText()))
                    .filter(li -> li.findElements(By.cssSelector("h5.assignee")).isEmpty())
                    .findFirst()
                    .orElse(null),
            "an unclaimed task '" + taskName + "' in the list");
    String caseNumber = Browser.caseNumberIn(item.getText());
    browser.click(item.findElement(By.cssSelector("h4 a")));
    browser.waitFor(FORM);
    browser.waitForText(caseNumber);
    return caseNumber;
  }

  /** Opens the task of that name for that case. */
  void open(String taskName, String caseNumber) {
    WebElement item =
        browser.until(d -> item(taskName, caseNumber).orElse(null), taskName + " of " + caseNumber);
    browser.click(item.findElement(By.cssSelector("h4 a")));
    browser.waitFor(FORM);
    browser.waitForText(caseNumber);
  }

  /** Waits until the list shows the task of that name for that case. */
  void waitForTask(String taskName, String caseNumber) {
    browser.until(
        d -> item(taskName, caseNumber).orElse(null),
        "task '" + taskName + "' of " + caseNumber + " in the list");
  }

  /** Waits until the list no longer shows the task of that name for that case. */
  void waitForNoTask(String taskName, String caseNumber) {
    browser.until(
        d -> item(taskName, caseNumber).isEmpty(),
        "task '" + taskName + "' of " + caseNumber + " gone from the list");
  }

  private Optional<WebElement> item(String taskName, String caseNumber) {
    return browser.all(TASKS).stream()
        .filter(li -> taskName.equals(li.findElement(By.cssSelector("h4")).getText()))
        .filter(li -> li.getText().contains(caseNumber))
        .findFirst();
  }

  /** "M'attribuer": until then, "Terminer" is disabled. */
  void claim() {
    browser.click("M'attribuer");
    browser.until(d -> canComplete(), "'Terminer' enabled once the task is claimed");
  }

  /** Whether "Terminer" can be clicked. */
  boolean canComplete() {
    return browser.all(TERMINER).stream().anyMatch(b -> b.isDisplayed() && b.isEnabled());
  }

  /** Ticks the radio button (or checkbox) with that label. */
  void choose(String label) {
    browser.click(
        browser.clickable(
            By.xpath("//label[normalize-space(text())=" + Browser.literal(label) + "]")));
  }

  /**
   * Types a date into the form's date field labelled {@code label}, in the format its placeholder
   * asks for (it follows the browser's language), and confirms it.
   */
  void typeDate(String label, LocalDate date) {
    WebElement input =
        browser.waitFor(
            By.xpath(
                "//div[contains(@class,'fjs-form-field-datetime')][.//label[normalize-space(text())="
                    + Browser.literal(label)
                    + "]]//input[@placeholder]"));
    String placeholder = input.getAttribute("placeholder");
    String pattern = placeholder.startsWith("mm") ? "MM/dd/yyyy" : "dd/MM/yyyy";
    browser.click(input);
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    input.sendKeys(DateTimeFormatter.ofPattern(pattern).format(date));
    input.sendKeys(Keys.ENTER);
  }

  /**
   * Opens the form's select labelled {@code label}, picks the option with that text; answers all
   * the options it offered.
   */
  List<String> select(String label, String option) {
    WebElement field = selectField(label);
    browser.click(field.findElement(By.cssSelector(".fjs-input-group")));
    browser.waitFor(By.cssSelector(".fjs-dropdownlist-item"));
    List<String> options =
        browser.all(By.cssSelector(".fjs-dropdownlist-item")).stream()
            .map(WebElement::getText)
            .toList();
    browser.click(
        browser.clickable(
            By.xpath(
                "//*[contains(@class,'fjs-dropdownlist-item')][normalize-space()="
                    + Browser.literal(option)
                    + "]")));
    return options;
  }

  /** The text shown in the form's select labelled {@code label} (its chosen option). */
  String selected(String label) {
    return selectField(label).findElement(By.cssSelector("input")).getDomProperty("value");
  }

  private WebElement selectField(String label) {
    return browser.waitFor(
        By.xpath(
            "//div[contains(@class,'fjs-form-field-select')][.//label[normalize-space(text())="
                + Browser.literal(label)
                + "]]"));
  }

  /** "Terminer". */
  void complete() {
    browser.click(browser.clickable(TERMINER));
  }

  /** The text of the error notification Tasklist shows (e.g. the server refused the form). */
  String errorNotification() {
    WebElement alert = browser.waitFor(NOTIFICATION);
    return alert.getText();
  }

  /** Closes the notifications ("×"), as a user does before trying again. */
  void closeNotifications() {
    for (WebElement close : browser.all(By.cssSelector(".notifications .alert button.close"))) {
      if (close.isDisplayed()) {
        close.click();
      }
    }
    browser.waitUntilGone(NOTIFICATION);
  }
}
