package fr.raccroche.coordination.process;

import fr.raccroche.coordination.ExperimentService;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Read by {@code ExperimentProjectProcess} ({@code ${experimentSchedule.…}}): the project's start,
 * its interim report (the configured delay after the start) and its end, from the project's dates.
 */
@Component("experimentSchedule")
public class ExperimentSchedule {
  private final ExperimentService experiments;
  private final CoordinationSettings settings;

  public ExperimentSchedule(ExperimentService experiments, CoordinationSettings settings) {
    this.experiments = experiments;
    this.settings = settings;
  }

  public Date startsAt(Object projectId) {
    return settings.after(experiments.project(id(projectId)).startDate(), "PT0S");
  }

  public Date interimReportDue(Object projectId) {
    return settings.after(
        experiments.project(id(projectId)).startDate(), settings.getExperimentInterimReportAfter());
  }

  /** The day after the last day of the project. */
  public Date endsAt(Object projectId) {
    return settings.after(experiments.project(id(projectId)).endDate(), "P1D");
  }

  /** Due date of a report or decision task. */
  public Date reportDue() {
    return settings.dueIn(settings.getExperimentReportDue());
  }

  private static long id(Object value) {
    return ((Number) value).longValue();
  }
}
