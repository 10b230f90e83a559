package fr.raccroche.detection.tools;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * Writes synthetic, realistic leaver lists as the source systems send them, for tests, demos and
 * benchmarks. Everything is fictitious: first and last names are drawn independently from lists of
 * common French names, places and establishments belong to the demo département 69 (plus a few
 * places outside any perimeter).
 *
 * <p>Deterministic: the same options (seed, reference date included) give the same bytes. Each row
 * draws from its own random stream seeded by (seed, row index), so the file is written as it goes
 * (memory does not depend on the number of rows) and row {@code i} does not depend on the others.
 *
 * <p><b>Overlap between sources.</b> For row {@code i}, a draw that depends only on (seed, i)
 * decides whether the row describes a "shared" person; a shared person is built from (seed, i)
 * alone, any other person from (seed, i, source). So two files generated with the same seed and
 * different sources describe the same people (same names, birth date, INE when both carry one) on
 * about {@code overlapShare} of their rows, at the same indices; the source-specific parts
 * (establishment, training, dates of the episode, how names are written) still differ, as they do
 * between real systems. With two different overlap shares the smaller one is shared.
 *
 * <p>The share of special rows is exact per row category, so that a test can check the parser's
 * counts against {@link Summary}: under-16 people (excluded), diploma holders (excluded) and
 * defective rows (rejected) are exclusive; formula-looking values, multi-line addresses and places
 * outside the département are valid rows.
 *
 * <p>Command line (after {@code mvn test-compile}, no dependency needed):
 *
 * <pre>
 * java -cp target/test-classes fr.raccroche.detection.tools.LeaverFileGenerator \
 *   --rows 250000 --seed 42 --out /tmp/en.csv [--source EN|AGRICULTURE|CFA|MISSION_LOCALE] \
 *   [--bad-share 0.02] [--overlap-share 0.1] [--encoding UTF-8|windows-1252] [--delimiter ;|,] \
 *   [--today 2025-06-30] [--bom] [--crlf] [--variant standard|shared-names]
 * </pre>
 */
public final class LeaverFileGenerator {

  /** The source systems this generator imitates; each writes its own header and habits. */
  public enum Source {
    EN,
    AGRICULTURE,
    CFA,
    MISSION_LOCALE
  }

  /**
   * The population a file describes. {@code STANDARD}: names drawn from long lists, INE on most
   * rows, every establishment registered in the demo département. {@code SHARED_NAMES}, a file
   * unlike the usual one (issue #17): names from a small pool (35 last names, 15 female and 15 male
   * first names), so that many people share names and birth dates; 20 % of rows without INE
   * whatever the source; every row naming an establishment the département has not registered
   * (valid UAI codes of no known establishment); places outside every perimeter as in {@code
   * STANDARD}.
   */
  public enum Variant {
    STANDARD,
    SHARED_NAMES
  }

