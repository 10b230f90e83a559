package fr.raccroche.pathway.process;

import java.time.Clock;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.Optional;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The pathway's delays ({@code raccroche.pathway.*}, ISO-8601 durations), read by the BPMN's timers
 * ({@code ${pathwayDelays.contactReminder}}) and due dates ({@code
 * ${pathwayDelays.dueIn(pathwayDelays.needsAnalysisDue)}}). Never a literal in the BPMN.
 */
@Component("pathwayDelays")
@ConfigurationProperties(prefix = "raccroche.pathway")
public class PathwayDelays {
  private final Clock clock;
  private final DatatypeFactory durations;

  /** No attempt on the contact task after this long: reminder. */
  private String contactReminder = "P7D";

  /** Wait between two unsuccessful contact attempts. */
  private String contactRetryInterval = "P7D";

  /** Unsuccessful attempts after which the young person is unreachable. */
  private int maxContactAttempts = 3;

  /** Wait before the last try with an unreachable young person. */
  private String unreachableLastTry = "P3M";

  /** A young person who comes forward is interviewed within this delay. */
  private String selfReferralInterviewDue = "P15D";

  /** Needs analysis due after the first contact. */
  private String needsAnalysisDue = "P15D";

  /** Prior-learning recognition due after the needs analysis. */
  private String priorLearningDue = "P15D";

  /** Orientation to a referent due after the decision. */
  private String orientationDue = "P7D";

  /** The partner has not answered the orientation: reminder. */
  private String orientationReminder = "P10D";

  /** The partner has not answered the orientation: back to the coordinator. */
  private String orientationExpiry = "P30D";

  /** Between two follow-ups by the referent. */
  private String followUpInterval = "P3M";

  /** A follow-up task is due within this delay. */
  private String followUpDue = "P15D";

  /** The solution check, after the first contact. */
  private String oneYearCheck = "P1Y";

  /** The one-year check task is due within this delay. */
  private String oneYearCheckDue = "P15D";

  /**
   * How often, and how far apart, the job of {@code PathwayStartRecoveryProcess} tries again to
   * start a pathway whose start failed, before it becomes an incident (ISO-8601 repeating interval,
   * {@code R<n>/<duration>}).
   */
  private String startRetryCycle = "R3/PT10M";

  public String getStartRetryCycle() {
    return startRetryCycle;
  }

  public void setStartRetryCycle(String startRetryCycle) {
    this.startRetryCycle = startRetryCycle;
  }

  public PathwayDelays(Optional<Clock> clock) throws DatatypeConfigurationException {
    this.clock = clock.orElse(Clock.systemDefaultZone());
    this.durations = DatatypeFactory.newInstance();
  }

  /** Now plus an ISO-8601 duration (months and years allowed). */
  public Date dueIn(String isoDuration) {
    return after(Date.from(clock.instant()), isoDuration);
  }

  /** A date plus an ISO-8601 duration (months and years allowed). */
  public Date after(Date base, String isoDuration) {
    GregorianCalendar calendar = new GregorianCalendar();
    calendar.setTime(base);
    durations.newDuration(isoDuration).addTo(calendar);
    return calendar.getTime();
  }

  /** Checks every delay parses, so that a wrong setting fails at startup, not in a timer. */
  @jakarta.annotation.PostConstruct
  void validate() {
    for (String value :
        new String[] {
          contactReminder,
          contactRetryInterval,
          unreachableLastTry,
          selfReferralInterviewDue,
          needsAnalysisDue,
          priorLearningDue,
          orientationDue,
          orientationReminder,
          orientationExpiry,
          followUpInterval,
          followUpDue,
          oneYearCheck,
          oneYearCheckDue
        }) {
      try {
        durations.newDuration(value);
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new IllegalStateException(
            "raccroche.pathway: '" + value + "' is not an ISO-8601 duration", e);
      }
    }
    if (startRetryCycle == null || !startRetryCycle.matches("R\\d+/P.+")) {
      throw new IllegalStateException(
          "raccroche.pathway.start-retry-cycle: '" + startRetryCycle + "' is not R<n>/<duration>");
    }
    durations.newDuration(startRetryCycle.substring(startRetryCycle.indexOf('/') + 1));
    if (maxContactAttempts < 1) {
      throw new IllegalStateException("raccroche.pathway.max-contact-attempts must be >= 1");
    }
  }

  public String getContactReminder() {
    return contactReminder;
  }

  public void setContactReminder(String contactReminder) {
    this.contactReminder = contactReminder;
  }

  public String getContactRetryInterval() {
    return contactRetryInterval;
  }

  public void setContactRetryInterval(String contactRetryInterval) {
    this.contactRetryInterval = contactRetryInterval;
  }

  public int getMaxContactAttempts() {
    return maxContactAttempts;
  }

  public void setMaxContactAttempts(int maxContactAttempts) {
    this.maxContactAttempts = maxContactAttempts;
  }

  public String getUnreachableLastTry() {
    return unreachableLastTry;
  }

  public void setUnreachableLastTry(String unreachableLastTry) {
    this.unreachableLastTry = unreachableLastTry;
  }

  public String getSelfReferralInterviewDue() {
    return selfReferralInterviewDue;
  }

  public void setSelfReferralInterviewDue(String selfReferralInterviewDue) {
    this.selfReferralInterviewDue = selfReferralInterviewDue;
  }

  public String getNeedsAnalysisDue() {
    return needsAnalysisDue;
  }

  public void setNeedsAnalysisDue(String needsAnalysisDue) {
    this.needsAnalysisDue = needsAnalysisDue;
  }

  public String getPriorLearningDue() {
    return priorLearningDue;
  }

  public void setPriorLearningDue(String priorLearningDue) {
    this.priorLearningDue = priorLearningDue;
  }

  public String getOrientationDue() {
    return orientationDue;
  }

  public void setOrientationDue(String orientationDue) {
    this.orientationDue = orientationDue;
  }

  public String getOrientationReminder() {
    return orientationReminder;
  }

  public void setOrientationReminder(String orientationReminder) {
    this.orientationReminder = orientationReminder;
  }

  public String getOrientationExpiry() {
    return orientationExpiry;
  }

  public void setOrientationExpiry(String orientationExpiry) {
    this.orientationExpiry = orientationExpiry;
  }

  public String getFollowUpInterval() {
    return followUpInterval;
  }

  public void setFollowUpInterval(String followUpInterval) {
    this.followUpInterval = followUpInterval;
  }

  public String getFollowUpDue() {
    return followUpDue;
  }

  public void setFollowUpDue(String followUpDue) {
    this.followUpDue = followUpDue;
  }

  public String getOneYearCheck() {
    return oneYearCheck;
  }

  public void setOneYearCheck(String oneYearCheck) {
    this.oneYearCheck = oneYearCheck;
  }

  public String getOneYearCheckDue() {
    return oneYearCheckDue;
  }

  public void setOneYearCheckDue(String oneYearCheckDue) {
    this.oneYearCheckDue = oneYearCheckDue;
  }
}
