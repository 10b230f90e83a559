package fr.raccroche.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.raccroche.shared.InvalidInputException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodsTest {
  @Test
  void aSchoolYearRunsFromTheFirstOfSeptemberToTheThirtyFirstOfAugust() {
    SchoolYear y = SchoolYear.parse("2025-2026");
    assertThat(y.start()).isEqualTo(LocalDate.of(2025, 9, 1));
    assertThat(y.end()).isEqualTo(LocalDate.of(2026, 8, 31));
    assertThat(SchoolYear.of(LocalDate.of(2026, 8, 31))).isEqualTo(y);
    assertThat(SchoolYear.of(LocalDate.of(2026, 9, 1)).toString()).isEqualTo("2026-2027");
  }

  @Test
  void aQuarterHasItsCalendarMonthsAndALeapFebruary() {
    Quarter q = Quarter.parse("2024-Q1");
    assertThat(q.start()).isEqualTo(LocalDate.of(2024, 1, 1));
    assertThat(q.end()).isEqualTo(LocalDate.of(2024, 3, 31));
    assertThat(Quarter.of(LocalDate.of(2024, 2, 29))).isEqualTo(q);
    assertThat(Quarter.parse("2026-q4").end()).isEqualTo(LocalDate.of(2026, 12, 31));
    assertThat(Quarter.parse("2026-Q1").previous().toString()).isEqualTo("2025-Q4");
    assertThat(Quarter.parse("2026-Q1").label()).isEqualTo("1er trimestre 2026");
  }

  @Test
  void theQuarterOfJulyToSeptemberClosesTheSchoolYearOfItsFirstDay() {
    assertThat(Quarter.parse("2026-Q3").schoolYear().toString()).isEqualTo("2025-2026");
    assertThat(Quarter.parse("2026-Q4").schoolYear().toString()).isEqualTo("2026-2027");
    SchoolYear y = SchoolYear.parse("2025-2026");
    assertThat(y.overlaps(Quarter.parse("2025-Q3"))).isTrue();
    assertThat(y.overlaps(Quarter.parse("2026-Q3"))).isTrue();
    assertThat(y.overlaps(Quarter.parse("2025-Q2"))).isFalse();
    assertThat(y.overlaps(Quarter.parse("2026-Q4"))).isFalse();
  }

  @Test
  void malformedPeriodsAreRefusedInFrench() {
    assertThatThrownBy(() -> SchoolYear.parse("2025-2027"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Année scolaire invalide");
    assertThatThrownBy(() -> SchoolYear.parse("2025/2026"))
        .hasMessageContaining("attendu AAAA-AAAA");
    assertThatThrownBy(() -> Quarter.parse("2026-Q5")).hasMessageContaining("Trimestre invalide");
    assertThatThrownBy(() -> Quarter.parse("T1-2026")).hasMessageContaining("attendu AAAA-Qn");
  }
}
