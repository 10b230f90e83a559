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
    browser.waitForText("Mes tâches");
    return new Tasklist(browser);
  }

  /**
   * "Rechercher un jeune" above the list (one click, then the name and Enter); answers when the
   * list shows a task of that young person.
   */
  void searchYoungPerson(String query, String shownName) {
    WebElement box = browser.waitFor(By.id("raccroche-name-search-input"));
    browser.click(box);
    box.sendKeys(query, Keys.ENTER);
    browser.until(
        d ->
            !d.findElements(TASKS).isEmpty()
                && d.findElements(TASKS).stream().allMatch(li -> li.getText().contains(shownName)),
        "only the tasks of " + shownName + " in the list");
  }

  /** Waits until the list shows a task of that name whose card holds {@code text}; opens it. */
  void openWhenListed(String taskName, String text) {
    WebElement item =
        browser.until(
            d ->
                d.findElements(TASKS).stream()
                    .filter(li -> taskName.equals(li.findElement(By.cssSelector("h4")).getText()))
                    .filter(li -> li.getText().contains(text))
                    .findFirst()
                    .orElse(null),
            "task '" + taskName + "' of " + text + " in the list (refreshed every 10 s)");
    browser.click(item.findElement(By.cssSelector("h4 a")));
    waitForOpenTask(taskName);
  }

  /**
   * Waits until the task of that name is open and can be completed: opened from the list, or by
   * "Terminer" of the previous task, and claimed on opening.
   */
  void waitForOpenTask(String taskName) {
    waitForOpenTask(taskName, null);
  }

  /** The id of the task open in the detail view (from the address), or null. */
  String openTaskId() {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("[?&]task=([^&]+)").matcher(browser.url());
    return m.find() ? m.group(1) : null;
  }

  /** As {@link #waitForOpenTask(String)}, for a task other than {@code previousTaskId}. */
  void waitForOpenTask(String taskName, String previousTaskId) {
    if (previousTaskId != null) {
      browser.until(
          d -> openTaskId() != null && !previousTaskId.equals(openTaskId()),
          "another task than " + previousTaskId + " open");
    }
    browser.until(
        d ->
            d.findElements(By.cssSelector(".task-details h2, [cam-tasklist-task] h2")).stream()
                .anyMatch(h -> taskName.equals(h.getText().strip())),
        "task '" + taskName + "' open");
    browser.waitFor(FORM);
    browser.until(
        d ->
            d.findElements(By.cssSelector("[cam-tasklist-task-meta] .unclaim")).stream()
                    .anyMatch(WebElement::isDisplayed)
                && d.findElements(By.cssSelector(".disabled-form")).isEmpty(),
        "'" + taskName + "' claimed on opening (the form unlocked)");
  }

  /** The date field labelled {@code label}. */
  WebElement dateInput(String label) {
    return browser.waitFor(
        By.xpath(
            "//div[contains(@class,'fjs-form-field-datetime')][.//label[normalize-space(text())="
                + Browser.literal(label)
                + "]]//input[@placeholder]"));
  }

  /** Types a date as text into the date field from the keyboard (no click), then Enter. */
  void typeDateText(String label, String text) {
    WebElement input = dateInput(label);
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    input.sendKeys(text, Keys.ENTER);
  }

  /** The validation messages form-js shows in the form. */
  List<String> formErrors() {
    return browser.all(By.cssSelector(".fjs-form-field-error")).stream()
        .filter(WebElement::isDisplayed)
        .map(WebElement::getText)
        .filter(t -> !t.isBlank())
        .toList();
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

  /**
   * Opening a task of one's group claims it (no "M'attribuer" click): waits until it is the user's
   * and "Terminer" is enabled.
   */
  void waitUntilClaimedOnOpening() {
    browser.until(d -> canComplete(), "'Terminer' enabled once the opened task is claimed");
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
   * Types a date into the form's date field labelled {@code label}, as a French user does
   * (jj/mm/aaaa), and confirms it.
   */
  void typeDate(String label, LocalDate date) {
    WebElement input =
        browser.waitFor(
            By.xpath(
                "//div[contains(@class,'fjs-form-field-datetime')][.//label[normalize-space(text())="
                    + Browser.literal(label)
                    + "]]//input[@placeholder]"));
    // French whatever the browser's language (scripts/raccroche-tasklist.js).
    String pattern = "dd/MM/yyyy";
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
