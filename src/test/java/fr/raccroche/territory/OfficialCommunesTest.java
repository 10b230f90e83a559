package fr.raccroche.territory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The compact commune list extracted from @etalab/decoupage-administratif 6.0.0. */
class OfficialCommunesTest {
  static final OfficialCommunes COMMUNES = new OfficialCommunes("6.0.0");

  @Test
  void knowsCommunesArrondissementsAndTheirPostalCodes() {
    OfficialCommune lyon3 = COMMUNES.commune("69383").orElseThrow();
    assertThat(lyon3.name()).isEqualTo("Lyon 3e Arrondissement");
    assertThat(lyon3.kind()).isEqualTo(OfficialCommune.Kind.ARRONDISSEMENT);
    assertThat(lyon3.parentCode()).isEqualTo("69123");
    assertThat(lyon3.postalCodes()).containsExactly("69003");
    assertThat(COMMUNES.commune("2A004").orElseThrow().departement()).isEqualTo("2A");
    assertThat(COMMUNES.commune("97411").orElseThrow().departement()).isEqualTo("974");
    assertThat(COMMUNES.commune("75056").orElseThrow().departement()).isEqualTo("75");
    assertThat(COMMUNES.commune("69999")).isEmpty();
    assertThat(COMMUNES.commune(" 1053 ")).as("leading zero restored").isPresent();
  }

  @Test
  void aPostalCodeGivesTheArrondissementRatherThanTheWholeCity() {
    assertThat(COMMUNES.byPostalCode("69003"))
        .extracting(OfficialCommune::code)
        .containsExactly("69383");
    assertThat(COMMUNES.byPostalCode("69100"))
        .extracting(OfficialCommune::code)
        .containsExactly("69266");
    assertThat(COMMUNES.byPostalCode("69400").size()).isGreaterThan(1);
  }

  @Test
  void anEpciListsItsCommunesAndTheirArrondissements() {
    assertThat(COMMUNES.epci("200046977").orElseThrow().name()).isEqualTo("Métropole de Lyon");
    assertThat(COMMUNES.members("200046977"))
        .extracting(OfficialCommune::code)
        .contains("69123", "69381", "69389", "69266", "69259")
        .doesNotContain("69264");
    assertThat(COMMUNES.version()).isEqualTo("6.0.0");
  }

  @Test
  void tellsWhetherAPostalCodeServesACommune() {
    OfficialCommune lyon3 = COMMUNES.commune("69383").orElseThrow();
    assertThat(COMMUNES.servesPostalCode(lyon3, "69003")).isTrue();
    assertThat(COMMUNES.servesPostalCode(lyon3, "69100")).isFalse();
  }
}
