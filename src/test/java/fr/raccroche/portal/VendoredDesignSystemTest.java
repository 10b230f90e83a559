package fr.raccroche.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The État's design system is served by the app itself (docs/accessibility.md): every file its
 * stylesheet refers to is in the vendored copy, nothing points outside it, and every page loads the
 * copy of the pinned version and no other origin.
 */
class VendoredDesignSystemTest {
  private static final Path DSFR = Path.of("src/main/resources/static/dsfr");
  private static final Path TEMPLATES = Path.of("src/main/resources/templates");
  private static final Pattern URL = Pattern.compile("url\\(([^)]*)\\)");

  @Test
  void everyFileTheStylesheetRefersToIsServed() throws IOException {
    String css = Files.readString(DSFR.resolve("dsfr.min.css"));
    Matcher url = URL.matcher(css);
    int files = 0;
    while (url.find()) {
      String target = url.group(1).replaceAll("^[\"']|[\"']$", "");
      if (target.startsWith("data:")) {
        continue;
      }
      assertThat(target).as("a stylesheet reference").doesNotContain("//");
      assertThat(DSFR.resolve(target.replaceAll("[?#].*$", ""))).as(target).isRegularFile();
      files++;
    }
    // Fonts (Marianne, Spectral) and the icons of the components.
    assertThat(files).isGreaterThan(50);
  }

  @Test
  void theCopyIsThePinnedVersion() throws IOException {
    String lock = Files.readString(Path.of("tools/vendor/package-lock.json"));
    String version = Files.readString(DSFR.resolve("VERSION")).strip();
    assertThat(lock).contains("\"node_modules/@gouvfr/dsfr\": {\n      \"version\": \"" + version);
    assertThat(Files.readString(DSFR.resolve("LICENSE.md"))).contains("Etalab 2.0");
  }

  @Test
  void everyPageUsesTheShellAndNothingFromAnotherOrigin() throws IOException {
    List<Path> pages;
    try (Stream<Path> files = Files.list(TEMPLATES)) {
      pages = files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
    }
    for (Path page : pages) {
      String html = Files.readString(page);
      assertThat(html)
          .as(page.toString())
          .doesNotContainPattern("(src|href)=\"(https?:)?//[^\"]*\\.(css|js)");
      // DSFR's icon classes live in its utility stylesheet, which is not vendored: an element
      // with one shows a filled square (and a button with one hides its text).
      assertThat(html.replaceAll("(?s)<!--.*?-->", ""))
          .as(page + ": no fr-icon-* class (docs/accessibility.md)")
          .doesNotContainPattern("class=\"[^\"]*\\bfr-icon-");
      if (!html.contains("th:fragment") || html.contains("layout :: head")) {
        if (html.contains("<main")) {
          assertThat(html)
              .as(page + ": the DSFR shell")
              .contains(
                  "layout :: head(", "layout :: header", "layout :: footer", "id=\"contenu\"");
        }
      }
    }
  }
}
