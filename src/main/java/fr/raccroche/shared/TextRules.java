package fr.raccroche.shared;

/**
 * Characters no user text may carry (docs/security.md, R6): control characters other than tab and
 * line breaks, bidirectional overrides and isolates (they reorder what a reader sees: a name that
 * displays as another), and invisible zero-width characters (two names that look the same but
 * differ). Such input is refused with a French message naming the field, never silently stripped:
 * the person who typed it sees what was wrong.
 */
public final class TextRules {
  private TextRules() {}

  /** The first forbidden character of the text, or -1. */
  public static int firstForbidden(String text) {
    if (text == null) {
      return -1;
    }
    for (int i = 0; i < text.length(); i++) {
      if (forbidden(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  public static boolean forbidden(char c) {
    if (c == '\t' || c == '\n' || c == '\r') {
      return false;
    }
    return c < 0x20
        || (c >= 0x7F && c <= 0x9F)
        || (c >= 0x200B && c <= 0x200F) // zero-width space/joiners, LRM, RLM
        || (c >= 0x202A && c <= 0x202E) // bidi embeddings and overrides
        || (c >= 0x2060 && c <= 0x2064) // word joiner, invisible operators
        || (c >= 0x2066 && c <= 0x2069) // bidi isolates
        || c == 0xFEFF
        || c == 0x061C; // Arabic letter mark
  }

  /** A French message for a field with a forbidden character, or null when the text is clean. */
  public static String check(String text, String frenchFieldName) {
    int at = firstForbidden(text);
    if (at < 0) {
      return null;
    }
    return "Le champ « "
        + frenchFieldName
        + " » contient un caractère invisible ou de contrôle (U+"
        + String.format("%04X", (int) text.charAt(at))
        + ") : retirez-le.";
  }

  /** A French message when the text is longer than {@code max}, or null. */
  public static String checkLength(String text, int max, String frenchFieldName) {
    if (text == null || text.length() <= max) {
      return null;
    }
    return "Le champ « "
        + frenchFieldName
        + " » dépasse "
        + max
        + " caractères ("
        + text.length()
        + " saisis).";
  }
}
