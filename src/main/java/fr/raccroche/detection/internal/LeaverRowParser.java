package fr.raccroche.detection.internal;

import fr.raccroche.detection.HeaderColumn;
import fr.raccroche.detection.ImportKind;
import fr.raccroche.pathway.Ine;
import fr.raccroche.territory.TerritoryCodes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Maps a header to the canonical columns and turns each record into a valid row, a rejection or an
 * exclusion, with French reasons (docs/specification.md §2 Detection, Import).
 *
 * <p>Header names match the canonical ones whatever their case, accents and surrounding spaces
 * ({@code " Prénom "} is {@code prenom}); spaces and hyphens inside count as underscores. Unknown
 * columns are ignored with a warning; a duplicated column or a missing required column refuses the
 * file.
 *
 * <p>Exclusions win over rejections: a person out of scope (under 16, or holding a CAP or higher)
 * must not be kept, and a rejected line is kept in the rejection report. Reasons carry no personal
 * value (names, dates, INE): the raw line beside them in that report shows it.
 *
 * <p>Formula-looking values ({@code =}, {@code +}, {@code -}, {@code @}) are kept as plain text:
 * neutralising them is the job of whatever writes a spreadsheet back out.
 *
 * <p>Not thread-safe (it reuses a digest): one parser per import.
 */
public final class LeaverRowParser {
  static final int NAME_MAX = 100;
  // The bounds live in one place (pathway's Eligibility, docs/intake.md).
  static final int MIN_AGE = fr.raccroche.pathway.Eligibility.MIN_AGE;
  static final int MAX_AGE = fr.raccroche.pathway.Eligibility.PLAUSIBLE_AGE - 1;

  static final String NO_PLACE =
      "Aucun lieu pour affecter le dossier : code commune, code postal ou UAI.";
  static final String UNDER_16 = "Moins de 16 ans à la date d'import (règle CNIL).";
  static final String DIPLOMA_HOLDER =
      "Diplôme déjà obtenu (CAP, BEP, baccalauréat ou supérieur) : hors du champ des sortants"
          + " sans diplôme.";

  /** The canonical columns, in canonical order, with the size text values are truncated to. */
  public enum Column {
    INE(0),
    NOM(0),
    PRENOM(0),
    SEXE(0),
    DATE_NAISSANCE(0),
    ADRESSE(300),
    CODE_POSTAL(0),
    COMMUNE(100),
    CODE_COMMUNE(0),
    TELEPHONE(30),
    EMAIL(200),
    UAI(0),
    ETABLISSEMENT(200),
    FORMATION(200),
    // niveau and diplome_obtenu are free text too: bounded like their neighbours so that one odd
    // cell cannot bloat the person record.
    NIVEAU(100),
    DATE_ENTREE(0),
    DATE_SORTIE(0),
    MOTIF_SORTIE(200),
    DIPLOME_OBTENU(200),
    RESPONSABLE_LEGAL(200),
    TELEPHONE_RESPONSABLE(30);

    private final int maxLength;

    Column(int maxLength) {
      this.maxLength = maxLength;
    }

    /** Name as written in the canonical header. */
    public String header() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The column of a canonical name ({@code "date_naissance"}, any case), or null. */
    public static Column byHeader(String name) {
      if (name == null) {
        return null;
      }
      String folded = ColumnAliases.fold(name);
      for (Column c : values()) {
        if (ColumnAliases.fold(c.header()).equals(folded)) {
          return c;
        }
      }
      return null;
    }

    /**
     * Whether a list must have the column: "obligatoire", "obligatoire (liste de sortants)", "au
     * moins une des trois" (the place), or "facultative".
     */
    public String requirement() {
      return switch (this) {
        case NOM, PRENOM, DATE_NAISSANCE -> "obligatoire";
        case DATE_SORTIE -> "obligatoire pour une liste de sortants";
        case CODE_COMMUNE, CODE_POSTAL, UAI ->
            "au moins une des trois : code_commune, code_postal, uai";
        default -> "facultative";
      };
    }

