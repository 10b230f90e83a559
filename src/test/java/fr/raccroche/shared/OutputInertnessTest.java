package fr.raccroche.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What a user wrote stays text in the forms' Markdown and in the CSV exports (docs/security.md R5).
 */
class OutputInertnessTest {

  @Test
  void markupAndLinksInAPersonsFieldsAreEscapedForTheFormsMarkdown() {
    assertThat(MarkdownText.escape("<img src=x onerror=alert(1)>"))
        .isEqualTo("\\<img src=x onerror=alert\\(1\\)\\>");
    assertThat(MarkdownText.escape("[Mettre à jour le dossier](https://evil.example)"))
        .isEqualTo("\\[Mettre à jour le dossier\\]\\(https\\://evil.example\\)");
    assertThat(MarkdownText.escape("voir www.evil.example")).isEqualTo("voir www\\.evil.example");
    assertThat(MarkdownText.escape("a\n# Titre")).isEqualTo("a \\# Titre");
    assertThat(MarkdownText.escape("jean@exemple.fr")).isEqualTo("jean\\@exemple.fr");
    // Ordinary names and addresses read as typed.
    assertThat(MarkdownText.escape("Jean-Pierre O'Brien, 12 rue de la Paix, 69003 Lyon"))
        .isEqualTo("Jean-Pierre O'Brien, 12 rue de la Paix, 69003 Lyon");
    assertThat(MarkdownText.escape(null)).isNull();
  }

  @Test
  void csvCellsThatASpreadsheetWouldRunAsFormulasStayText() {
    assertThat(CsvCells.cell("=HYPERLINK(\"https://evil\";\"clic\")"))
        .isEqualTo("\"'=HYPERLINK(\"\"https://evil\"\";\"\"clic\"\")\"");
    assertThat(CsvCells.cell("-2+3")).isEqualTo("'-2+3");
    assertThat(CsvCells.cell("+33 6 00")).isEqualTo("'+33 6 00");
    assertThat(CsvCells.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    // Numbers the application writes stay numbers.
    assertThat(CsvCells.cell("-3")).isEqualTo("-3");
    assertThat(CsvCells.cell("-2,5 %")).isEqualTo("\"-2,5 %\"");
    assertThat(CsvCells.cell("Déménagement")).isEqualTo("Déménagement");
  }

  @Test
  void controlBidiAndZeroWidthCharactersAreFound() {
    assertThat(TextRules.check("Nom\u0000", "lastName")).contains("U+0000", "lastName");
    assertThat(TextRules.check("a\u202Eb", "lastName")).contains("U+202E");
    assertThat(TextRules.check("a\u200Bb", "lastName")).contains("U+200B");
    assertThat(TextRules.check("Élodie N'Diaye-Martin\nligne 2\tfin", "x")).isNull();
    assertThat(TextRules.checkLength("x".repeat(101), 100, "lastName")).contains("100", "lastName");
  }
}
