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

  /** Monitoring (a Prometheus scraper): reads {@code /actuator/prometheus}, nothing else. */
  public static final String MONITORING_GROUP = "monitoring";

  /**
   * The regional steering group: reads every département's aggregates, nothing nominative; belongs
   * to no département (docs/specification.md §1 "Départements").
   */
  public static final String REGION_GROUP = "region";

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

  /**
   * Authority prefix carrying each département (Camunda tenant) the user belongs to, directly or
   * through a group.
   */
  public static final String TENANT_AUTHORITY_PREFIX = "TENANT_";

  private Roles() {}

  /** The départements (tenant ids) of a signed-in user, from their authorities; empty if none. */
  public static java.util.Set<String> departementsOf(
      org.springframework.security.core.Authentication authentication) {
    java.util.Set<String> codes = new java.util.TreeSet<>();
    if (authentication != null) {
      for (var authority : authentication.getAuthorities()) {
        String name = authority.getAuthority();
        if (name.startsWith(TENANT_AUTHORITY_PREFIX)) {
          codes.add(name.substring(TENANT_AUTHORITY_PREFIX.length()));
        }
      }
    }
    return codes;
  }

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
