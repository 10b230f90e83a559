package fr.raccroche.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What people typed reaches a Camunda Form's Markdown text as plain text. */
class FormTextTest {
  @Test
  void linksImagesAndMarkupStayText() {
    String escaped =
        FormText.escape(
            "[Mettre à jour le dossier](https://exemple.invalid) <img src=x onerror=alert(1)> **gras**");
    assertThat(escaped)
        .doesNotContain("<img", "](https")
        .contains("\\[Mettre à jour le dossier\\]\\(https://exemple\\.invalid\\)")
        .contains("&lt;img")
        .contains("\\*\\*gras\\*\\*");
  }

  @Test
  void plainWordsAndAccentsAreKept() {
    assertThat(FormText.escape("Léa N'Diaye, 12 rue de l'Église"))
        .isEqualTo("Léa N'Diaye, 12 rue de l'Église");
  }
}
