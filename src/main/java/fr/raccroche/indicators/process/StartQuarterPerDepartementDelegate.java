package fr.raccroche.indicators.process;

import fr.raccroche.indicators.IndicatorService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_StartQuarterPerDepartement}: the quarter's timer belongs to no département; it
 * starts one {@code QuarterlyIndicatorsProcess} per département of the deployment for the quarter
 * that just ended (start variable {@code departement}: its tenant), so that each département's
 * supervisors review their own snapshot and no other's (docs/adr/0010).
 */
@Component("startQuarterPerDepartementDelegate")
public class StartQuarterPerDepartementDelegate implements JavaDelegate {
  private final IndicatorService indicators;
  private final Clock clock;

  StartQuarterPerDepartementDelegate(IndicatorService indicators, Optional<Clock> clock) {
    this.indicators = indicators;
    this.clock = clock.orElse(Clock.systemDefaultZone());
  }

  @Override
  public void execute(DelegateExecution execution) {
    var period = indicators.scheduledPeriod(LocalDate.now(clock));
    for (String departement : indicators.departements()) {
      indicators.startQuarterlyProcess(period, departement);
    }
  }
}
