package fr.raccroche.security.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.raccroche.shared.TextRules;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/**
 * A task accepts only its form's fields (docs/security.md, R2). The variables sent to complete a
 * task or submit its form are checked against the task's deployed Camunda Form ({@code
 * camunda:formRef}): a variable the form does not declare as an editable field is refused (400
 * naming it, nothing written); each value must fit the field — its type, its options (static or
 * from the {@code valuesKey} variable), its {@code maxLength} and {@code min}/{@code max}, a
 * plausible date, no control or invisible characters. The business rules of each task (dates not in
 * the future, referent of the perimeter…) stay in the task listeners; this check is generic and
 * comes first, before the engine writes anything.
 */
final class TaskFormFields {
  /** Text fields without a declared maximum. */
  static final int DEFAULT_TEXTAREA_MAX = 8000;

  static final int DEFAULT_TEXTFIELD_MAX = 500;
  private static final Set<String> SIMPLE_TYPES =
      Set.of("String", "Boolean", "Integer", "Long", "Short", "Double", "Date", "Json", "Null");
  private static final Set<String> OBJECT_TYPES =
      Set.of(
          "java.util.ArrayList",
          "java.util.LinkedList",
          "java.util.HashMap",
          "java.util.LinkedHashMap",
          "java.lang.String");

  /** A refusal: French message, the field at fault. */
  static final class Refused extends RuntimeException {
    final String field;

    Refused(String field, String frenchMessage) {
      super(frenchMessage, null, false, false);
      this.field = field;
    }
  }

  private record Field(
      String key,
      String type,
      String label,
      boolean editable,
      JsonNode validate,
      List<String> values,
      String valuesKey,
      String subtype) {}

  private final TaskService tasks;
  private final FormService forms;
  private final ObjectMapper json;

  TaskFormFields(TaskService tasks, FormService forms, ObjectMapper json) {
    this.tasks = tasks;
    this.forms = forms;
    this.json = json;
  }

  /**
   * Checks the variables of a completion; answers them without the form's read-only fields (they
   * show the case, they are not the user's to write). Runs as the engine: the caller's right to the
   * task is checked by the engine afterwards. Null when the task does not exist (the engine answers
   * that).
   */
  ObjectNode check(String taskId, ObjectNode variables) {
    Task task = tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
    if (task == null) {
      return null;
    }
    Map<String, Field> fields = fields(taskId, task);
    Set<String> undeclared = new TreeSet<>();
    Set<String> readOnly = new TreeSet<>();
    for (Iterator<String> names = variables.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      Field field = fields.get(name);
      if (field == null) {
        undeclared.add(name);
      } else if (!field.editable()) {
        readOnly.add(name);
      }
    }
    if (!undeclared.isEmpty()) {
      throw new Refused(
          String.join(",", undeclared),
          "Variables refusées : "
              + String.join(", ", undeclared)
              + ". Cette tâche n'accepte que les champs de son formulaire.");
    }
    ObjectNode accepted = variables.deepCopy();
    readOnly.forEach(accepted::remove);
    for (Iterator<Map.Entry<String, JsonNode>> it = accepted.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      checkValue(taskId, fields.get(entry.getKey()), entry.getValue());
    }
    return accepted;
  }

  private Map<String, Field> fields(String taskId, Task task) {
    if (task.getCamundaFormRef() == null) {
      return Map.of(); // a task without a Camunda Form takes no variables
    }
    JsonNode schema;
    try (InputStream in = forms.getDeployedTaskForm(taskId)) {
      schema = json.readTree(in);
    } catch (IOException | ProcessEngineException e) {
      throw new IllegalStateException("Form of task " + taskId + " unreadable", e);
    }
    Map<String, Field> fields = new LinkedHashMap<>();
    collect(schema.path("components"), fields);
    return fields;
  }

  private static void collect(JsonNode components, Map<String, Field> fields) {
    for (JsonNode c : components) {
      String key = c.path("key").asText(null);
      if (key != null && !key.isBlank()) {
        // Options computed by the form (a FEEL valuesExpression) cannot be evaluated here: null,
        // and
        // the process's own validation checks the value (TaskInputValidation).
        List<String> values = c.has("valuesExpression") ? null : new ArrayList<>();
        if (values != null) {
          c.path("values").forEach(v -> values.add(v.path("value").asText()));
        }
        boolean editable =
            !c.path("disabled").asBoolean(false) && !c.path("readonly").asBoolean(false);
        Field previous = fields.get(key);
        // A key shown read-only in one place and editable in another is editable.
        if (previous == null || (!previous.editable() && editable)) {
          fields.put(
              key,
              new Field(
                  key,
                  c.path("type").asText(""),
                  c.path("label").asText(key),
                  editable,
                  c.path("validate"),
                  values,
                  c.path("valuesKey").asText(null),
                  c.path("subtype").asText(null)));
        }
      }
      collect(c.path("components"), fields);
    }
  }

