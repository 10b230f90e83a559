package fr.raccroche.demo;

import fr.raccroche.indicators.IndicatorService;
import fr.raccroche.indicators.Quarter;
import fr.raccroche.indicators.SchoolYear;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo objectives of the current school year (département and each perimeter) and a quarterly run
 * of the current quarter, whose draft waits for {@code superviseur} in Tasklist ("Relire les
 * indicateurs trimestriels"). Loaded once, after the demo cases (when the school year has no
 * objective yet).
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "raccroche.demo.cases", havingValue = "true", matchIfMissing = true)
@Order(30)
class DemoIndicatorsLoader implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(DemoIndicatorsLoader.class);
  private final IndicatorService indicators;

  DemoIndicatorsLoader(IndicatorService indicators) {
    this.indicators = indicators;
  }

  @Override
  public void run(ApplicationArguments args) {
    LocalDate today = LocalDate.now();
    String year = SchoolYear.of(today).toString();
    if (!indicators.objectives(year).isEmpty()) {
      return;
    }
    indicators.setObjective(year, null, "LEAVERS", "COUNT", new BigDecimal(60), "superviseur");
    indicators.setObjective(
        year, null, "TAKEN_IN_CHARGE", "RATE", new BigDecimal(50), "superviseur");
    indicators.setObjective(
        year, null, "SOLUTION_AFTER_ONE_YEAR", "RATE", new BigDecimal(60), "superviseur");
    for (String perimeter : indicators.perimeterNames().keySet()) {
      indicators.setObjective(
          year, perimeter, "LEAVERS", "COUNT", new BigDecimal(20), "superviseur");
      indicators.setObjective(
          year, perimeter, "TAKEN_IN_CHARGE", "RATE", new BigDecimal(40), "superviseur");
    }
    indicators.startQuarterlyProcess(indicators.period(year, Quarter.of(today).toString()));
    log.info("Demo indicators loaded (objectives of {}, a draft snapshot to review)", year);
  }
}
