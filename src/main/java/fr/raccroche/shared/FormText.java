package fr.raccroche.shared;

/**
 * Text that a Camunda Form shows in a text component, which renders Markdown and HTML: what a
 * person typed (a name, an address) must reach the page as plain text, never as a link, an image or
 * markup. Markdown's punctuation is backslash-escaped and HTML's brackets become entities.
 */
public final class FormText {
  private static final String MARKDOWN = "\\`*_{}[]()#+-.!|~";

  private FormText() {}

  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '\n' -> b.append("  \n"); // a line break stays a line break
        default -> {
          if (MARKDOWN.indexOf(c) >= 0) {
            b.append('\\');
          }
          b.append(c);
        }
      }
    }
    return b.toString();
  }
}
