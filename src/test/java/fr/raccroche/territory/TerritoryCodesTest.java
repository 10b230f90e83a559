package fr.raccroche.territory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TerritoryCodesTest {

  @ParameterizedTest
  @ValueSource(strings = {"0690026D", "0750655E", "9710001A"})
  void acceptsUaiCodes(String uai) {
    assertThat(TerritoryCodes.isUai(uai)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"069002D", "06900266D", "0690026", "069002AD", "", " "})
  void rejectsMalformedUaiCodes(String uai) {
    assertThat(TerritoryCodes.isUai(TerritoryCodes.normaliseUai(uai))).isFalse();
  }

  @Test
  void normalisesUaiCase() {
    assertThat(TerritoryCodes.normaliseUai(" 0690026d ")).isEqualTo("0690026D");
  }

  @Test
  void restoresTheLeadingZeroASpreadsheetDropped() {
    assertThat(TerritoryCodes.normalisePostalCode("1000")).isEqualTo("01000");
    assertThat(TerritoryCodes.normaliseCommuneCode("1053")).isEqualTo("01053");
    assertThat(TerritoryCodes.normalisePostalCode("69 100")).isEqualTo("69100");
    assertThat(TerritoryCodes.normalisePostalCode("  ")).isNull();
  }

  @Test
  void acceptsCorsicanCommuneCodes() {
    assertThat(TerritoryCodes.isCommuneCode(TerritoryCodes.normaliseCommuneCode("2a004"))).isTrue();
    assertThat(TerritoryCodes.isCommuneCode("2C004")).isFalse();
    assertThat(TerritoryCodes.isCommuneCode("6938")).isFalse();
  }

  @Test
  void groupNamesFollowTheConvention() {
    assertThat(TerritoryCodes.coordinatorGroup("LYON")).isEqualTo("coord-LYON");
    assertThat(TerritoryCodes.partnerGroup("ML-LYON")).isEqualTo("partner-ML-LYON");
  }

  @ParameterizedTest
  @ValueSource(strings = {"lyon", "L", "A B", "TROP-LONG-TROP-LONG-TROP-LONG-TROP"})
  void rejectsMalformedEntityCodes(String code) {
    assertThat(TerritoryCodes.isEntityCode(code)).isFalse();
  }
}
