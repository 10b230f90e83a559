package fr.raccroche.territory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The départements and regions extracted from the COG (docs/communes.md), as the pages name them.
 */
class OfficialDepartementsTest {
  final OfficialDepartements cog = new OfficialDepartements("6.0.0");

  @Test
  void everyDepartementHasItsOfficialNameAndRegion() {
    assertThat(cog.departements()).hasSize(109);
    assertThat(cog.departement("69").orElseThrow())
        .isEqualTo(new OfficialDepartements.Departement("69", "Rhône", "84"));
    assertThat(cog.departement("42").orElseThrow().name()).isEqualTo("Loire");
    assertThat(cog.departement("2a").orElseThrow().name()).isEqualTo("Corse-du-Sud");
    assertThat(cog.departement("974").orElseThrow().name()).isEqualTo("La Réunion");
    assertThat(cog.region("84").orElseThrow().name()).isEqualTo("Auvergne-Rhône-Alpes");
    assertThat(cog.departements().values().stream().filter(d -> d.region().equals("84")))
        .hasSize(12);
  }

  @Test
  void anUnknownCodeHasNoNameButItself() {
    assertThat(cog.departement("99")).isEmpty();
    assertThat(cog.departement(null)).isEmpty();
    assertThat(cog.name("99")).isEqualTo("99");
    assertThat(cog.region("00")).isEmpty();
  }
}
