package fr.raccroche.pathway;

import java.text.Normalizer;
import java.util.Locale;

/** Name folding for matching: case, accents, hyphens, apostrophes and spaces do not count. */
public final class Names {
  private Names() {}

  /** "Éloïse-Marie d'Arc" → "eloisemariedarc". */
  public static String fold(String name) {
    if (name == null) {
      return "";
    }
    String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD);
    StringBuilder folded = new StringBuilder(decomposed.length());
    for (char c : decomposed.toLowerCase(Locale.ROOT).toCharArray()) {
      if (Character.isLetterOrDigit(c)) {
        folded.append(c);
      }
    }
    // Ligatures that NFD keeps.
    return folded.toString().replace("œ", "oe").replace("æ", "ae").replace("ß", "ss");
  }

  /** Key of a person for matching without INE: folded last name + "|" + folded first name. */
  public static String key(String lastName, String firstName) {
    return fold(lastName) + "|" + fold(firstName);
  }
}
