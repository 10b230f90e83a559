package fr.raccroche.pathway;

import java.util.List;

/**
 * A person read young people's personal data: published by every surface that shows it (case page,
 * cases API, lists with names, Tasklist forms), for the access log. {@code remoteAddress} says
 * where from. No personal data of the young people. {@code departement}: the département of what
 * was read when {@code caseNumbers} are not case numbers (an import: {@code import:N}); null
 * otherwise (a case number carries its département).
 */
public record PersonalDataRead(
    String userId,
    String remoteAddress,
    Surface surface,
    List<String> caseNumbers,
    String departement) {

  public PersonalDataRead(
      String userId, String remoteAddress, Surface surface, List<String> caseNumbers) {
    this(userId, remoteAddress, surface, caseNumbers, null);
  }

  /** Where the data was read, with the French label the access log page shows. */
  public enum Surface {
    CASE_API("API dossiers"),
    CASE_LIST_API("API liste des dossiers"),
    CASE_PAGE("Page du dossier"),
    CASE_LIST_PAGE("Liste des dossiers"),
    TASK_FORM("Formulaire de tâche (Tasklist, engine-rest)"),
    PROCESS_VARIABLES("Variables du processus (Cockpit, engine-rest)"),
    IMPORT_REJECTIONS("Export des lignes rejetées d'un import"),
    MESSAGES_API("API messages d'un dossier"),
    SENT_MESSAGES_PAGE("Page « Messages envoyés »"),
    TODO_PAGE("Page « À faire »"),
    SIGNALEMENT_ELSEWHERE(
        "Signalement d'un jeune suivi par un autre périmètre (aucune donnée montrée)");

    private final String label;

    Surface(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    /** The label of a stored surface name (the name itself if unknown). */
    public static String labelOf(String name) {
      for (Surface s : values()) {
        if (s.name().equals(name)) {
          return s.label;
        }
      }
      return name;
    }
  }
}
