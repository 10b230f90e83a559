package fr.raccroche.indicators.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ContributionsTest {
  static FactState fact(
      String number, String perimeter, LocalDate leaving, LocalDate taken, String closure) {
    return fact("69", number, perimeter, leaving, taken, closure);
  }

  static FactState fact(
      String departement,
      String number,
      String perimeter,
      LocalDate leaving,
      LocalDate taken,
      String closure) {
    return new FactState(
        number,
        departement,
        1L,
        perimeter,
        "EN",
        "F",
        "16-17",
        "LYCEE",
        null,
        leaving,
        null,
        taken,
        null,
        null,
        null,
        null,
        closure);
  }

  static long get(Map<CountKey, Long> c, String kind, LocalDate month, String scope) {
    return get(c, "69", kind, month, scope);
  }

  static long get(
      Map<CountKey, Long> c, String departement, String kind, LocalDate month, String scope) {
    return c.getOrDefault(
        new CountKey(departement, kind, 2025, month, scope, CountKey.TOTAL, CountKey.NONE), 0L);
  }

  @Test
  void aPersonWithTwoCasesCountsOnceInTheMonthOfTheEarliest() {
    var c =
        Contributions.of(
            List.of(
                fact("A", "LYON", LocalDate.of(2025, 11, 3), null, null),
                fact("B", "EST", LocalDate.of(2025, 10, 20), LocalDate.of(2026, 2, 1), null)));
    assertThat(get(c, "LEAVER", LocalDate.of(2025, 10, 1), "*")).isEqualTo(1);
    assertThat(get(c, "LEAVER", LocalDate.of(2025, 11, 1), "*")).isZero();
    assertThat(get(c, "LEAVER", LocalDate.of(2025, 11, 1), "LYON")).isEqualTo(1);
    assertThat(get(c, "LEAVER", LocalDate.of(2025, 10, 1), "EST")).isEqualTo(1);
    // taken in charge in February: counted from February (the later of the two dates)
    assertThat(get(c, "TAKEN", LocalDate.of(2026, 2, 1), "*")).isEqualTo(1);
    // the missing reason is a cell of its own
    assertThat(
            c.get(
                new CountKey(
                    "69",
                    "LEAVER",
                    2025,
                    LocalDate.of(2025, 10, 1),
                    "*",
                    "leavingReason",
                    CountKey.NONE)))
        .isEqualTo(1);
  }

  @Test
  void aTransferMovesThePersonAndAnOutOfScopeClosureRemovesThem() {
    var before = Contributions.of(List.of(fact("A", "LYON", LocalDate.of(2025, 9, 1), null, null)));
    var moved = Contributions.of(List.of(fact("A", "EST", LocalDate.of(2025, 9, 1), null, null)));
    var delta = Contributions.delta(before, moved);
    assertThat(get(delta, "LEAVER", LocalDate.of(2025, 9, 1), "LYON")).isEqualTo(-1);
    assertThat(get(delta, "LEAVER", LocalDate.of(2025, 9, 1), "EST")).isEqualTo(1);
    assertThat(get(delta, "LEAVER", LocalDate.of(2025, 9, 1), "*")).isZero();
    var closed =
        Contributions.of(
            List.of(fact("A", "EST", LocalDate.of(2025, 9, 1), null, "FALSE_DETECTION")));
    assertThat(closed).isEmpty();
  }

  @Test
  void aPersonWithCasesInTwoDepartementsCountsOnceInEach() {
    var c =
        Contributions.of(
            List.of(
                fact("69", "2025-69-000001", "LYON", LocalDate.of(2025, 10, 3), null, null),
                fact("42", "2025-42-000001", "ROANNE", LocalDate.of(2025, 11, 20), null, null)));
    assertThat(get(c, "69", "LEAVER", LocalDate.of(2025, 10, 1), "*")).isEqualTo(1);
    assertThat(get(c, "42", "LEAVER", LocalDate.of(2025, 11, 1), "*")).isEqualTo(1);
    assertThat(get(c, "42", "LEAVER", LocalDate.of(2025, 11, 1), "ROANNE")).isEqualTo(1);
    // nothing of the Loire's case in the Rhône's cells
    assertThat(get(c, "69", "LEAVER", LocalDate.of(2025, 11, 1), "*")).isZero();
    assertThat(get(c, "69", "LEAVER", LocalDate.of(2025, 11, 1), "ROANNE")).isZero();
  }

  @Test
  void theMedianOfAHistogramIsThatOfTheValues() {
    assertThat(IndicatorCounts.median(new TreeMap<>())).isNull();
    assertThat(IndicatorCounts.median(new TreeMap<>(Map.of(7, 1L)))).isEqualTo(7.0);
    // 1, 2, 2, 9 → 2
    assertThat(IndicatorCounts.median(new TreeMap<>(Map.of(1, 1L, 2, 2L, 9, 1L)))).isEqualTo(2.0);
    // -3, 4 → 0.5
    assertThat(IndicatorCounts.median(new TreeMap<>(Map.of(-3, 1L, 4, 1L)))).isEqualTo(0.5);
    // 1, 1, 1, 5, 8, 8 → 3
    assertThat(IndicatorCounts.median(new TreeMap<>(Map.of(1, 3L, 5, 1L, 8, 2L)))).isEqualTo(3.0);
  }
}
