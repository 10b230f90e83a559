package fr.raccroche.indicators.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.raccroche.indicators.Figure;
import fr.raccroche.indicators.IndicatorFigures.Counts;
import fr.raccroche.indicators.IndicatorFigures.Delays;
import fr.raccroche.indicators.IndicatorFigures.Row;
import fr.raccroche.indicators.IndicatorKey;
import fr.raccroche.indicators.IndicatorReport.Line;
import fr.raccroche.indicators.Objective;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportAssemblerTest {
  final List<Row> rows =
      List.of(
          new Row("LYON", new Counts(40, 30, 12, 3), new Delays(30, 8.5, 20, 21.0)),
          new Row("EST", new Counts(4, 4, 10, 6), new Delays(3, 4.0, 3, 2.0)),
          new Row("NORD", new Counts(25, 9, 0, 0), new Delays(20, 10.0, 9, 14.0)));

  @Test
  void thePrefectureSeesSmallCountsMaskedAndWhatWouldRevealThem() {
    List<Line> lines = new ReportAssembler(true, 5).lines(rows, c -> c, false);
    Line lyon = lines.get(0);
    Line est = lines.get(1);
    Line nord = lines.get(2);
    assertThat(est.leavers().text()).isEqualTo("< 5");
    assertThat(est.leavers().json()).isEqualTo("< 5");
    // secondary: the smallest other leavers count goes too
    assertThat(nord.leavers().masked()).isTrue();
    assertThat(lyon.leavers().json()).isEqualTo(40L);
    // a rate over a masked count is masked
    assertThat(est.takenInChargeRate().text()).isEqualTo("masqué");
    // LYON's 3 solutions masked, and EST's 6 with it (NORD's 0 reveals nobody)
    assertThat(lyon.solutionAfterOneYear().masked()).isTrue();
    assertThat(est.solutionAfterOneYear().masked()).isTrue();
    assertThat(nord.solutionAfterOneYear().text()).isEqualTo("0");
    // medians of fewer than 5 cases are masked
    assertThat(est.delays().medianDaysDetectionToFirstContact().text()).isEqualTo("masqué");
    assertThat(lyon.delays().medianDaysDetectionToFirstContact().text()).isEqualTo("8,5");
  }

  @Test
  void supervisorsSeeExactFiguresAndRates() {
    List<Line> lines = new ReportAssembler(false, 5).lines(rows, c -> c, false);
    assertThat(lines.get(1).leavers().json()).isEqualTo(4L);
    assertThat(lines.get(0).takenInChargeRate().json()).isEqualTo(75.0);
    assertThat(lines.get(0).solutionRate().text()).isEqualTo("25");
    assertThat(lines.get(2).solutionRate().json()).isNull();
  }

  @Test
  void anObjectiveShowsReachedOrNotWithItsGapUnlessTheFigureIsMasked() {
    ReportAssembler a = new ReportAssembler(true, 5);
    Figure leavers = a.count(120);
    Figure taken = a.count(80);
    Figure rate = ReportAssembler.rate(taken, leavers);
    Figure solution = a.count(3);
    Figure solutionRate = ReportAssembler.rate(solution, a.count(40));
    var views =
        a.objectives(
            List.of(
                objective(IndicatorKey.LEAVERS, Objective.Kind.COUNT, "100"),
                objective(IndicatorKey.TAKEN_IN_CHARGE, Objective.Kind.RATE, "70"),
                objective(IndicatorKey.SOLUTION_AFTER_ONE_YEAR, Objective.Kind.RATE, "50")),
            leavers,
            taken,
            rate,
            solution,
            solutionRate);
    assertThat(views.get(0).status()).isEqualTo("REACHED");
    assertThat(views.get(0).gap().json()).isEqualTo(20.0);
    assertThat(views.get(1).status()).isEqualTo("NOT_REACHED");
    assertThat(views.get(1).gap().text()).isEqualTo("-3,3");
    assertThat(views.get(2).status()).isEqualTo("MASKED");
    assertThat(views.get(2).gap().text()).isEqualTo("masqué");
  }

  static Objective objective(IndicatorKey key, Objective.Kind kind, String target) {
    return new Objective("2025-2026", null, key, kind, new BigDecimal(target), "sup", null);
  }
}