    /** What the column holds and how it is written, in French. */
    public String description() {
      return switch (this) {
        case INE -> "Identifiant national élève (INE), 11 caractères.";
        case NOM -> "Nom de famille (100 caractères au plus).";
        case PRENOM -> "Prénom (100 caractères au plus).";
        case SEXE -> "F ou M (ou 2 et 1).";
        case DATE_NAISSANCE, DATE_SORTIE ->
            "Date au format jj/mm/aaaa (ou aaaa-mm-jj), pas dans le futur.";
        case DATE_ENTREE -> "Date au format jj/mm/aaaa (ou aaaa-mm-jj).";
        case ADRESSE -> "Numéro et voie.";
        case CODE_POSTAL -> "5 chiffres, ex. 69003.";
        case COMMUNE -> "Nom de la commune.";
        case CODE_COMMUNE -> "Code INSEE de la commune, 5 caractères, ex. 69123.";
        case TELEPHONE, TELEPHONE_RESPONSABLE -> "Numéro de téléphone, ex. 06 12 34 56 78.";
        case EMAIL -> "Adresse électronique.";
        case UAI -> "Code de l'établissement : 7 chiffres et 1 lettre, ex. 0690001B.";
        case ETABLISSEMENT -> "Nom de l'établissement.";
        case FORMATION -> "Dernière formation suivie.";
        case NIVEAU -> "Dernier niveau atteint, tel que la liste l'écrit (ex. « 2nde pro »).";
        case MOTIF_SORTIE -> "Motif de sortie, en clair.";
        case DIPLOME_OBTENU ->
            "Diplôme obtenu : un CAP, un BEP, un baccalauréat ou plus exclut la ligne.";
        case RESPONSABLE_LEGAL -> "Nom du responsable légal (jeunes mineurs).";
      };
    }

    /** The canonical names, in canonical order. */
    public static List<String> headers() {
      return Arrays.stream(values()).map(Column::header).toList();
    }
  }

  private static final Column[] COLUMNS = Column.values();
  private static final Pattern DIACRITICS = Pattern.compile("\\p{M}+");
  private static final char HASH_SEPARATOR = '\u001F';

  /** Words naming a CAP, a BEP, a baccalauréat or a higher diploma, once folded. */
  private static final Set<String> DIPLOMA_WORDS =
      Set.of(
          "cap",
          "capa",
          "bep",
          "bepa",
          "bac",
          "bacpro",
          "baccalaureat",
          "bp",
          "bpa",
          "bt",
          "bta",
          "bts",
          "btsa",
          "dut",
          "but",
          "deug",
          "deust",
          "daeu",
          "licence",
          "master",
          "mastere",
          "doctorat",
          "ingenieur");

  private static final List<String> DIPLOMA_PHRASES =
      List.of(
          "brevet professionnel",
          "brevet de technicien",
          "brevet d etudes professionnelles",
          "certificat d aptitude professionnelle",
          "diplome universitaire de technologie",
          "mention complementaire");

  /**
   * Words saying the diploma was not obtained ("CAP non obtenu", "échec au bac", "niveau bac", "bac
   * pro en cours"): such a young person still left without a diploma.
   */
  private static final Set<String> NOT_OBTAINED_WORDS =
      Set.of(
          "non",
          "pas",
          "sans",
          "echec",
          "aucun",
          "aucune",
          "neant",
          "abandon",
          "ajourne",
          "ajournee",
          "niveau",
          "cours",
          "preparation",
          "prepare",
          "preparant");

  /** Row warnings listed one by one in the report; the others are counted. */
  static final int ROW_WARNINGS_LISTED = 20;

  /** Unknown or unnamed header columns named one by one; beyond, one warning counts them. */
  static final int HEADER_COLUMNS_LISTED = 20;

  private final ImportKind kind;
  private final LocalDate importDate;
  private final int headerSize;
  private final int[] index = new int[COLUMNS.length];
  private final List<String> warnings;
  private final List<HeaderColumn> headerColumns;
  private final CommuneCheck communes;
  private final List<String> rowWarnings = new ArrayList<>();
  private long rowWarningCount;
  private final MessageDigest sha256;
  private final StringBuilder hashInput = new StringBuilder(512);