  /**
   * Generation options.
   *
   * @param today reference date: ages and leaving dates are computed from it, so fix it for
   *     byte-identical files on different days
   * @param crlf Windows line endings (as Excel writes them)
   */
  public record Options(
      int rows,
      long seed,
      Source source,
      double badShare,
      double overlapShare,
      Charset encoding,
      char delimiter,
      LocalDate today,
      boolean bom,
      boolean crlf,
      Variant variant) {

    public Options(
        int rows,
        long seed,
        Source source,
        double badShare,
        double overlapShare,
        Charset encoding,
        char delimiter,
        LocalDate today,
        boolean bom,
        boolean crlf) {
      this(
          rows,
          seed,
          source,
          badShare,
          overlapShare,
          encoding,
          delimiter,
          today,
          bom,
          crlf,
          Variant.STANDARD);
    }

    public Options {
      if (rows < 0) {
        throw new IllegalArgumentException("rows < 0");
      }
      if (badShare < 0 || badShare > 1 || overlapShare < 0 || overlapShare > 1) {
        throw new IllegalArgumentException("shares are between 0 and 1");
      }
      if (delimiter != ';' && delimiter != ',') {
        throw new IllegalArgumentException("delimiter is ';' or ','");
      }
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(encoding, "encoding");
      Objects.requireNonNull(today, "today");
      Objects.requireNonNull(variant, "variant");
    }

    /** EN, 2 % bad rows, 10 % overlap, UTF-8 without BOM, ';', LF, today. */
    public static Options of(int rows, long seed) {
      return new Options(
          rows,
          seed,
          Source.EN,
          0.02,
          0.1,
          StandardCharsets.UTF_8,
          ';',
          LocalDate.now(),
          false,
          false);
    }

    public Options withSource(Source s) {
      return new Options(
          rows, seed, s, badShare, overlapShare, encoding, delimiter, today, bom, crlf, variant);
    }

    public Options withBadShare(double share) {
      return new Options(
          rows, seed, source, share, overlapShare, encoding, delimiter, today, bom, crlf, variant);
    }

    public Options withOverlapShare(double share) {
      return new Options(
          rows, seed, source, badShare, share, encoding, delimiter, today, bom, crlf, variant);
    }

    public Options withEncoding(Charset e) {
      return new Options(
          rows, seed, source, badShare, overlapShare, e, delimiter, today, bom, crlf, variant);
    }

    public Options withDelimiter(char d) {
      return new Options(
          rows, seed, source, badShare, overlapShare, encoding, d, today, bom, crlf, variant);
    }

    public Options withToday(LocalDate d) {
      return new Options(
          rows, seed, source, badShare, overlapShare, encoding, delimiter, d, bom, crlf, variant);
    }

    public Options withBom(boolean b) {
      return new Options(
          rows, seed, source, badShare, overlapShare, encoding, delimiter, today, b, crlf, variant);
    }

    /** The same options with the other population (see {@link Variant}). */
    public Options withVariant(Variant v) {
      return new Options(
          rows, seed, source, badShare, overlapShare, encoding, delimiter, today, bom, crlf, v);
    }

    public Options withCrlf(boolean c) {
      return new Options(
          rows, seed, source, badShare, overlapShare, encoding, delimiter, today, bom, c, variant);
    }
  }

  /**
   * What was written, by category: {@code valid + bad + underage + diplomaHolders == rows}.
   *
   * @param bad rows with one defect, each rejected by the parser
   * @param underage people under 16 on {@code today}, excluded
   * @param diplomaHolders rows naming a CAP or higher, excluded
   * @param shared rows describing a person shared with the other sources (see the class comment)
   * @param formulas valid rows holding a formula-looking value
   * @param multiLine valid rows whose address spans two lines
   * @param outside valid rows placed outside the département
   */
  public record Summary(
      long rows,
      long valid,
      long bad,
      long underage,
      long diplomaHolders,
      long shared,
      long formulas,
      long multiLine,
      long outside,
      long bytes) {}

  /** Kinds of defect of a bad row; each one is a reason to reject it. */
  enum Defect {
    IMPOSSIBLE_DATE,
    UNREADABLE_DATE,
    FUTURE_DATE,
    LEAVING_BEFORE_BIRTH,
    BAD_INE,
    MISSING_LAST_NAME,
    MISSING_FIRST_NAME,
    LONG_NAME,
    BAD_SEX,
    NO_PLACE,
    BAD_POSTAL_CODE,
    BAD_EMAIL,
    STRAY_QUOTE
  }

  // ---- fictitious data

