package fr.raccroche.detection.internal;

import fr.raccroche.detection.HeaderColumn;
import fr.raccroche.detection.internal.LeaverRowParser.Column;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The header names a column is recognised by: its canonical name (product.md §2), the built-in
 * aliases (the usual headers of the source systems' exports) and the aliases a supervisor added for
 * one source. Headers are compared folded: case, accents, spaces and punctuation ignored ({@code
 * "Date de naiss."} is {@code datedenaiss}, {@code "Né(e) le"} is {@code neele}).
 *
 * <p>When a file has two headers for one column (a "Nom de famille" and a "Nom d'usage"), the one
 * ranked first here is read and the other ignored: canonical name, then the source's aliases, then
 * the built-in aliases in the order below.
 */
public final class ColumnAliases {
  /** Source aliases per column, at most; and the longest header accepted. */
  public static final int MAX_PER_COLUMN = 20;

  public static final int MAX_HEADER_LENGTH = 100;

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]+");

  /** Usual headers of the source systems' exports, best first. */
  static final Map<Column, List<String>> BUILT_IN = builtInAliases();

  private static final ColumnAliases BUILT_IN_ONLY = new ColumnAliases(Map.of());

  /** How a header matched: the column, how, and its rank among the column's names (0 best). */
  public record Match(Column column, HeaderColumn.Reading reading, int rank) {}

  private final Map<String, Match> byFolded;

  private ColumnAliases(Map<Column, List<String>> sourceAliases) {
    Map<String, Match> map = new HashMap<>();
    for (Column c : Column.values()) {
      map.put(fold(c.header()), new Match(c, HeaderColumn.Reading.CANONICAL, 0));
    }
    for (Map.Entry<Column, List<String>> e : sourceAliases.entrySet()) {
      int rank = 1;
      for (String alias : e.getValue()) {
        map.putIfAbsent(
            fold(alias), new Match(e.getKey(), HeaderColumn.Reading.SOURCE_ALIAS, rank++));
      }
    }
    for (Map.Entry<Column, List<String>> e : BUILT_IN.entrySet()) {
      int rank = 100;
      for (String alias : e.getValue()) {
        map.putIfAbsent(fold(alias), new Match(e.getKey(), HeaderColumn.Reading.ALIAS, rank++));
      }
    }
    this.byFolded = Map.copyOf(map);
  }

  /** The canonical names and the built-in aliases. */
  public static ColumnAliases builtIn() {
    return BUILT_IN_ONLY;
  }

  /**
   * Adds a source's own aliases (already checked by {@link #problems}; one that would clash is left
   * out).
   */
  public static ColumnAliases withSourceAliases(Map<Column, List<String>> sourceAliases) {
    return sourceAliases.isEmpty() ? BUILT_IN_ONLY : new ColumnAliases(sourceAliases);
  }

  /** The built-in aliases of a column, best first. */
  public static List<String> builtInOf(Column column) {
    return BUILT_IN.getOrDefault(column, List.of());
  }

  /** The column a header stands for, or null. */
  public Match match(String header) {
    if (header == null) {
      return null;
    }
    String folded = fold(header);
    return folded.isEmpty() ? null : byFolded.get(folded);
  }

  /** How many distinct columns a row of cells names: tells a header row from a title row. */
  public int score(List<String> cells) {
    Set<Column> named = new HashSet<>();
    for (String cell : cells) {
      Match m = match(cell);
      if (m != null) {
        named.add(m.column());
      }
    }
    return named.size();
  }

  /**
   * What is wrong with a source's aliases, in French (empty when they can be stored): unknown
   * column names, empty or too long headers, a header that already names another column (its
   * canonical name or a built-in alias) or is given for two columns, too many aliases.
   */
  public static List<String> problems(Map<String, List<String>> aliases) {
    List<String> problems = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    for (Map.Entry<String, List<String>> e : aliases.entrySet()) {
      Column column = Column.byHeader(e.getKey());
      if (column == null) {
        problems.add(
            "Colonne inconnue : « "
                + shorten(e.getKey())
                + " ». Colonnes possibles : "
                + String.join(", ", Column.headers())
                + ".");
        continue;
      }
      List<String> headers = e.getValue() == null ? List.of() : e.getValue();
      if (headers.size() > MAX_PER_COLUMN) {
        problems.add(
            "Trop d'en-têtes pour " + column.header() + " : " + MAX_PER_COLUMN + " au plus.");
      }
      for (String header : headers) {
        String folded = header == null ? "" : fold(header);
        if (folded.isEmpty()) {
          problems.add("En-tête vide pour " + column.header() + ".");
          continue;
        }
        if (header.length() > MAX_HEADER_LENGTH) {
          problems.add(
              "En-tête trop long pour "
                  + column.header()
                  + " : "
                  + MAX_HEADER_LENGTH
                  + " caractères au plus.");
          continue;
        }
        Match existing = BUILT_IN_ONLY.byFolded.get(folded);
        if (existing != null && existing.column() != column) {
          problems.add(
              "« "
                  + header.strip()
                  + " » désigne déjà la colonne "
                  + existing.column().header()
                  + " : il ne peut pas désigner aussi "
                  + column.header()
                  + ".");
          continue;
        }
        String other = seen.putIfAbsent(folded, column.header());
        if (other != null && !other.equals(column.header())) {
          problems.add(
              "« "
                  + header.strip()
                  + " » est donné pour deux colonnes : "
                  + other
                  + " et "
                  + column.header()
                  + ".");
        }
      }
    }
    return problems;
  }

  /**
   * A source's aliases as stored: each column's headers trimmed, without those the built-in names
   * already give that column, without repeats (folded), in the order given.
   */
  public static Map<Column, List<String>> normalise(Map<String, List<String>> aliases) {
    Map<Column, List<String>> result = new EnumMap<>(Column.class);
    for (Map.Entry<String, List<String>> e : aliases.entrySet()) {
      Column column = Column.byHeader(e.getKey());
      if (column == null || e.getValue() == null) {
        continue;
      }
      Set<String> folded = new HashSet<>();
      List<String> kept = new ArrayList<>();
      for (String header : e.getValue()) {
        String f = header == null ? "" : fold(header);
        Match builtIn = BUILT_IN_ONLY.byFolded.get(f);
        if (!f.isEmpty() && builtIn == null && folded.add(f)) {
          kept.add(header.strip());
        }
      }
      if (!kept.isEmpty()) {
        result.put(column, List.copyOf(kept));
      }
    }
    return result;
  }

  /** Case, accents, spaces and punctuation removed: {@code "Né(e) le"} → {@code neele}. */
  public static String fold(String header) {
    String s = header.replace("\uFEFF", "").strip();
    s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
    s = s.toLowerCase(Locale.ROOT).replace("œ", "oe").replace("æ", "ae");
    return NOT_ALNUM.matcher(s).replaceAll("");
  }

  private static String shorten(String s) {
    return s == null ? "" : s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  private static Map<Column, List<String>> builtInAliases() {
    Map<Column, List<String>> m = new LinkedHashMap<>();
    m.put(
        Column.INE,
        List.of(
            "INE",
            "Numéro INE",
            "N° INE",
            "INE élève",
            "INE jeune",
            "INE apprenti",
            "Identifiant national élève",
            "Identifiant INE",
            "Identifiant national"));
    m.put(
        Column.NOM,
        List.of(
            "Nom de famille",
            "Nom de naissance",
            "Nom d'usage",
            "Nom patronymique",
            "Nom usuel",
            "Nom élève",
            "Nom de l'élève",
            "Nom du jeune",
            "Nom jeune",
            "Nom apprenti"));
    m.put(
        Column.PRENOM,
        List.of(
            "Prénom 1",
            "Premier prénom",
            "Prénom usuel",
            "Prénom élève",
            "Prénom de l'élève",
            "Prénom du jeune",
            "Prénom jeune",
            "Prénom apprenti",
            "Prénoms"));
    m.put(Column.SEXE, List.of("Genre", "Sexe (M/F)", "Code sexe", "Sexe élève", "Sex"));
    m.put(
        Column.DATE_NAISSANCE,
        List.of(
            "Date de naissance",
            "Né(e) le",
            "Né le",
            "Née le",
            "Date de naiss.",
            "Date naiss.",
            "Date naissance élève",
            "Naissance",
            "DDN"));
    m.put(
        Column.ADRESSE,
        List.of(
            "Adresse postale",
            "Adresse ligne 1",
            "Adresse 1",
            "Adresse domicile",
            "Adresse du jeune",
            "Adresse élève",
            "Adresse de résidence"));
    m.put(
        Column.CODE_POSTAL,
        List.of(
            "Code postal",
            "CP",
            "Code postal domicile",
            "CP domicile",
            "Code postal de résidence",
            "Code postal commune"));
    m.put(
        Column.COMMUNE,
        List.of(
            "Ville",
            "Commune de résidence",
            "Commune domicile",
            "Libellé commune",
            "Nom commune",
            "Localité",
            "Ville de résidence"));
    m.put(
        Column.CODE_COMMUNE,
        List.of(
            "Code INSEE",
            "Code INSEE commune",
            "Code commune INSEE",
            "INSEE",
            "Code INSEE de la commune",
            "Code commune de résidence",
            "Code officiel géographique",
            "COG"));
    m.put(
        Column.TELEPHONE,
        List.of(
            "Téléphone",
            "Tél",
            "Tel",
            "Téléphone portable",
            "Téléphone mobile",
            "Portable",
            "Mobile",
            "Numéro de téléphone",
            "N° de téléphone",
            "Téléphone élève"));
    m.put(
        Column.EMAIL,
        List.of(
            "E-mail",
            "Mail",
            "Courriel",
            "Adresse mail",
            "Adresse e-mail",
            "Adresse électronique",
            "Mél",
            "Email élève"));
    m.put(
        Column.UAI,
        List.of(
            "Code UAI",
            "RNE",
            "Code RNE",
            "Code établissement",
            "Numéro UAI",
            "UAI établissement",
            "UAI de l'établissement",
            "N° UAI",
            "UAI d'origine"));
    m.put(
        Column.ETABLISSEMENT,
        List.of(
            "Nom établissement",
            "Nom de l'établissement",
            "Libellé établissement",
            "Établissement d'origine",
            "Dernier établissement",
            "Établissement fréquenté",
            "Lycée",
            "Établissement scolaire"));
    m.put(
        Column.FORMATION,
        List.of(
            "Libellé formation",
            "Formation suivie",
            "Dernière formation",
            "Dernière formation suivie",
            "Spécialité",
            "Diplôme préparé",
            "Libellé MEF",
            "Intitulé formation"));
    m.put(
        Column.NIVEAU,
        List.of(
            "Niveau de formation",
            "Niveau scolaire",
            "Dernier niveau",
            "Niveau atteint",
            "Dernière classe",
            "Classe",
            "MEF",
            "Code MEF",
            "Niveau de sortie"));
    m.put(
        Column.DATE_ENTREE,
        List.of(
            "Date d'entrée",
            "Date entrée formation",
            "Date d'inscription",
            "Date inscription",
            "Date de début",
            "Date début contrat",
            "Entré le"));
    m.put(
        Column.DATE_SORTIE,
        List.of(
            "Date de sortie",
            "Sorti le",
            "Sortie le",
            "Date de fin",
            "Date de fin de formation",
            "Date d'abandon",
            "Date de rupture",
            "Date de départ",
            "Date fin contrat"));
    m.put(
        Column.MOTIF_SORTIE,
        List.of(
            "Motif",
            "Motif de sortie",
            "Raison de sortie",
            "Motif de départ",
            "Cause de sortie",
            "Motif de rupture",
            "Motif d'abandon",
            "Situation à la sortie"));
    m.put(
        Column.DIPLOME_OBTENU,
        List.of(
            "Diplôme obtenu",
            "Diplôme",
            "Diplômes obtenus",
            "Plus haut diplôme",
            "Diplôme le plus élevé",
            "Dernier diplôme obtenu",
            "Diplôme détenu"));
    m.put(
        Column.RESPONSABLE_LEGAL,
        List.of(
            "Représentant légal",
            "Responsable légal 1",
            "Responsable 1",
            "Nom du responsable légal",
            "Nom responsable",
            "Parent",
            "Responsable"));
    m.put(
        Column.TELEPHONE_RESPONSABLE,
        List.of(
            "Téléphone du responsable",
            "Téléphone responsable légal",
            "Tél responsable",
            "Tel responsable",
            "Téléphone représentant légal",
            "Téléphone parent",
            "Portable responsable"));
    return Collections.unmodifiableMap(m);
  }
}