  /**
   * A list repeats a handful of diploma spellings ("Aucun", "DNB"…): folding each once saves most
   * of the per-row cost. Bounded so that a column of unique values cannot grow it without limit.
   */
  private final Map<String, Boolean> diplomaVerdicts =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > 256;
        }
      };

  /**
   * A parser with the canonical names and built-in aliases, without checking communes against the
   * official list.
   *
   * @see #LeaverRowParser(List, ImportKind, LocalDate, ColumnAliases, CommuneCheck)
   */
  public LeaverRowParser(List<String> header, ImportKind kind, LocalDate importDate)
      throws UnreadableFileException {
    this(header, kind, importDate, ColumnAliases.builtIn(), CommuneCheck.NONE);
  }

  /**
   * @param header the header as read by {@link ListFile#header()}
   * @param kind the kind of list: {@code date_sortie} is required for {@link ImportKind#LEAVERS}
   * @param importDate the date ages and future dates are judged against
   * @param aliases the header names each column is recognised by
   * @param communes what the official commune list says of a row's place
   * @throws UnreadableFileException a duplicated or a missing required column
   */
  public LeaverRowParser(
      List<String> header,
      ImportKind kind,
      LocalDate importDate,
      ColumnAliases aliases,
      CommuneCheck communes)
      throws UnreadableFileException {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.importDate = Objects.requireNonNull(importDate, "importDate");
    this.communes = Objects.requireNonNull(communes, "communes");
    this.headerSize = header.size();
    Arrays.fill(index, -1);
    Set<String> warned = new LinkedHashSet<>();
    List<Integer> unnamed = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    ColumnAliases.Match[] matched = new ColumnAliases.Match[COLUMNS.length];
    HeaderColumn[] readings = new HeaderColumn[header.size()];
    for (int i = 0; i < header.size(); i++) {
      String written = header.get(i) == null ? "" : header.get(i).replace("\uFEFF", "").strip();
      if (written.isEmpty()) {
        unnamed.add(i + 1);
        readings[i] =
            new HeaderColumn(
                i + 1, "", null, HeaderColumn.Reading.IGNORED, "ignorée : colonne sans nom");
        continue;
      }
      ColumnAliases.Match match = aliases.match(written);
      if (match == null) {
        if (unknown.size() < HEADER_COLUMNS_LISTED) {
          warned.add("Colonne inconnue ignorée : « " + named(written) + " ».");
        }
        unknown.add(written);
        readings[i] =
            new HeaderColumn(
                i + 1, written, null, HeaderColumn.Reading.IGNORED, "ignorée : colonne inconnue");
        continue;
      }
      Column column = match.column();
      int previous = index[column.ordinal()];
      if (previous >= 0) {
        ColumnAliases.Match first = matched[column.ordinal()];
        if (first.reading() == HeaderColumn.Reading.CANONICAL
            && match.reading() == HeaderColumn.Reading.CANONICAL) {
          throw new UnreadableFileException(
              "Colonne en double : « "
                  + column.header()
                  + " » (colonnes "
                  + (previous + 1)
                  + " et "
                  + (i + 1)
                  + "). Gardez-en une seule.");
        }
        // Two headers for one column: the better-ranked is read, the other ignored.
        int kept = match.rank() < first.rank() ? i : previous;
        int dropped = kept == i ? previous : i;
        if (kept == i) {
          index[column.ordinal()] = i;
          matched[column.ordinal()] = match;
          readings[i] = understood(i, written, match);
        }
        String droppedName = dropped == i ? written : readings[dropped].header();
        String keptName = kept == i ? written : readings[kept].header();
        readings[dropped] =
            new HeaderColumn(
                dropped + 1,
                droppedName,
                null,
                HeaderColumn.Reading.IGNORED,
                "ignorée : la colonne "
                    + column.header()
                    + " est lue dans « "
                    + keptName
                    + " » (colonne "
                    + (kept + 1)
                    + ")");
        warned.add(
            "Colonne « "
                + droppedName
                + " » ignorée : la colonne "
                + column.header()
                + " est lue dans « "
                + keptName
                + " ».");
        continue;
      }
      index[column.ordinal()] = i;
      matched[column.ordinal()] = match;
      readings[i] = understood(i, written, match);
    }
    if (unknown.size() > HEADER_COLUMNS_LISTED) {
      // Thousands of unknown columns give one warning, not one each (issue 18).
      warned.removeIf(w -> w.startsWith("Colonne inconnue ignorée : « "));
      warned.add(
          unknown.size()
              + " colonnes inconnues ignorées, dont les "
              + HEADER_COLUMNS_LISTED
              + " premières : "
              + String.join(
                  ", ",
                  unknown.stream()
                      .limit(HEADER_COLUMNS_LISTED)
                      .map(h -> "« " + named(h) + " »")
                      .toList())
              + ".");
    }
    if (!unnamed.isEmpty()) {
      warned.add(
          (unnamed.size() == 1
                  ? "Colonne sans nom ignorée : colonne "
                  : "Colonnes sans nom" + " ignorées : colonnes ")
              + String.join(
                  ", ", unnamed.stream().limit(HEADER_COLUMNS_LISTED).map(String::valueOf).toList())
              + (unnamed.size() > HEADER_COLUMNS_LISTED ? "… (" + unnamed.size() + " en tout)" : "")
              + ".");
    }
    this.headerColumns = listed(readings);
    refuseMissingColumns(unknown);
    this.warnings = List.copyOf(warned);
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime provides SHA-256", e);
    }
  }

  /**
   * The readings of the header as the report keeps them: every column read, every second header of
   * a column, and the first {@value #HEADER_COLUMNS_LISTED} unknown or unnamed ones; the others
   * counted in one last line, so that a file with thousands of columns keeps a short report.
   */
  private static List<HeaderColumn> listed(HeaderColumn[] readings) {
    List<HeaderColumn> kept = new ArrayList<>();
    int ignored = 0;
    int left = 0;
    HeaderColumn firstLeft = null;
    for (HeaderColumn r : readings) {
      boolean unknownOrUnnamed =
          r.reading() == HeaderColumn.Reading.IGNORED
              && r.column() == null
              && (r.explanation().endsWith("colonne inconnue")
                  || r.explanation().endsWith("colonne sans nom"));
      if (unknownOrUnnamed && ignored++ >= HEADER_COLUMNS_LISTED) {
        left++;
        firstLeft = firstLeft == null ? r : firstLeft;
        continue;
      }
      kept.add(r);
    }
    if (left > 0) {
      kept.add(
          new HeaderColumn(
              firstLeft.position(),
              "…",
              null,
              HeaderColumn.Reading.IGNORED,
              "ignorées : " + left + " autres colonnes inconnues ou sans nom, non détaillées"));
    }
    return List.copyOf(kept);
  }

  /** A header as a warning names it: at most 100 characters. */
  private static String named(String header) {
    return header.length() > 100 ? header.substring(0, 100) + "…" : header;
  }

  /** Warnings about the header, in French, e.g. {@code Colonne inconnue ignorée : « xyz ».} */
  public List<String> warnings() {
    return warnings;
  }

  /** How each header cell was understood, in file order. */
  public List<HeaderColumn> headerColumns() {
    return headerColumns;
  }

  /**
   * Warnings about single rows seen so far (a postal code that does not serve the commune), in
   * French with their line numbers: the first {@value #ROW_WARNINGS_LISTED}, then a count.
   */
  public List<String> rowWarnings() {
    if (rowWarningCount <= rowWarnings.size()) {
      return List.copyOf(rowWarnings);
    }
    List<String> all = new ArrayList<>(rowWarnings);
    long more = rowWarningCount - rowWarnings.size();
    all.add(
        "… et "
            + more
            + (more == 1 ? " autre ligne" : " autres lignes")
            + " avec un avertissement.");
    return all;
  }

  private void warnRow(long line, String warning) {
    rowWarningCount++;
    if (rowWarnings.size() < ROW_WARNINGS_LISTED) {
      rowWarnings.add("Ligne " + line + " : " + warning);
    }
  }

  private static HeaderColumn understood(int i, String written, ColumnAliases.Match match) {
    String how =
        switch (match.reading()) {
          case CANONICAL -> "nom de colonne standard";
          case ALIAS -> "en-tête usuel reconnu";
          case SOURCE_ALIAS -> "en-tête ajouté pour cette source";
          case IGNORED -> "ignorée";
        };
    return new HeaderColumn(
        i + 1,
        written,
        match.column().header(),
        match.reading(),
        "lue comme " + match.column().header() + " (" + how + ")");
  }

  /** The fate of one record. */
  public ParsedRow parse(ListRecord record) {
    if (record.error() != null) {
      return ParsedRow.rejected(record.error());
    }
    List<String> fields = record.fields();
    if (fields.size() != headerSize) {
      return ParsedRow.rejected(
          "Nombre de champs incorrect : " + fields.size() + " au lieu de " + headerSize + ".");
    }
    List<String> problems = new ArrayList<>(2);

    LocalDate birthDate = date(fields, Column.DATE_NAISSANCE, "Date de naissance", problems);
    if (birthDate != null && birthDate.plusYears(MIN_AGE).isAfter(importDate)) {
      return ParsedRow.excluded(UNDER_16);
    }
    String diploma = text(fields, Column.DIPLOME_OBTENU);
    if (diploma != null && diplomaVerdicts.computeIfAbsent(diploma, d -> isQualifyingDiploma(d))) {
      return ParsedRow.excluded(DIPLOMA_HOLDER);
    }

    String lastName = name(fields, Column.NOM, "Nom manquant.", "Nom trop long", problems);
    String firstName =
        name(fields, Column.PRENOM, "Prénom manquant.", "Prénom trop long", problems);
    if (raw(fields, Column.DATE_NAISSANCE) == null) {
      problems.add("Date de naissance manquante.");
    }
    if (birthDate != null && birthDate.plusYears(MAX_AGE + 1L).compareTo(importDate) <= 0) {
      problems.add(
          "Date de naissance invraisemblable : plus de " + MAX_AGE + " ans à la date d'import.");
    }
    LocalDate leavingDate = date(fields, Column.DATE_SORTIE, "Date de sortie", problems);
    if (kind == ImportKind.LEAVERS && raw(fields, Column.DATE_SORTIE) == null) {
      problems.add("Date de sortie manquante.");
    }
    if (leavingDate != null && birthDate != null && leavingDate.isBefore(birthDate)) {
      problems.add("Date de sortie antérieure à la date de naissance.");
    }
    LocalDate entryDate = date(fields, Column.DATE_ENTREE, "Date d'entrée", problems);

    String ine = ine(fields, problems);
    String sex = sex(fields, problems);

    // Every problem of the line is reported, not only the first: the place is checked against the
    // official communes whenever its codes are readable, whatever else is wrong.
    int before = problems.size();
    String communeCode = TerritoryCodes.normaliseCommuneCode(raw(fields, Column.CODE_COMMUNE));
    if (communeCode != null && !TerritoryCodes.isCommuneCode(communeCode)) {
      problems.add(
          "Code commune invalide : « "
              + shown(communeCode)
              + " » (code INSEE à 5 caractères attendu, ex. 69123).");
    }
    String postalCode = TerritoryCodes.normalisePostalCode(raw(fields, Column.CODE_POSTAL));
    if (postalCode != null && !TerritoryCodes.isPostalCode(postalCode)) {
      problems.add("Code postal invalide : « " + shown(postalCode) + " » (5 chiffres attendus).");
    }
    String uai = TerritoryCodes.normaliseUai(raw(fields, Column.UAI));
    if (uai != null && !TerritoryCodes.isUai(uai)) {
      problems.add(
          "UAI invalide : « " + shown(uai) + " » (7 chiffres et 1 lettre attendus, ex. 0690001B).");
    }
    if (communeCode == null && postalCode == null && uai == null) {
      problems.add(NO_PLACE);
    }
    CommuneCheck.Verdict place = null;
    if (problems.size() == before) {
      place = communes.check(communeCode, postalCode, text(fields, Column.COMMUNE));
      if (place.outcome() == CommuneCheck.Outcome.EXCLUDED) {
        return ParsedRow.excluded(place.reason());
      }
      if (place.outcome() == CommuneCheck.Outcome.REJECTED) {
        problems.add(place.reason());
      }
    }
    String email = text(fields, Column.EMAIL);
    if (email != null && email.indexOf('@') < 0) {
      problems.add("Adresse e-mail invalide : « @ » manquant.");
    }

    if (!problems.isEmpty()) {
      return ParsedRow.rejected(String.join(" ", problems));
    }
    String address = text(fields, Column.ADRESSE);
    String communeName = text(fields, Column.COMMUNE);
    String phone = text(fields, Column.TELEPHONE);
    String establishmentName = text(fields, Column.ETABLISSEMENT);
    String training = text(fields, Column.FORMATION);
    String level = text(fields, Column.NIVEAU);
    String leavingReason = text(fields, Column.MOTIF_SORTIE);
    String legalGuardian = text(fields, Column.RESPONSABLE_LEGAL);
    String guardianPhone = text(fields, Column.TELEPHONE_RESPONSABLE);

    String rowHash =
        hash(
            ine,
            lower(lastName),
            lower(firstName),
            sex,
            iso(birthDate),
            address,
            postalCode,
            lower(communeName),
            communeCode,
            phone,
            lower(email),
            uai,
            lower(establishmentName),
            training,
            level,
            iso(entryDate),
            iso(leavingDate),
            leavingReason,
            diploma,
            lower(legalGuardian),
            guardianPhone);
    if (place.outcome() == CommuneCheck.Outcome.WARNING) {
      warnRow(record.line(), place.reason());
    }
    // The hash stays that of the file's values: a commune resolved from the postal code routes the
    // case but does not make the row another one.
    String routedCommune = place.communeCode() != null ? place.communeCode() : communeCode;
    return ParsedRow.valid(
        new LeaverRow(
            record.line(),
            ine,
            lastName,
            firstName,
            sex,
            birthDate,
            address,
            postalCode,
            communeName,
            routedCommune,
            phone,
            email,
            uai,
            establishmentName,
            training,
            level,
            entryDate,
            leavingDate,
            leavingReason,
            diploma,
            legalGuardian,
            guardianPhone,
            rowHash));
  }

  // ---- header

  private void refuseMissingColumns(List<String> unknown) throws UnreadableFileException {
    List<String> missing = new ArrayList<>();
    for (Column c : List.of(Column.NOM, Column.PRENOM, Column.DATE_NAISSANCE)) {
      if (index[c.ordinal()] < 0) {
        missing.add(c.header());
      }
    }
    if (kind == ImportKind.LEAVERS && index[Column.DATE_SORTIE.ordinal()] < 0) {
      missing.add(Column.DATE_SORTIE.header());
    }
    boolean noPlace =
        index[Column.CODE_COMMUNE.ordinal()] < 0
            && index[Column.CODE_POSTAL.ordinal()] < 0
            && index[Column.UAI.ordinal()] < 0;
    if (missing.isEmpty() && !noPlace) {
      return;
    }
    StringBuilder message = new StringBuilder();
    if (!missing.isEmpty()) {
      message
          .append(missing.size() == 1 ? "Colonne obligatoire absente : " : "Colonnes obligatoires")
          .append(missing.size() == 1 ? "" : " absentes : ")
          .append(String.join(", ", missing))
          .append('.');
    }
    if (noPlace) {
      if (!message.isEmpty()) {
        message.append(' ');
      }
      message.append(
          "Il faut au moins une des colonnes code_commune, code_postal ou uai pour affecter les"
              + " dossiers.");
    }
    if (!unknown.isEmpty()) {
      message
          .append(" En-têtes du fichier non reconnus : ")
          .append(
              String.join(
                  ", ", unknown.stream().limit(10).map(h -> "« " + shown(h) + " »").toList()))
          .append(
              ". Si l'un d'eux désigne une colonne attendue, ajoutez-le aux en-têtes propres à"
                  + " cette source (page « Imports », ou PUT /api/imports/column-aliases/{source}).");
    }
    throw new UnreadableFileException(message.toString());
  }

  // ---- values

  /** The trimmed value of a column, or null when the column is absent or the value blank. */
  private String raw(List<String> fields, Column column) {
    int i = index[column.ordinal()];
    if (i < 0) {
      return null;
    }
    String v = fields.get(i).strip();
    return v.isEmpty() ? null : v;
  }

  /** Like {@link #raw}, truncated to the column's size. */
  private String text(List<String> fields, Column column) {
    String v = raw(fields, column);
    return column.maxLength > 0 ? truncate(v, column.maxLength) : v;
  }

  private String name(
      List<String> fields, Column column, String missing, String tooLong, List<String> problems) {
    String v = raw(fields, column);
    if (v == null) {
      problems.add(missing);
    } else if (v.length() > NAME_MAX) {
      problems.add(tooLong + " : plus de " + NAME_MAX + " caractères.");
      return null;
    }
    return v;
  }

  private String ine(List<String> fields, List<String> problems) {
    String v = raw(fields, Column.INE);
    if (v == null) {
      return null;
    }
    v = Ine.normalise(v);
    if (!Ine.isValid(v)) {
      problems.add(Ine.INVALID);
      return null;
    }
    return v;
  }

  private String sex(List<String> fields, List<String> problems) {
    String v = raw(fields, Column.SEXE);
    if (v == null) {
      return null;
    }
    switch (v.toUpperCase(Locale.ROOT)) {
      case "M", "1":
        return "M";
      case "F", "2":
        return "F";
      default:
        problems.add("Sexe invalide : M, F, 1 ou 2 attendu.");
        return null;
    }
  }

  /**
   * A date in {@code dd/MM/yyyy} (also {@code d/M/yyyy}) or {@code yyyy-MM-dd}, or null with a
   * problem added when it is unreadable, impossible or in the future. Parsed by hand: it runs three
   * times per row on lists of hundreds of thousands of rows.
   */
  private LocalDate date(List<String> fields, Column column, String label, List<String> problems) {
    String v = raw(fields, column);
    if (v == null) {
      return null;
    }
    int day;
    int month;
    int year;
    int firstSlash = v.indexOf('/');
    if (v.length() == 10 && v.charAt(4) == '-' && v.charAt(7) == '-') {
      year = number(v, 0, 4);
      month = number(v, 5, 7);
      day = number(v, 8, 10);
    } else if (firstSlash > 0) {
      int secondSlash = v.indexOf('/', firstSlash + 1);
      if (secondSlash < 0 || firstSlash > 2 || secondSlash - firstSlash > 3) {
        day = -1;
        month = -1;
        year = -1;
      } else {
        day = number(v, 0, firstSlash);
        month = number(v, firstSlash + 1, secondSlash);
        year = v.length() - secondSlash == 5 ? number(v, secondSlash + 1, v.length()) : -1;
      }
    } else {
      day = -1;
      month = -1;
      year = -1;
    }
    if (day < 0 || month < 0 || year < 0) {
      problems.add(label + " illisible : formats attendus jj/mm/aaaa ou aaaa-mm-jj.");
      return null;
    }
    LocalDate date;
    try {
      date = LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      problems.add(label + " impossible : ce jour n'existe pas.");
      return null;
    }
    // An enrolment list exported in August may carry September entries: only those may be ahead.
    if (date.isAfter(importDate) && column != Column.DATE_ENTREE) {
      problems.add(label + " dans le futur.");
      return null;
    }
    return date;
  }

  /** The decimal number in {@code v[from, to)}, or -1 when it is not only digits. */
  private static int number(String v, int from, int to) {
    if (from >= to) {
      return -1;
    }
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = v.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }

  /**
   * True when {@code diploma} names a CAP, a BEP, a baccalauréat (general, technological,
   * professional, BP, BT…) or a higher diploma, and does not say it was not obtained. The DNB
   * (brevet des collèges) and the CFG do not count (docs/specification.md §2 Detection).
   */
  static boolean isQualifyingDiploma(String diploma) {
    if (diploma == null || diploma.isBlank()) {
      return false;
    }
    String folded = " " + fold(diploma).replaceAll("[^a-z0-9]+", " ").strip() + " ";
    boolean named = false;
    for (String word : folded.strip().split(" ")) {
      if (NOT_OBTAINED_WORDS.contains(word)) {
        return false;
      }
      named |= DIPLOMA_WORDS.contains(word);
    }
    if (named) {
      return true;
    }
    for (String phrase : DIPLOMA_PHRASES) {
      if (folded.contains(" " + phrase + " ")) {
        return true;
      }
    }
    return false;
  }

  // ---- hash

  /**
   * Hex SHA-256 of the values joined with U+001F (a control character no cell holds), after the
   * same normalisation as the stored row, NFC so that a decomposed "é" equals a composed one.
   */
  private String hash(String... values) {
    hashInput.setLength(0);
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        hashInput.append(HASH_SEPARATOR);
      }
      String v = values[i];
      if (v != null) {
        hashInput.append(
            Normalizer.isNormalized(v, Normalizer.Form.NFC)
                ? v
                : Normalizer.normalize(v, Normalizer.Form.NFC));
      }
    }
    sha256.reset();
    byte[] digest = sha256.digest(hashInput.toString().getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest);
  }

  private static String lower(String v) {
    return v == null ? null : v.toLowerCase(Locale.ROOT);
  }

  private static String iso(LocalDate d) {
    return d == null ? null : d.toString();
  }

  // ---- helpers

  private static String fold(String s) {
    String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
    return DIACRITICS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
  }

  private static String truncate(String v, int max) {
    if (v == null || v.length() <= max) {
      return v;
    }
    // Never cut a character outside the BMP in half.
    int end = Character.isHighSurrogate(v.charAt(max - 1)) ? max - 1 : max;
    return v.substring(0, end).stripTrailing();
  }

  /** A code as shown in a reason: codes are not personal data, but a wrong column might be. */
  private static String shown(String v) {
    return v.length() > 20 ? v.substring(0, 20) + "…" : v;
  }
}