  private static final String[] FEMALE =
      split(
          "Léa Chloé Inès Maëlys Zoé Anaïs Océane Clémence Héloïse Noémie Maëlle Jade Louise Emma"
              + " Manon Camille Sarah Yasmine Aïcha Fatoumata Mélissa Lina Éloïse Justine Jeanne"
              + " Romane Ambre Célia Margaux Marie-Ève Anne-Sophie Naïma Gwenaëlle Solène Énora"
              + " Kenza Mathilde Pauline Amandine Lou-Anne Nour Maïwenn Cloé Agathe Capucine");
  private static final String[] MALE =
      split(
          "Lucas Théo Hugo Enzo Mathéo Nathan Noah Rayan Yanis Mohamed Adam Louis Gabriel Jérémy"
              + " Kévin Maxime Anthony Dylan Clément Raphaël Timothée Jean-Baptiste Benoît Loïc"
              + " Gaëtan Joël Noé Bastien Quentin Ethan Ibrahim Mamadou Jules Arthur Killian Évan"
              + " Aurélien Jean-Noël François Anis Ismaël Célestin Titouan Mathis Sacha Younès");
  private static final String[] LAST =
      split(
          "Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent"
              + " Lefèvre Michel Garcia David Bertrand Roux Vincent Fournier Morel Girard André"
              + " Lefebvre Mercier Dupont Lambert Bonnet François Martinez N'Diaye D'Almeida"
              + " Le_Goff Saint-Martin Ben_Salah Gauthier Périer Chevalier Faure Rousseau Blanc"
              + " Guérin Muller Hénault Lemaître Besnard Nguyen Diallo Traoré Da_Silva Gonçalves"
              + " Ferreira Haddad Boucher Côté Perrin Mathieu Gaillard Brunet Roussel Noël Giraud"
              + " Barbier Aubert Caron Masson Dumont Marchand Duval Denis Dumas Brun Schmitt Colin"
              + " Vidal Lemoine Renaud Joly Rolland Roche Bailly Hervé Huet Besson Carpentier"
              + " Leclercq Deschamps Jacquet Prévost Fleury Germain L'Hôte D'Angelo Le_Gall"
              + " Benhamou Chérif Ouédraogo Kaya Lebœuf Bénard Jégou Pélissier Séguin Thévenet");
  private static final String[] STREETS = {
    "rue Victor Hugo",
    "avenue Jean Jaurès",
    "rue de la République",
    "boulevard des Belges",
    "rue Paul Bert",
    "chemin des Vignes",
    "allée des Tilleuls",
    "rue Émile Zola",
    "impasse des Lilas",
    "rue Garibaldi",
    "cours Lafayette",
    "rue de l'Église",
    "route de Lyon",
    "rue Édouard Herriot",
    "quai Saint-Vincent",
    "montée de la Grande-Côte",
    "place du Marché",
    "rue des Canuts"
  };
  private static final String[] BUILDINGS = {
    "Bâtiment B", "Résidence Les Tilleuls", "Appartement 12", "Escalier C", "Chez M. et Mme Roux"
  };

  /** Commune code, postal code, name; the last three are outside the demo perimeters. */
  private static final String[][] PLACES = {
    {"69381", "69001", "Lyon"},
    {"69382", "69002", "Lyon"},
    {"69383", "69003", "Lyon"},
    {"69384", "69004", "Lyon"},
    {"69385", "69005", "Lyon"},
    {"69386", "69006", "Lyon"},
    {"69387", "69007", "Lyon"},
    {"69388", "69008", "Lyon"},
    {"69389", "69009", "Lyon"},
    {"69266", "69100", "Villeurbanne"},
    {"69266", "69100", "Villeurbanne"},
    {"69259", "69200", "Vénissieux"},
    {"69029", "69500", "Bron"},
    {"69264", "69400", "Villefranche-sur-Saône"},
    {"69243", "69170", "Tarare"},
  };

  private static final String[][] OUTSIDE = {
    {"75056", "75001", "Paris"}, {"38185", "38000", "Grenoble"}, {"42218", "42000", "Saint-Étienne"}
  };

  /** UAI and name of the fictitious establishments, by source. */
  private static final String[][] EN_SCHOOLS = {
    {"0690001B", "Lycée professionnel des Canuts"},
    {"0690002C", "Lycée polyvalent de la Croix-Rousse"},
    {"0690003D", "Lycée professionnel du Rhône"},
    {"0690004E", "Collège des Pentes"},
    {"0690005F", "Lycée des métiers de la Saône"},
    {"0690006G", "Lycée professionnel Beaujolais-Azergues"},
  };