  private void checkValue(String taskId, Field field, JsonNode variable) {
    String name = field.key();
    String label = "« " + field.label() + " » (" + name + ")";
    if (!variable.isObject()) {
      throw new Refused(name, "Format de variable invalide pour " + label + ".");
    }
    String type = variable.path("type").asText("");
    JsonNode value = variable.path("value");
    if (!type.isEmpty() && !SIMPLE_TYPES.contains(type)) {
      String objectType = variable.path("valueInfo").path("objectTypeName").asText("");
      String format = variable.path("valueInfo").path("serializationDataFormat").asText("");
      if (!"Object".equals(type)
          || !OBJECT_TYPES.contains(objectType)
          || !format.startsWith("application/json")) {
        throw new Refused(name, "Type de valeur non accepté pour " + label + ".");
      }
    }
    if (value.isNull() || value.isMissingNode()) {
      return; // required fields are the task listeners' business (conditional fields)
    }
    switch (field.type()) {
      case "textfield", "textarea" -> text(field, label, value);
      case "number" -> number(field, label, value);
      case "checkbox" -> bool(name, label, value);
      case "radio", "select" -> option(taskId, field, label, scalar(name, label, value));
      case "checklist", "taglist" -> {
        for (String item : list(name, label, value)) {
          option(taskId, field, label, item);
        }
      }
      case "datetime" -> date(name, label, scalar(name, label, value));
      default -> text(field, label, value);
    }
  }

  private static void text(Field field, String label, JsonNode value) {
    if (!value.isTextual()) {
      throw new Refused(field.key(), "Texte attendu pour " + label + ".");
    }
    int max =
        field
            .validate()
            .path("maxLength")
            .asInt("textarea".equals(field.type()) ? DEFAULT_TEXTAREA_MAX : DEFAULT_TEXTFIELD_MAX);
    String text = value.asText();
    String tooLong = TextRules.checkLength(text, max, field.label() + " (" + field.key() + ")");
    if (tooLong != null) {
      throw new Refused(field.key(), tooLong);
    }
    String control = TextRules.check(text, field.label() + " (" + field.key() + ")");
    if (control != null) {
      throw new Refused(field.key(), control);
    }
  }

  private static void number(Field field, String label, JsonNode value) {
    double number;
    if (value.isNumber()) {
      number = value.asDouble();
    } else {
      try {
        number = Double.parseDouble(value.asText().strip());
      } catch (NumberFormatException e) {
        throw new Refused(field.key(), "Nombre attendu pour " + label + ".");
      }
    }
    if (Double.isNaN(number) || Double.isInfinite(number)) {
      throw new Refused(field.key(), "Nombre attendu pour " + label + ".");
    }
    JsonNode min = field.validate().path("min");
    JsonNode max = field.validate().path("max");
    if (min.isNumber() && number < min.asDouble()) {
      throw new Refused(
          field.key(), "La valeur de " + label + " doit être au moins " + min.asText() + ".");
    }
    if (max.isNumber() && number > max.asDouble()) {
      throw new Refused(
          field.key(), "La valeur de " + label + " doit être au plus " + max.asText() + ".");
    }
  }

  private static void bool(String name, String label, JsonNode value) {
    if (value.isBoolean()) {
      return;
    }
    String text = value.asText().strip().toLowerCase();
    if (!text.equals("true") && !text.equals("false")) {
      throw new Refused(name, "Réponse oui/non attendue pour " + label + ".");
    }
  }

  private static String scalar(String name, String label, JsonNode value) {
    if (value.isContainerNode()) {
      throw new Refused(name, "Une seule valeur attendue pour " + label + ".");
    }
    return value.asText();
  }

  private List<String> list(String name, String label, JsonNode value) {
    JsonNode items = value;
    if (value.isTextual()) {
      try {
        items = json.readTree(value.asText());
      } catch (IOException e) {
        throw new Refused(name, "Liste attendue pour " + label + ".");
      }
    }
    if (items == null || !items.isArray()) {
      throw new Refused(name, "Liste attendue pour " + label + ".");
    }
    List<String> values = new ArrayList<>();
    for (JsonNode item : items) {
      values.add(scalar(name, label, item));
    }
    return values;
  }

  private void option(String taskId, Field field, String label, String value) {
    if (value.isBlank()) {
      return;
    }
    Collection<String> allowed = field.values();
    if (field.valuesKey() != null) {
      allowed = optionValues(tasks.getVariable(taskId, field.valuesKey()));
    } else if (allowed == null) {
      return; // computed by the form: checked by the process's validation
    }
    if (!allowed.contains(value)) {
      throw new Refused(
          field.key(),
          "« "
              + (value.length() > 60 ? value.substring(0, 60) + "…" : value)
              + " » ne fait pas partie des choix proposés pour "
              + label
              + ".");
    }
  }

  private static Collection<String> optionValues(Object options) {
    List<String> values = new ArrayList<>();
    if (options instanceof Collection<?> list) {
      for (Object o : list) {
        if (o instanceof Map<?, ?> m && m.get("value") != null) {
          values.add(String.valueOf(m.get("value")));
        }
      }
    }
    return values;
  }

  /** A date field: {@code yyyy-MM-dd} (or a timestamp starting so), between 1900 and 2100. */
  private static void date(String name, String label, String value) {
    String text = value.strip();
    LocalDate date;
    try {
      date = LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw new Refused(name, "Date invalide pour " + label + " (attendu AAAA-MM-JJ).");
    }
    if (date.getYear() < 1900 || date.getYear() > 2100) {
      throw new Refused(name, "Date invraisemblable pour " + label + " : " + text + ".");
    }
  }
}
