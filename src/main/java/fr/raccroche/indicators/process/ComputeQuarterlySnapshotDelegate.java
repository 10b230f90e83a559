package fr.raccroche.indicators.process;

import static fr.raccroche.indicators.process.QuarterlyIndicatorsVariables.*;

import fr.raccroche.indicators.IndicatorService;
import fr.raccroche.indicators.IndicatorService.Period;
import fr.raccroche.indicators.SnapshotSummary;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_ComputeQuarterlySnapshot}: computes the quarter and stores it as a new draft.
 * Started by the timer, the quarter is the one that just ended; started by hand, the {@code
 * schoolYear} and {@code quarter} variables say which. A draft sent back by the supervisors is
 * discarded first (with their comment): a recomputation is always a new draft. One snapshot per
 * département: the variable {@code departement} says which (the timer starts one instance per
 * département: {@link StartQuarterPerDepartementDelegate}).
 */
@Component("computeQuarterlySnapshotDelegate")
public class ComputeQuarterlySnapshotDelegate implements JavaDelegate {
  private final IndicatorService indicators;
  private final Clock clock;

  ComputeQuarterlySnapshotDelegate(IndicatorService indicators, Optional<Clock> clock) {
    this.indicators = indicators;
    this.clock = clock.orElse(Clock.systemDefaultZone());
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object previous = execution.getVariable(SNAPSHOT_ID);
    if (previous != null) {
      indicators.discard(
          ((Number) previous).longValue(),
          (String) execution.getVariable(REVIEW_COMMENT),
          reviewer(execution));
    }
    Object sy = execution.getVariable(SCHOOL_YEAR);
    Object q = execution.getVariable(QUARTER);
    Period period =
        sy == null || q == null
            ? indicators.scheduledPeriod(LocalDate.now(clock))
            : indicators.period(sy.toString(), q.toString());
    Object d = execution.getVariable(IndicatorService.DEPARTEMENT_VARIABLE);
    String departement;
    if (d == null) {
      // An instance started without a département (before départements, or by a client that
      // names none): the default one. The timer starts one instance per département
      // (StartQuarterPerDepartementDelegate).
      departement = indicators.departement();
      execution.setVariable(IndicatorService.DEPARTEMENT_VARIABLE, departement);
    } else {
      departement = indicators.departement(d.toString());
    }
    SnapshotSummary draft =
        indicators.createDraft(period, departement, execution.getProcessInstanceId());
    execution.setVariable(SCHOOL_YEAR, period.schoolYear().toString());
    execution.setVariable(QUARTER, period.quarter().toString());
    execution.setVariable(SNAPSHOT_ID, draft.id());
    execution.setVariable(SNAPSHOT_SUMMARY, indicators.describe(draft.id()));
    execution.setVariable(
        REPORT_LINK,
        "/indicators?schoolYear="
            + period.schoolYear()
            + "&quarter="
            + period.quarter()
            + "&departement="
            + departement);
    execution.removeVariable(REVIEW_DECISION);
    execution.removeVariable(REVIEW_COMMENT);
  }

  static String reviewer(DelegateExecution execution) {
    var authentication =
        execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }
}
