package fr.raccroche.conventions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Checks the BPMN, DMN and form files against docs/conventions.md: technical meaningful ids (no
 * Modeler-generated ids), file name = process / decision / form id, a history time to live on every
 * process and decision, BPMN-DI present, every user task bound to a deployed form, every candidate
 * group of the {@code coord-…} / {@code partner-…} / fixed-group naming, no literal durations in
 * timers. Answers the list of violations, each naming file and element.
 */
public final class ProcessConventions {
  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";
  static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  static final String DMN = "https://www.omg.org/spec/DMN/20191111/MODEL/";

  /** Ids the Modeler generates (Activity_0x1y2z3, Flow_1abcdef, sid-…, _3, …). */
  static final Pattern GENERATED_ID =
      Pattern.compile(
          "^(?:[A-Za-z]+_[0-9][0-9a-z]{6}|sid-[0-9A-Fa-f-]{8,}|_[0-9]+|id_[0-9a-f-]+|[A-Za-z]+_[0-9]+)$");

  static final Pattern CANDIDATE_GROUP =
      Pattern.compile(
          "^(?:camunda-admin|supervisors|prefecture|coord-(?:[A-Z0-9][A-Z0-9_-]*|\\$\\{[A-Za-z][A-Za-z0-9]*\\})"
              + "|partner-(?:[A-Z0-9][A-Z0-9_-]*|\\$\\{[A-Za-z][A-Za-z0-9]*\\})"
              // The pathway's groups from the case record (docs/security.md R1): these two
              // methods answer coord-<perimeter> and partner-<referent>, nothing else.
              + "|\\$\\{caseProgress\\.(?:coordinatorGroup|referentGroup)\\(execution\\)\\})$");

  static final Pattern FORM_ID = Pattern.compile("^form-[a-z0-9]+(?:-[a-z0-9]+)*$");
  static final Pattern LITERAL_DURATION = Pattern.compile("^\\s*-?P[0-9TYMWDHS.]+\\s*$");

  private ProcessConventions() {}

  public static List<String> check(Path bpmnFolder, Path formsFolder) throws Exception {
    List<String> violations = new ArrayList<>();
    Set<String> formIds = new HashSet<>();
    for (Path form : files(formsFolder, ".form")) {
      JsonNode json = new ObjectMapper().readTree(form.toFile());
      String id = json.path("id").asText("");
      String file = form.getFileName().toString();
      if (!FORM_ID.matcher(id).matches()) {
        violations.add(
            file + ": form id '" + id + "' is not of the form form-<task-in-kebab-case>");
      }
      if (!file.equals(id + ".form")) {
        violations.add(file + ": file name differs from form id '" + id + "'");
      }
      formIds.add(id);
    }
    for (Path bpmn : files(bpmnFolder, ".bpmn")) {
      checkBpmn(bpmn, formIds, violations);
    }
    for (Path dmn : files(bpmnFolder, ".dmn")) {
      checkDmn(dmn, violations);
    }
    return violations;
  }

