package fr.raccroche.indicators.process;

/** Variable names of {@code QuarterlyIndicatorsProcess}. */
public final class QuarterlyIndicatorsVariables {
  public static final String SCHOOL_YEAR = "schoolYear";
  public static final String QUARTER = "quarter";
  public static final String SNAPSHOT_ID = "snapshotId";
  public static final String SNAPSHOT_SUMMARY = "snapshotSummary";
  public static final String REPORT_LINK = "reportLink";
  public static final String REVIEW_DECISION = "reviewDecision";
  public static final String REVIEW_COMMENT = "reviewComment";

  /** {@code reviewDecision} values. */
  public static final String PUBLISH = "PUBLISH";

  public static final String RECOMPUTE = "RECOMPUTE";

  private QuarterlyIndicatorsVariables() {}
}
