package fr.raccroche.detection.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.raccroche.detection.ImportKind;
import fr.raccroche.detection.internal.CommuneCheck.Outcome;
import fr.raccroche.territory.OfficialCommunes;
import fr.raccroche.territory.RoutingTable;
import java.lang.reflect.Constructor;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OfficialCommuneCheckTest {
  static final OfficialCommunes COMMUNES = new OfficialCommunes("6.0.0");

  /**
   * The demo's perimeters: Lyon's arrondissements, Villeurbanne, and Trévoux (01) at the border.
   */
  static RoutingTable routing() throws Exception {
    Constructor<RoutingTable> c =
        RoutingTable.class.getDeclaredConstructor(String.class, Map.class, Map.class, Map.class);
    c.setAccessible(true);
    return c.newInstance(
        null,
        Map.of("69383", "LYON", "69266", "EST", "01427", "NORD"),
        Map.of("69003", "LYON", "69100", "EST"),
        Map.of());
  }

  final CommuneCheck check;

  OfficialCommuneCheckTest() throws Exception {
    check = new OfficialCommuneCheck(COMMUNES, routing(), "69");
  }

  @Test
  void anUnknownCommuneCodeIsRejectedWithItsReason() {
    CommuneCheck.Verdict v = check.check("69999", null, null);
    assertThat(v.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(v.reason()).startsWith("Code commune inconnu : « 69999 »");
  }

  @Test
  void aCommuneOfAnotherDepartementIsExcludedUnlessAPerimeterTakesItIn() {
    CommuneCheck.Verdict paris = check.check("75056", "75001", null);
    assertThat(paris.outcome()).isEqualTo(Outcome.EXCLUDED);
    assertThat(paris.reason())
        .startsWith("Hors département : la commune 75056 (Paris) est dans le département 75.");
    assertThat(check.check("01427", null, null).outcome()).isEqualTo(Outcome.OK);
    assertThat(check.check("69264", null, null).outcome())
        .as("a commune of the département no perimeter covers is kept (a supervisor assigns it)")
        .isEqualTo(Outcome.OK);
  }

  @Test
  void aPostalCodeAloneIsResolvedThroughTheList() {
    assertThat(check.check(null, "69003", null)).isEqualTo(CommuneCheck.Verdict.ok("69383"));
    assertThat(check.check(null, "69003", "Lyon")).isEqualTo(CommuneCheck.Verdict.ok("69383"));
    CommuneCheck.Verdict grenoble = check.check(null, "38000", "Grenoble");
    assertThat(grenoble.outcome()).isEqualTo(Outcome.EXCLUDED);
    assertThat(grenoble.reason()).contains("code postal 38000", "département 38");
    // Several communes share 69400: without a name, none is chosen (the postal code routes).
    assertThat(check.check(null, "69400", null)).isEqualTo(CommuneCheck.Verdict.ok(null));
    assertThat(check.check(null, "69400", "Villefranche-sur-Saône"))
        .isEqualTo(CommuneCheck.Verdict.ok("69264"));
  }

  @Test
  void aPostalCodeThatDoesNotServeTheCommuneWarns() {
    CommuneCheck.Verdict v = check.check("69383", "69100", null);
    assertThat(v.outcome()).isEqualTo(Outcome.WARNING);
    assertThat(v.reason()).contains("69100", "69383", "Lyon 3e Arrondissement");
  }

  @Test
  void theParserRejectsExcludesResolvesAndWarnsRowByRow() throws Exception {
    List<String> header =
        List.of("nom", "prenom", "date_naissance", "code_postal", "code_commune", "date_sortie");
    LeaverRowParser parser =
        new LeaverRowParser(
            header, ImportKind.LEAVERS, LocalDate.of(2026, 12, 4), ColumnAliases.builtIn(), check);
    ParsedRow unknown = parser.parse(rec(2, "A", "B", "01/01/2008", "", "69999", "30/06/2026"));
    assertThat(unknown.outcome()).isEqualTo(ParsedRow.Outcome.REJECTED);
    ParsedRow paris = parser.parse(rec(3, "A", "C", "01/01/2008", "75001", "75056", "30/06/2026"));
    assertThat(paris.outcome()).isEqualTo(ParsedRow.Outcome.EXCLUDED);
    ParsedRow resolved = parser.parse(rec(4, "A", "D", "01/01/2008", "69003", "", "30/06/2026"));
    assertThat(resolved.row().communeCode()).isEqualTo("69383");
    ParsedRow asWritten = parser.parse(rec(4, "A", "D", "01/01/2008", "69003", "", "30/06/2026"));
    LeaverRowParser plain =
        new LeaverRowParser(header, ImportKind.LEAVERS, LocalDate.of(2026, 12, 4));
    assertThat(asWritten.row().rowHash())
        .as("the hash is the file's, not the resolved commune's")
        .isEqualTo(
            plain.parse(rec(4, "A", "D", "01/01/2008", "69003", "", "30/06/2026")).row().rowHash());
    ParsedRow mismatch =
        parser.parse(rec(5, "A", "E", "01/01/2008", "69100", "69383", "30/06/2026"));
    assertThat(mismatch.outcome()).isEqualTo(ParsedRow.Outcome.VALID);
    assertThat(parser.rowWarnings())
        .singleElement()
        .asString()
        .startsWith("Ligne 5 : le code postal 69100");
  }

  private static ListRecord rec(long line, String... values) {
    return new ListRecord(line, List.of(values), String.join(";", values), null);
  }
}