  private static final String[][] AGRI_SCHOOLS = {
    {"0690007H", "Lycée agricole des Monts du Lyonnais"},
    {"0690008J", "Lycée horticole du Val de Saône"},
    {"0690009K", "MFR des Coteaux"},
  };
  private static final String[][] CFA_SCHOOLS = {
    {"0690010L", "CFA des métiers de bouche"},
    {"0690011M", "CFA du bâtiment Rhône"},
    {"0690012N", "CFA interprofessionnel de Villefranche"},
  };
  private static final String[] EN_TRAININGS = {
    "2nde pro Métiers de la relation client",
    "1re pro Commerce",
    "CAP Électricien",
    "2nde générale et technologique",
    "Terminale STMG",
    "CAP Maçon",
    "Bac pro Systèmes numériques",
    "3e prépa-métiers"
  };
  private static final String[] EN_LEVELS = {
    "Seconde", "Première", "Terminale", "CAP 1re année", "CAP 2e année", "3e"
  };
  private static final String[] AGRI_TRAININGS = {
    "CAPa Jardinier paysagiste",
    "Bac pro CGEA",
    "2nde pro Productions",
    "CAPa Services aux personnes",
    "Bac pro Aménagements paysagers"
  };
  private static final String[] CFA_TRAININGS = {
    "CAP Cuisine (apprentissage)",
    "CAP Boulanger",
    "CAP Coiffure",
    "Bac pro Maintenance des véhicules",
    "BP Boucher",
    "CAP Installateur thermique"
  };
  private static final String[] MOTIFS = {
    "Abandon en cours d'année",
    "Déménagement",
    "Non-affecté après l'orientation",
    "Exclusion définitive",
    "Absentéisme",
    "Raisons de santé",
    "Sans nouvelles"
  };
  private static final String CFA_MOTIF = "Rupture du contrat d'apprentissage";
  private static final String[] NO_DIPLOMA = {
    "", "", "", "", "", "", "Aucun", "Néant", "DNB", "Brevet des collèges", "CFG", "CAP non obtenu"
  };
  private static final String[] DIPLOMAS = {
    "CAP Cuisine",
    "BEP Vente",
    "Bac pro Commerce",
    "BTS MCO",
    "Baccalauréat général",
    "CAPa Jardinier paysagiste",
    "Brevet professionnel Coiffure"
  };
  private static final String[] FORMULAS = {
    "=HYPERLINK(\"http://exemple.invalid\";\"cliquer\")", "@SOMME(A1:A9)", "-2+3", "+1-1"
  };

  /** The canonical column order, as the product spells it. */
  private static final List<String> CANONICAL =
      List.of(
          "ine",
          "nom",
          "prenom",
          "sexe",
          "date_naissance",
          "adresse",
          "code_postal",
          "commune",
          "code_commune",
          "telephone",
          "email",
          "uai",
          "etablissement",
          "formation",
          "niveau",
          "date_entree",
          "date_sortie",
          "motif_sortie",
          "diplome_obtenu",
          "responsable_legal",
          "telephone_responsable");

  /** {@link Variant#SHARED_NAMES}: first names drawn among the first 15 of each list. */
  private static final int SHARED_FIRST_NAMES = 15;

  /** {@link Variant#SHARED_NAMES}: last names drawn among the first 35 of the list. */
  private static final int SHARED_LAST_NAMES = 35;

  /** {@link Variant#SHARED_NAMES}: that many establishments nobody registered. */
  private static final int UNREGISTERED_SCHOOLS = 40;

  private static final double SHARE_UNDERAGE = 0.01;
  private static final double SHARE_DIPLOMA = 0.015;
  private static final double SHARE_FORMULA = 0.005;
  private static final double SHARE_MULTILINE = 0.005;
  private static final double SHARE_OUTSIDE = 0.02;

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  private static final long SALT_SHARED = 0x5EED_0001L;
  private static final long SALT_ROW = 0x5EED_0002L;

  private LeaverFileGenerator() {}

