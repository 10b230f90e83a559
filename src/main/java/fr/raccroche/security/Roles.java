package fr.raccroche.security;

/**
 * The fixed Camunda groups (docs/specification.md §1 Territory) and the Spring Security roles
 * derived from group membership. Perimeter and partner groups are {@code coord-<perimeter>} and
 * {@code partner-<partner>}.
 */
public final class Roles {
  public static final String ADMIN_GROUP = "camunda-admin";
  public static final String SUPERVISORS_GROUP = "supervisors";
  public static final String PREFECTURE_GROUP = "prefecture";

  /**
   * The regional steering group: reads the indicators of the region's départements, aggregates only
   * (no case, no engine-rest, no Camunda web app).
   */
  public static final String REGION_GROUP = "region";

  /** Monitoring (a Prometheus scraper): reads {@code /actuator/prometheus}, nothing else. */
  public static final String MONITORING_GROUP = "monitoring";

  public static final String COORDINATOR_GROUP_PREFIX = "coord-";
  public static final String PARTNER_GROUP_PREFIX = "partner-";

  /** Spring Security role names (without the {@code ROLE_} prefix). */
  public static final String ADMIN = "ADMIN";

  public static final String SUPERVISOR = "SUPERVISOR";
  public static final String PREFECTURE = "PREFECTURE";
  public static final String COORDINATOR = "COORDINATOR";
  public static final String CASEWORKER = "CASEWORKER";
  public static final String MONITORING = "MONITORING";
  public static final String REGION = "REGION";

  /** Authority prefix carrying each Camunda group the user belongs to. */
  public static final String GROUP_AUTHORITY_PREFIX = "GROUP_";

  private Roles() {}

  /** The role a Camunda group gives, or null for a group with no role of its own. */
  public static String roleOfGroup(String groupId) {
    if (ADMIN_GROUP.equals(groupId)) {
      return ADMIN;
    }
    if (SUPERVISORS_GROUP.equals(groupId)) {
      return SUPERVISOR;
    }
    if (PREFECTURE_GROUP.equals(groupId)) {
      return PREFECTURE;
    }
    if (MONITORING_GROUP.equals(groupId)) {
      return MONITORING;
    }
    if (REGION_GROUP.equals(groupId)) {
      return REGION;
    }
    if (groupId.startsWith(COORDINATOR_GROUP_PREFIX)) {
      return COORDINATOR;
    }
    if (groupId.startsWith(PARTNER_GROUP_PREFIX)) {
      return CASEWORKER;
    }
    return null;
  }
}
