package fr.raccroche.detection.internal;

import fr.raccroche.pathway.SchoolLevel;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the last level reached as the source lists write it, into a {@link SchoolLevel}: class
 * names ("3e", "2nde", "1re", "Tle", "seconde pro"), vocational years ("CAP 1re année", "1CAP2",
 * "BEP"), diploma levels (new nomenclature 3, 4, 5; the 1969 one VI, Vbis, V, IV, III), MEF codes
 * (10 or 11 digits, by their leading digit: 1 collège, 2 lycée, 3 post-bac, 5 CAP/BEP) and the
 * 8-digit diploma codes (first digit the 1969 level).
 *
 * <p>What the level says is read in this order, so that the most specific word wins: a
 * vocational-preparation class of collège ("3e prépa-métiers"), then higher education ("BTS",
 * "bac+2"), then CAP/BEP ("Terminale CAP" is a CAP year), then lycée, then collège, then the bare
 * level codes. Anything else is {@link SchoolLevel#UNKNOWN}.
 */
public final class LevelReader {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9+]+");
  private static final Pattern DIGITS = Pattern.compile("\\d+");

  /** "1cap2", "2cap2", "1cap1", "1bep", "2bep". */
  private static final Pattern CAP_YEAR = Pattern.compile("\\d?(cap|capa|bep|bepa)\\d?");

  private static final Set<String> HIGHER =
      Set.of(
          "bts",
          "btsa",
          "dut",
          "but",
          "licence",
          "master",
          "universite",
          "fac",
          "faculte",
          "cpge",
          "superieur",
          "superieure",
          "l1",
          "l2",
          "l3",
          "iut",
          "postbac",
          "deust",
          "dts",
          "dma");
  private static final Set<String> CAP_BEP = Set.of("cap", "capa", "bep", "bepa", "cfg");
  private static final Set<String> LYCEE =
      Set.of(
          "lycee",
          "seconde",
          "2nde",
          "2de",
          "2nd",
          "premiere",
          "1re",
          "1ere",
          "1ier",
          "1er",
          "terminale",
          "tle",
          "term",
          "tale",
          "bac",
          "bacpro",
          "baccalaureat",
          "2ndepro",
          "1repro",
          "tlepro",
          "stmg",
          "sti2d",
          "st2s",
          "stl",
          "std2a",
          "stav",
          "bt",
          "bp");
  private static final Set<String> COLLEGE =
      Set.of(
          "college",
          "3e",
          "3eme",
          "3ieme",
          "troisieme",
          "4e",
          "4eme",
          "4ieme",
          "quatrieme",
          "5e",
          "5eme",
          "cinquieme",
          "6e",
          "6eme",
          "sixieme",
          "segpa",
          "ulis",
          "dima",
          "cppn",
          "cpa",
          "3prepapro",
          "3pm",
          "dnb");

  private LevelReader() {}

  /** The level the text names, or {@link SchoolLevel#UNKNOWN}. */
  public static SchoolLevel read(String text) {
    if (text == null || text.isBlank()) {
      return SchoolLevel.UNKNOWN;
    }
    String folded =
        MARKS
            .matcher(Normalizer.normalize(text.strip(), Normalizer.Form.NFD))
            .replaceAll("")
            .toLowerCase(Locale.ROOT)
            .replace("°", "e")
            .replace("ème", "e");
    String compact = folded.replaceAll("\\s+", "");
    if (DIGITS.matcher(compact).matches()) {
      return code(compact);
    }
    List<String> words = List.of(SEPARATORS.matcher(folded).replaceAll(" ").strip().split(" "));
    for (String w : words) {
      if (w.length() >= 8 && DIGITS.matcher(w).matches()) {
        return code(w); // "MEF 24724213310"
      }
    }
    String joined = String.join(" ", words);
    if (joined.contains("prepa metier")
        || joined.contains("prepa pro")
        || joined.contains("3e pro")
        || joined.contains("3e prepa")) {
      return SchoolLevel.COLLEGE;
    }
    if (compact.matches(".*bac\\+\\d.*")
        || joined.contains("post bac")
        || joined.contains("enseignement superieur")
        || joined.contains("classe prepa")
        || words.stream().anyMatch(HIGHER::contains)) {
      return SchoolLevel.HIGHER;
    }
    if (words.stream().anyMatch(w -> CAP_BEP.contains(w) || CAP_YEAR.matcher(w).matches())) {
      return SchoolLevel.CAP_BEP;
    }
    if (words.stream().anyMatch(LYCEE::contains) || joined.contains("niveau bac")) {
      return SchoolLevel.LYCEE;
    }
    if (words.stream().anyMatch(COLLEGE::contains)) {
      return SchoolLevel.COLLEGE;
    }
    return level(words);
  }

  /** A bare level: "niveau 4", "IV", "Vbis", "3". */
  private static SchoolLevel level(List<String> words) {
    List<String> rest = words.stream().filter(w -> !w.equals("niveau") && !w.equals("nv")).toList();
    String level = String.join("", rest);
    return switch (level) {
      case "1", "2", "vi", "vbis", "infrav", "infra" -> SchoolLevel.COLLEGE;
      case "3", "v" -> SchoolLevel.CAP_BEP;
      case "4", "iv" -> SchoolLevel.LYCEE;
      case "5", "6", "7", "8", "iii", "ii", "i" -> SchoolLevel.HIGHER;
      default -> SchoolLevel.UNKNOWN;
    };
  }

  private static SchoolLevel code(String digits) {
    if (digits.length() <= 1) {
      return level(List.of(digits));
    }
    if (digits.length() == 10 || digits.length() == 11) {
      // MEF: the leading digit of its "dispositif de formation".
      return switch (digits.charAt(0)) {
        case '1' -> SchoolLevel.COLLEGE;
        case '2' -> SchoolLevel.LYCEE;
        case '3' -> SchoolLevel.HIGHER;
        case '5' -> SchoolLevel.CAP_BEP;
        default -> SchoolLevel.UNKNOWN;
      };
    }
    if (digits.length() == 8) {
      // Diploma code: the leading digit is the 1969 level (V CAP/BEP, IV bac, III and above).
      return switch (digits.charAt(0)) {
        case '5' -> SchoolLevel.CAP_BEP;
        case '4' -> SchoolLevel.LYCEE;
        case '1', '2', '3' -> SchoolLevel.HIGHER;
        default -> SchoolLevel.UNKNOWN;
      };
    }
    return SchoolLevel.UNKNOWN;
  }
}
