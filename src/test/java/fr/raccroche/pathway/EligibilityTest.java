package fr.raccroche.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import fr.raccroche.pathway.Eligibility.AgeVerdict;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The one set of age bounds, at its edges (birthdays, 29 February). */
class EligibilityTest {
  static final LocalDate DAY = LocalDate.of(2026, 12, 4);

  @Test
  void sixteenOnTheDayIsInScopeTheDayBeforeIsNot() {
    assertThat(Eligibility.of(DAY.minusYears(16), DAY)).isEqualTo(AgeVerdict.ELIGIBLE);
    assertThat(Eligibility.of(DAY.minusYears(16).plusDays(1), DAY))
        .isEqualTo(AgeVerdict.UNDER_MINIMUM);
  }

  @Test
  void twentyFiveIsInScopeUntilTheTwentySixthBirthday() {
    assertThat(Eligibility.of(DAY.minusYears(26).plusDays(1), DAY)).isEqualTo(AgeVerdict.ELIGIBLE);
    assertThat(Eligibility.of(DAY.minusYears(26), DAY)).isEqualTo(AgeVerdict.OVER_MAXIMUM);
  }

  @Test
  void thirtyOneOrMoreIsATypingError() {
    assertThat(Eligibility.of(DAY.minusYears(31).plusDays(1), DAY))
        .isEqualTo(AgeVerdict.OVER_MAXIMUM);
    assertThat(Eligibility.of(DAY.minusYears(31), DAY)).isEqualTo(AgeVerdict.IMPLAUSIBLE);
  }

  @Test
  void bornOnTheTwentyNinthOfFebruaryTurnsSixteenOnTheFirstOfMarch() {
    LocalDate born = LocalDate.of(2008, 2, 29);
    assertThat(Eligibility.of(born, LocalDate.of(2024, 2, 28))).isEqualTo(AgeVerdict.UNDER_MINIMUM);
    assertThat(Eligibility.of(born, LocalDate.of(2024, 2, 29))).isEqualTo(AgeVerdict.ELIGIBLE);
  }
}
