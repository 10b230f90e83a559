package fr.raccroche.coordination.process;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.Optional;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The coordination's delays and schedules ({@code raccroche.coordination.*}; ISO-8601 durations, a
 * Camunda cron for the yearly diagnosis), read by the BPMN timers. Never a literal in the BPMN.
 */
@Component("coordinationSettings")
@ConfigurationProperties(prefix = "raccroche.coordination")
public class CoordinationSettings {
  private final Clock clock;
  private final DatatypeFactory durations;

  /** An offer not updated for this long gives its partner a task to update it. */
  private String offerStaleAfter = "P6M";

  /** The update task is due within this delay. */
  private String offerUpdateDue = "P15D";

  /** When the yearly territorial diagnosis opens (cron: 06:00 on 1 June by default). */
  private String diagnosisCron = "0 0 6 1 6 ?";

  /** The diagnosis task is due within this delay. */
  private String diagnosisDue = "P1M";

  /** A selected experiment's interim report is due this long after its start. */
  private String experimentInterimReportAfter = "P6M";

  /** A report task is due within this delay. */
  private String experimentReportDue = "P1M";

  /** Fewer cases than this taking part in a project: no count nor rate is shown ("< 5"). */
  private int smallCountThreshold = 5;

  public CoordinationSettings(Optional<Clock> clock) throws DatatypeConfigurationException {
    this.clock = clock.orElse(Clock.systemDefaultZone());
    this.durations = DatatypeFactory.newInstance();
  }

  /** A day plus an ISO-8601 duration, at the start of that day (months and years allowed). */
  public Date after(LocalDate day, String isoDuration) {
    GregorianCalendar calendar = new GregorianCalendar();
    calendar.setTime(Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant()));
    durations.newDuration(isoDuration).addTo(calendar);
    return calendar.getTime();
  }

  /** Now plus an ISO-8601 duration. */
  public Date dueIn(String isoDuration) {
    GregorianCalendar calendar = new GregorianCalendar();
    calendar.setTime(Date.from(clock.instant()));
    durations.newDuration(isoDuration).addTo(calendar);
    return calendar.getTime();
  }

  public LocalDate today() {
    return LocalDate.now(clock);
  }

  private void check(String name, String value) {
    try {
      durations.newDuration(value);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "raccroche.coordination." + name + ": not an ISO-8601 duration: " + value);
    }
  }

  public String getOfferStaleAfter() {
    return offerStaleAfter;
  }

  public void setOfferStaleAfter(String value) {
    check("offer-stale-after", value);
    this.offerStaleAfter = value;
  }

  public String getOfferUpdateDue() {
    return offerUpdateDue;
  }

  public void setOfferUpdateDue(String value) {
    check("offer-update-due", value);
    this.offerUpdateDue = value;
  }

  public String getDiagnosisCron() {
    return diagnosisCron;
  }

  public void setDiagnosisCron(String value) {
    if (value == null || value.isBlank() || value.strip().split("\\s+").length < 6) {
      throw new IllegalArgumentException(
          "raccroche.coordination.diagnosis-cron: not a cron expression: " + value);
    }
    this.diagnosisCron = value.strip();
  }

  public String getDiagnosisDue() {
    return diagnosisDue;
  }

  public void setDiagnosisDue(String value) {
    check("diagnosis-due", value);
    this.diagnosisDue = value;
  }

  public String getExperimentInterimReportAfter() {
    return experimentInterimReportAfter;
  }

  public void setExperimentInterimReportAfter(String value) {
    check("experiment-interim-report-after", value);
    this.experimentInterimReportAfter = value;
  }

  public int getSmallCountThreshold() {
    return smallCountThreshold;
  }

  public void setSmallCountThreshold(int value) {
    if (value < 1) {
      throw new IllegalArgumentException(
          "raccroche.coordination.small-count-threshold: at least 1, not " + value);
    }
    this.smallCountThreshold = value;
  }

  public String getExperimentReportDue() {
    return experimentReportDue;
  }

  public void setExperimentReportDue(String value) {
    check("experiment-report-due", value);
    this.experimentReportDue = value;
  }
}