  /** Writes {@code o.rows()} rows to {@code out}, streaming. */
  public static Summary generate(Path out, Options o) throws IOException {
    Counts counts = new Counts();
    try (OutputStream bytes = Files.newOutputStream(out);
        Writer writer =
            new BufferedWriter(
                new OutputStreamWriter(
                    bytes,
                    o.encoding()
                        .newEncoder()
                        // A name the target encoding cannot hold is a bug of the lists above.
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)),
                1 << 16)) {
      if (o.bom()) {
        writer.write('\uFEFF');
      }
      String eol = o.crlf() ? "\r\n" : "\n";
      List<String> columns = columns(o.source());
      StringBuilder line = new StringBuilder(512);
      for (int i = 0; i < columns.size(); i++) {
        if (i > 0) {
          line.append(o.delimiter());
        }
        line.append(headerName(o.source(), columns.get(i)));
      }
      writer.append(line).append(eol);
      String[] values = new String[CANONICAL.size()];
      int[] positions = columns.stream().mapToInt(CANONICAL::indexOf).toArray();
      for (int i = 0; i < o.rows(); i++) {
        line.setLength(0);
        row(o, i, values, counts);
        for (int c = 0; c < columns.size(); c++) {
          if (c > 0) {
            line.append(o.delimiter());
          }
          String value = values[positions[c]];
          if (positions[c] == counts.strayQuoteIn) {
            line.append(value); // written as is: this is the defect
          } else {
            appendQuoted(line, value, o.delimiter());
          }
        }
        counts.strayQuoteIn = -1;
        writer.append(line).append(eol);
      }
    }
    return new Summary(
        o.rows(),
        o.rows() - counts.bad - counts.underage - counts.diplomas,
        counts.bad,
        counts.underage,
        counts.diplomas,
        counts.shared,
        counts.formulas,
        counts.multiLine,
        counts.outside,
        Files.size(out));
  }

  private static final class Counts {
    long bad;
    long underage;
    long diplomas;
    long shared;
    long formulas;
    long multiLine;
    long outside;

    /** Canonical position of the value to write without quoting, or -1. */
    int strayQuoteIn = -1;
  }

  // ---- one row

  private static void row(Options o, int index, String[] v, Counts counts) {
    Arrays.fill(v, "");
    Source source = o.source();
    LocalDate today = o.today();
    boolean shared =
        new SplittableRandom(mix(o.seed(), index, SALT_SHARED)).nextDouble() < o.overlapShare();
    SplittableRandom person =
        new SplittableRandom(
            shared
                ? mix(o.seed(), index, SALT_SHARED + 1)
                : mix(o.seed(), index, SALT_SHARED + 2 + source.ordinal()));
    SplittableRandom r = new SplittableRandom(mix(o.seed(), index, SALT_ROW + source.ordinal()));
    if (shared) {
      counts.shared++;
    }

    // The person: the same for every source when shared.
    boolean crowd = o.variant() == Variant.SHARED_NAMES;
    boolean female = person.nextBoolean();
    String first =
        crowd
            ? (female ? FEMALE : MALE)[person.nextInt(SHARED_FIRST_NAMES)]
            : pick(person, female ? FEMALE : MALE);
    String last =
        (crowd ? LAST[person.nextInt(SHARED_LAST_NAMES)] : pick(person, LAST)).replace('_', ' ');
    if (!crowd && person.nextDouble() < 0.08) {
      last = last + "-" + pick(person, LAST).replace('_', ' ');
    }
    boolean underage = person.nextDouble() < SHARE_UNDERAGE;
    int ageDays =
        underage
            ? 14 * 366 + person.nextInt(2 * 365 - 20)
            : 16 * 366 + 1 + person.nextInt(9 * 365 - 30);
    LocalDate birth = today.minusDays(ageDays);
    String ine = ine(person);
    String[] place =
        person.nextDouble() < SHARE_OUTSIDE ? pick(person, OUTSIDE) : pick(person, PLACES);
    boolean outside = !place[0].startsWith("69");
    String street = (1 + person.nextInt(180)) + " " + pick(person, STREETS);
    String phone = phone(person);
    boolean hasEmail = person.nextDouble() < 0.4;
    String email =
        (ascii(first) + "." + ascii(last)).replace(' ', '-')
            + (person.nextBoolean() ? "@example.org" : "@example.net");
    boolean hasGuardian = person.nextDouble() < 0.5;
    String guardian =
        (person.nextBoolean() ? "Mme " + pick(person, FEMALE) : "M. " + pick(person, MALE))
            + " "
            + last;
    String guardianPhone = phone(person);

    // What this source knows and how it writes it.
    double ineShare =
        crowd
            ? 0.8
            : switch (source) {
              case EN -> 0.97;
              case AGRICULTURE -> 0.9;
              case CFA -> 0.8;
              case MISSION_LOCALE -> 0.2;
            };
    v[0] = r.nextDouble() < ineShare ? ine : "";
    v[1] = source == Source.MISSION_LOCALE ? last.toUpperCase(Locale.ROOT) : last;
    v[2] = source == Source.CFA && r.nextDouble() < 0.3 ? ascii(first) : first;
    v[3] =
        switch (source) {
          case AGRICULTURE -> female ? "2" : "1";
          case CFA -> female ? "f" : "m";
          case MISSION_LOCALE -> r.nextDouble() < 0.1 ? "" : female ? "F" : "M";
          case EN -> female ? "F" : "M";
        };
    v[5] = street;
    v[6] = place[1];
    v[7] = place[2];
    v[8] = place[0];
    v[9] = r.nextDouble() < 0.85 ? phone : "";
    v[10] = hasEmail ? email : "";
    String[][] schools =
        switch (source) {
          case EN -> EN_SCHOOLS;
          case AGRICULTURE -> AGRI_SCHOOLS;
          case CFA -> CFA_SCHOOLS;
          case MISSION_LOCALE -> null;
        };
    if (schools != null) {
      String[] school = crowd ? unregisteredSchool(r) : pick(r, schools);
      v[11] = school[0];
      v[12] = school[1];
      v[13] =
          pick(
              r,
              switch (source) {
                case AGRICULTURE -> AGRI_TRAININGS;
                case CFA -> CFA_TRAININGS;
                default -> EN_TRAININGS;
              });
      v[14] = pick(r, EN_LEVELS);
    }
    LocalDate leaving =
        underage ? today.minusDays(10 + r.nextInt(150)) : today.minusDays(10 + r.nextInt(700));
    if (leaving.isBefore(birth.plusYears(15))) {
      leaving = birth.plusYears(15).plusDays(r.nextInt(60));
    }
    if (leaving.isAfter(today)) {
      leaving = today;
    }
    LocalDate entry = LocalDate.of(leaving.getYear() - 1 - r.nextInt(2), 9, 1 + r.nextInt(6));
    v[15] = date(source, entry, r);
    v[16] = date(source, leaving, r);
    v[17] = source == Source.CFA && r.nextBoolean() ? CFA_MOTIF : pick(r, MOTIFS);
    v[18] = pick(r, NO_DIPLOMA);
    v[19] = hasGuardian ? guardian : "";
    v[20] = hasGuardian ? guardianPhone : "";
    v[4] = date(source, birth, r);

    if (underage) {
      counts.underage++;
      return;
    }
    if (r.nextDouble() < o.badShare()) {
      counts.bad++;
      defect(pick(r, Defect.values()), v, source, birth, today, counts);
      return;
    }
    if (r.nextDouble() < SHARE_DIPLOMA) {
      counts.diplomas++;
      v[18] = pick(r, DIPLOMAS);
      return;
    }
    if (outside) {
      counts.outside++;
    }
    if (r.nextDouble() < SHARE_FORMULA) {
      counts.formulas++;
      v[17] = pick(r, FORMULAS);
    } else if (r.nextDouble() < SHARE_MULTILINE) {
      counts.multiLine++;
      v[5] = pick(r, BUILDINGS) + "\n" + street;
    }
  }

  private static void defect(
      Defect d, String[] v, Source source, LocalDate birth, LocalDate today, Counts counts) {
    switch (d) {
      case IMPOSSIBLE_DATE -> v[4] = "31/02/" + birth.getYear();
      case UNREADABLE_DATE -> v[4] = birth.getYear() + "/" + birth.getMonthValue();
      case FUTURE_DATE -> v[16] = date(source, today.plusMonths(3), null);
      case LEAVING_BEFORE_BIRTH -> v[16] = date(source, birth.minusYears(1), null);
      case BAD_INE -> v[0] = "12345678901";
      case MISSING_LAST_NAME -> v[1] = "";
      case MISSING_FIRST_NAME -> v[2] = " ";
      case LONG_NAME -> v[1] = "Dupont-".repeat(43);
      case BAD_SEX -> v[3] = "X";
      case NO_PLACE -> {
        v[6] = "";
        v[8] = "";
        v[11] = "";
      }
      case BAD_POSTAL_CODE -> v[6] = "69OO1";
      case BAD_EMAIL -> v[10] = "sans-arobase.example.org";
      case STRAY_QUOTE -> {
        // An opening quote nobody closes, as a hand-edited cell leaves it.
        v[1] = "\"" + v[1];
        counts.strayQuoteIn = 1;
      }
    }
  }

  // ---- formats

  private static List<String> columns(Source source) {
    return switch (source) {
      case EN, AGRICULTURE -> CANONICAL;
      case CFA ->
          List.of(
              "nom",
              "prenom",
              "date_naissance",
              "sexe",
              "ine",
              "code_postal",
              "commune",
              "code_commune",
              "adresse",
              "telephone",
              "email",
              "uai",
              "etablissement",
              "formation",
              "niveau",
              "date_entree",
              "date_sortie",
              "motif_sortie",
              "diplome_obtenu",
              "responsable_legal",
              "telephone_responsable");
      case MISSION_LOCALE ->
          List.of(
              "nom",
              "prenom",
              "sexe",
              "date_naissance",
              "ine",
              "adresse",
              "code_postal",
              "commune",
              "code_commune",
              "telephone",
              "email",
              "uai",
              "date_sortie",
              "motif_sortie",
              "diplome_obtenu",
              "responsable_legal",
              "telephone_responsable");
    };
  }

  /** Agricultural education writes a spreadsheet-style header: capitals, accents, spaces. */
  private static String headerName(Source source, String canonical) {
    if (source != Source.AGRICULTURE) {
      return canonical;
    }
    return switch (canonical) {
      case "ine" -> "INE";
      case "prenom" -> "Prénom";
      case "date_naissance" -> "Date naissance";
      case "telephone" -> "Téléphone";
      case "etablissement" -> "Établissement";
      case "date_entree" -> "Date entrée";
      case "diplome_obtenu" -> "Diplôme obtenu";
      case "responsable_legal" -> "Responsable légal";
      case "telephone_responsable" -> "Téléphone responsable";
      default -> {
        String spaced = canonical.replace('_', ' ');
        yield Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
      }
    };
  }

  private static String date(Source source, LocalDate d, SplittableRandom r) {
    // Formatted by hand: DateTimeFormatter and String.format dominate the time of a large file.
    StringBuilder s = new StringBuilder(10);
    if (source == Source.AGRICULTURE) {
      s.append(d.getYear()).append('-');
      twoDigits(s, d.getMonthValue()).append('-');
      return twoDigits(s, d.getDayOfMonth()).toString();
    }
    if (source == Source.CFA && r != null && r.nextBoolean()) {
      return s.append(d.getDayOfMonth())
          .append('/')
          .append(d.getMonthValue())
          .append('/')
          .append(d.getYear())
          .toString();
    }
    twoDigits(s, d.getDayOfMonth()).append('/');
    twoDigits(s, d.getMonthValue()).append('/');
    return s.append(d.getYear()).toString();
  }

  private static StringBuilder twoDigits(StringBuilder s, int n) {
    return s.append((char) ('0' + n / 10)).append((char) ('0' + n % 10));
  }

  private static String ine(SplittableRandom r) {
    StringBuilder s = new StringBuilder(11);
    boolean twoLetters = r.nextDouble() < 0.2;
    int digits = twoLetters ? 9 : 10;
    for (int i = 0; i < digits; i++) {
      s.append((char) ('0' + r.nextInt(10)));
    }
    s.append((char) ('A' + r.nextInt(26)));
    if (twoLetters) {
      s.append((char) ('A' + r.nextInt(26)));
    }
    return s.toString();
  }

  private static String phone(SplittableRandom r) {
    int style = r.nextInt(10);
    // Starts with '+' one time in ten: looks like a formula to a spreadsheet, is a valid number.
    StringBuilder s = new StringBuilder(17).append(style == 9 ? "+33 " : "0");
    s.append(r.nextBoolean() ? '6' : '7');
    for (int i = 0; i < 4; i++) {
      if (style < 6 || style == 9) {
        s.append(' ');
      }
      twoDigits(s, r.nextInt(100));
    }
    return s.toString();
  }

  /** RFC 4180: quote a value holding the delimiter, a quote or a line break. */
  private static void appendQuoted(StringBuilder line, String value, char delimiter) {
    boolean quote = false;
    for (int i = 0; i < value.length() && !quote; i++) {
      char c = value.charAt(i);
      quote = c == delimiter || c == '"' || c == '\n' || c == '\r';
    }
    if (!quote) {
      line.append(value);
      return;
    }
    line.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"') {
        line.append('"');
      }
      line.append(c);
    }
    line.append('"');
  }

  private static String ascii(String s) {
    return MARKS
        .matcher(Normalizer.normalize(s, Normalizer.Form.NFD))
        .replaceAll("")
        .replace("œ", "oe")
        .replace("'", "")
        .toLowerCase(Locale.ROOT);
  }

  /**
   * A school of the département that the demo never registered: UAI {@code 06990nnX} (the demo's
   * establishments are {@code 069000nnX}), private or not entered yet, as real lists have.
   */
  private static String[] unregisteredSchool(SplittableRandom r) {
    int n = r.nextInt(UNREGISTERED_SCHOOLS);
    String uai = String.format(Locale.ROOT, "06990%02d%c", n, (char) ('A' + n % 23));
    String name =
        switch (n % 4) {
          case 0 -> "Collège privé Saint-Exupéry n° " + n;
          case 1 -> "Lycée privé Notre-Dame n° " + n;
          case 2 -> "Collège du Plateau n° " + n;
          default -> "Institut professionnel de la Vallée n° " + n;
        };
    return new String[] {uai, name};
  }

  private static <T> T pick(SplittableRandom r, T[] values) {
    return values[r.nextInt(values.length)];
  }

  private static String[] split(String names) {
    return names.split(" ");
  }

  /** SplitMix64 finaliser over the parts: independent streams for (seed, index, salt). */
  static long mix(long seed, long index, long salt) {
    long h = seed * 0x9E3779B97F4A7C15L + index;
    h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L + salt;
    h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
    return h ^ (h >>> 31);
  }

  // ---- command line

  /** See the class comment for the arguments. */
  public static void main(String[] args) throws IOException {
    Integer rows = null;
    Long seed = null;
    Path out = null;
    Options base = Options.of(0, 0);
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--bom" -> base = base.withBom(true);
        case "--crlf" -> base = base.withCrlf(true);
        case "--help", "-h" -> {
          usage(null);
          return;
        }
        default -> {
          if (i + 1 >= args.length) {
            usage("Valeur manquante après " + arg);
            System.exit(2);
          }
          String value = args[++i];
          switch (arg) {
            case "--rows" -> rows = Integer.parseInt(value.replace("_", ""));
            case "--seed" -> seed = Long.parseLong(value);
            case "--out" -> out = Path.of(value);
            case "--source" ->
                base = base.withSource(Source.valueOf(value.toUpperCase(Locale.ROOT)));
            case "--bad-share" -> base = base.withBadShare(Double.parseDouble(value));
            case "--overlap-share" -> base = base.withOverlapShare(Double.parseDouble(value));
            case "--encoding" -> {
              Charset charset = Charset.forName(value);
              base = base.withEncoding(charset);
              // Windows-1252 files come from Excel, which ends lines with CRLF.
              if (!charset.equals(StandardCharsets.UTF_8)) {
                base = base.withCrlf(true);
              }
            }
            case "--delimiter" -> base = base.withDelimiter(value.charAt(0));
            case "--today" -> base = base.withToday(LocalDate.parse(value));
            case "--variant" ->
                base =
                    base.withVariant(
                        Variant.valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_')));
            default -> {
              usage("Option inconnue : " + arg);
              System.exit(2);
            }
          }
        }
      }
    }
    if (rows == null || seed == null || out == null) {
      usage("--rows, --seed et --out sont obligatoires.");
      System.exit(2);
    }
    Options o =
        new Options(
            rows,
            seed,
            base.source(),
            base.badShare(),
            base.overlapShare(),
            base.encoding(),
            base.delimiter(),
            base.today(),
            base.bom(),
            base.crlf(),
            base.variant());
    long start = System.nanoTime();
    Summary s = generate(out, o);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "%d lignes écrites dans %s (%.1f Mo, %s, %s) en %.2f s : %d valides, %d défectueuses,"
            + " %d moins de 16 ans, %d diplômés, %d personnes partagées entre sources.%n",
        s.rows(),
        out,
        s.bytes() / 1e6,
        o.encoding().name(),
        o.source(),
        seconds,
        s.valid(),
        s.bad(),
        s.underage(),
        s.diplomaHolders(),
        s.shared());
  }

  private static void usage(String error) {
    if (error != null) {
      System.err.println(error);
    }
    System.err.println(
        "Usage : LeaverFileGenerator --rows N --seed S --out fichier.csv"
            + " [--source EN|AGRICULTURE|CFA|MISSION_LOCALE] [--bad-share 0.02]"
            + " [--overlap-share 0.1] [--encoding UTF-8|windows-1252] [--delimiter ;|,]"
            + " [--today aaaa-mm-jj] [--bom] [--crlf] [--variant standard|shared-names]");
  }
}