  private static void checkBpmn(Path path, Set<String> formIds, List<String> violations)
      throws Exception {
    String file = path.getFileName().toString();
    Document doc = parse(path);
    checkIds(file, doc, BPMN, violations);
    NodeList processes = doc.getElementsByTagNameNS(BPMN, "process");
    if (processes.getLength() == 0) {
      violations.add(file + ": no process");
    }
    for (Element process : elements(processes)) {
      String id = process.getAttribute("id");
      if (processes.getLength() == 1 && !file.equals(id + ".bpmn")) {
        violations.add(file + ": file name differs from process id '" + id + "'");
      }
      if (process.getAttributeNS(CAMUNDA, "historyTimeToLive").isBlank()) {
        violations.add(file + ": process '" + id + "' has no camunda:historyTimeToLive");
      }
    }
    if (doc.getElementsByTagNameNS(BPMNDI, "BPMNDiagram").getLength() == 0) {
      violations.add(file + ": no BPMN-DI (the diagram would not open in Camunda Modeler)");
    }
    for (Element task : elements(doc.getElementsByTagNameNS(BPMN, "userTask"))) {
      String id = task.getAttribute("id");
      String formRef = task.getAttributeNS(CAMUNDA, "formRef");
      if (formRef.isBlank()) {
        violations.add(file + ": user task '" + id + "' has no camunda:formRef");
      } else if (!formIds.contains(formRef)) {
        violations.add(file + ": user task '" + id + "' refers to unknown form '" + formRef + "'");
      }
      if (!"deployment".equals(task.getAttributeNS(CAMUNDA, "formRefBinding"))) {
        violations.add(
            file
                + ": user task '"
                + id
                + "' must bind its form with formRefBinding=\"deployment\"");
      }
      String groups = task.getAttributeNS(CAMUNDA, "candidateGroups");
      if (groups.isBlank()) {
        violations.add(file + ": user task '" + id + "' has no candidate group");
      }
      for (String group : groups.split(",")) {
        if (!group.isBlank() && !CANDIDATE_GROUP.matcher(group.strip()).matches()) {
          violations.add(
              file
                  + ": user task '"
                  + id
                  + "' has candidate group '"
                  + group.strip()
                  + "' outside the naming");
        }
      }
    }
    for (String timerPart : List.of("timeDuration", "timeCycle", "timeDate")) {
      for (Element timer : elements(doc.getElementsByTagNameNS(BPMN, timerPart))) {
        String value = timer.getTextContent();
        if (LITERAL_DURATION.matcher(value).matches() || value.strip().startsWith("R")) {
          Element event = (Element) timer.getParentNode().getParentNode();
          violations.add(
              file
                  + ": timer '"
                  + event.getAttribute("id")
                  + "' has a literal "
                  + value.strip()
                  + " (take it from configuration)");
        }
      }
    }
  }

  private static void checkDmn(Path path, List<String> violations) throws Exception {
    String file = path.getFileName().toString();
    Document doc = parse(path);
    String namespace = doc.getDocumentElement().getNamespaceURI();
    checkIds(file, doc, namespace, violations);
    List<Element> decisions = elements(doc.getElementsByTagNameNS(namespace, "decision"));
    if (decisions.isEmpty()) {
      violations.add(file + ": no decision");
    }
    for (Element decision : decisions) {
      String id = decision.getAttribute("id");
      if (decisions.size() == 1 && !file.equals(id + ".dmn")) {
        violations.add(file + ": file name differs from decision id '" + id + "'");
      }
      if (decision.getAttributeNS(CAMUNDA.replace("bpmn", "dmn"), "historyTimeToLive").isBlank()
          && decision
              .getAttributeNS("http://camunda.org/schema/1.0/dmn", "historyTimeToLive")
              .isBlank()) {
        violations.add(file + ": decision '" + id + "' has no camunda:historyTimeToLive");
      }
    }
  }

  /** Flow elements and decisions need meaningful ids; DI, rules and entries may be generated. */
  private static void checkIds(
      String file, Document doc, String namespace, List<String> violations) {
    NodeList all = doc.getElementsByTagNameNS(namespace, "*");
    for (Element element : elements(all)) {
      String local = element.getLocalName();
      if (Set.of(
              "rule",
              "inputEntry",
              "outputEntry",
              "input",
              "output",
              "inputExpression",
              "text",
              "definitions",
              "extensionElements",
              "documentation")
          .contains(local)) {
        continue;
      }
      String id = element.getAttribute("id");
      if (!id.isEmpty() && GENERATED_ID.matcher(id).matches()) {
        violations.add(file + ": " + local + " has a generated id '" + id + "'");
      }
    }
  }

  private static Document parse(Path path) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(path.toFile());
  }

  private static List<Element> elements(NodeList nodes) {
    List<Element> list = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      list.add((Element) nodes.item(i));
    }
    return list;
  }

  private static List<Path> files(Path folder, String suffix) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }
}
