package fr.raccroche.detection.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.raccroche.detection.HeaderColumn;
import fr.raccroche.detection.ImportKind;
import fr.raccroche.detection.internal.LeaverRowParser.Column;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ColumnAliasesTest {

  @Test
  void everyColumnHasAtLeastFiveBuiltInAliasesAndNoAliasNamesTwoColumns() {
    Map<String, Column> seen = new HashMap<>();
    for (Column c : Column.values()) {
      assertThat(ColumnAliases.builtInOf(c)).as(c.header()).hasSizeGreaterThanOrEqualTo(5);
      seen.put(ColumnAliases.fold(c.header()), c);
    }
    for (Column c : Column.values()) {
      for (String alias : ColumnAliases.builtInOf(c)) {
        Column other = seen.putIfAbsent(ColumnAliases.fold(alias), c);
        assertThat(other == null || other == c).as(alias + " names " + other).isTrue();
      }
    }
  }

  @ParameterizedTest(name = "« {0} » → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Nom de famille | NOM",
        "NOM D'USAGE | NOM",
        "Prénom 1 | PRENOM",
        "Date de naissance | DATE_NAISSANCE",
        "Né(e) le | DATE_NAISSANCE",
        "Date de naiss. | DATE_NAISSANCE",
        "Code INSEE | CODE_COMMUNE",
        "Code INSEE commune | CODE_COMMUNE",
        "Code postal | CODE_POSTAL",
        "UAI | UAI",
        "RNE | UAI",
        "Code établissement | UAI",
        "Code UAI | UAI",
        "Date de sortie | DATE_SORTIE",
        "Motif | MOTIF_SORTIE",
        "Niveau | NIVEAU",
        "Niveau de formation | NIVEAU",
        "MEF | NIVEAU",
        "Diplôme obtenu | DIPLOME_OBTENU",
        "  date_naissance  | DATE_NAISSANCE",
        "DATE-NAISSANCE | DATE_NAISSANCE",
        "Téléphone responsable légal | TELEPHONE_RESPONSABLE"
      })
  void recognisesUsualHeadersAfterFolding(String header, Column expected) {
    assertThat(ColumnAliases.builtIn().match(header).column()).isEqualTo(expected);
  }

  @Test
  void aSourcesOwnAliasesAreCheckedBeforeTheyAreStored() {
    assertThat(ColumnAliases.problems(Map.of("nom", List.of("NOM_ELV"), "niveau", List.of("Div."))))
        .isEmpty();
    assertThat(ColumnAliases.problems(Map.of("nomm", List.of("X"))))
        .singleElement()
        .asString()
        .contains("Colonne inconnue : « nomm »", "date_naissance");
    assertThat(ColumnAliases.problems(Map.of("prenom", List.of("Nom de famille"))))
        .singleElement()
        .asString()
        .contains("désigne déjà la colonne nom");
    assertThat(
            ColumnAliases.problems(
                new java.util.LinkedHashMap<>(
                    Map.of("nom", List.of("Identité"), "prenom", List.of("IDENTITE")))))
        .singleElement()
        .asString()
        .contains("donné pour deux colonnes");
    assertThat(ColumnAliases.problems(Map.of("nom", List.of(" "))))
        .containsExactly("En-tête vide pour nom.");
  }

  @Test
  void aSourceAliasIsReadAndTheReportSaysHow() throws Exception {
    ColumnAliases aliases =
        ColumnAliases.withSourceAliases(
            ColumnAliases.normalise(Map.of("date_naissance", List.of("DT_NAIS"))));
    LeaverRowParser parser =
        new LeaverRowParser(
            List.of("NOM_ELV", "Prénom 1", "DT_NAIS", "Date de sortie", "RNE", "Nom d'usage", ""),
            ImportKind.LEAVERS,
            LocalDate.of(2026, 12, 4),
            aliases,
            CommuneCheck.NONE);
    List<HeaderColumn> columns = parser.headerColumns();
    assertThat(columns)
        .extracting(HeaderColumn::column)
        .containsExactly(null, "prenom", "date_naissance", "date_sortie", "uai", "nom", null);
    assertThat(columns)
        .extracting(HeaderColumn::reading)
        .containsExactly(
            HeaderColumn.Reading.IGNORED,
            HeaderColumn.Reading.ALIAS,
            HeaderColumn.Reading.SOURCE_ALIAS,
            HeaderColumn.Reading.ALIAS,
            HeaderColumn.Reading.ALIAS,
            HeaderColumn.Reading.ALIAS,
            HeaderColumn.Reading.IGNORED);
    assertThat(columns.get(0).explanation()).isEqualTo("ignorée : colonne inconnue");
    assertThat(columns.get(2).explanation())
        .isEqualTo("lue comme date_naissance (en-tête ajouté pour cette source)");
    assertThat(columns.get(6).explanation()).isEqualTo("ignorée : colonne sans nom");
  }

  @Test
  void twoHeadersForOneColumnKeepTheBetterRankedAndSaySo() throws Exception {
    LeaverRowParser parser =
        new LeaverRowParser(
            List.of("Nom d'usage", "Prénom", "Nom de famille", "Né(e) le", "Date de sortie", "UAI"),
            ImportKind.LEAVERS,
            LocalDate.of(2026, 12, 4));
    assertThat(parser.headerColumns().get(2).column()).isEqualTo("nom");
    assertThat(parser.headerColumns().get(0).reading()).isEqualTo(HeaderColumn.Reading.IGNORED);
    assertThat(parser.headerColumns().get(0).explanation())
        .isEqualTo("ignorée : la colonne nom est lue dans « Nom de famille » (colonne 3)");
    assertThat(parser.warnings())
        .contains(
            "Colonne « Nom d'usage » ignorée : la colonne nom est lue dans « Nom de famille ».");
  }

  @Test
  void aMissingColumnNamesTheHeadersThatWereNotRecognised() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new LeaverRowParser(
                    List.of("Nom", "Prénom", "Date nais. élève", "Date de sortie", "UAI"),
                    ImportKind.LEAVERS,
                    LocalDate.of(2026, 12, 4)))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessageContaining("Colonne obligatoire absente : date_naissance.")
        .hasMessageContaining("En-têtes du fichier non reconnus : « Date nais. élève »")
        .hasMessageContaining("en-têtes propres à cette source");
  }
}
