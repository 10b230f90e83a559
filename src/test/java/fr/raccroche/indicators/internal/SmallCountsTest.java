package fr.raccroche.indicators.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmallCountsTest {
  @Test
  void countsFromOneToFourAreMaskedZeroAndFiveAreNot() {
    assertThat(SmallCounts.isSmall(0, 5)).isFalse();
    assertThat(SmallCounts.isSmall(1, 5)).isTrue();
    assertThat(SmallCounts.isSmall(4, 5)).isTrue();
    assertThat(SmallCounts.isSmall(5, 5)).isFalse();
  }

  @Test
  void aLoneMaskedCellTakesTheSmallestOtherNonZeroCellWithIt() {
    // 40 = 3 + 12 + 25: with only 3 masked, 40 - 12 - 25 would give it back.
    assertThat(SmallCounts.mask(new long[] {3, 25, 12, 0}, 5))
        .containsExactly(true, false, true, false);
  }

  @Test
  void twoMaskedCellsProtectEachOther() {
    assertThat(SmallCounts.mask(new long[] {3, 25, 2}, 5)).containsExactly(true, false, true);
    assertThat(SmallCounts.mask(new long[] {30, 25, 7}, 5)).containsExactly(false, false, false);
  }
}
