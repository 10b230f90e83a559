package fr.raccroche.shared;

/**
 * Makes a user-supplied text inert inside the Markdown of a Camunda Form's text component (form-js
 * renders {@code {{…}}} templates as GitHub-flavoured Markdown, raw HTML and links included). Every
 * character Markdown or HTML could read as syntax is backslash-escaped (CommonMark shows an escaped
 * punctuation character as itself); line breaks become spaces (no new block, heading or list); and
 * bare links are broken ({@code https\://…}, {@code www\.}, {@code a\@b}) so that GFM's autolinks
 * do not turn them into something to click. The text reads the same to a person, it just never
 * becomes markup (docs/security.md, R5).
 */
public final class MarkdownText {
  private static final String SYNTAX = "\\`*_{}[]()<>#!|~&:@";

  private MarkdownText() {}

  public static String escape(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        out.append(' ');
      } else if (SYNTAX.indexOf(c) >= 0) {
        out.append('\\').append(c);
      } else if (c == '.' && i >= 3 && text.regionMatches(true, i - 3, "www", 0, 3)) {
        out.append("\\.");
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
