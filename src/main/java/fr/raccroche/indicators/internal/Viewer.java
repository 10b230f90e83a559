package fr.raccroche.indicators.internal;

import fr.raccroche.security.Roles;
import fr.raccroche.shared.InvalidInputException;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who reads a report. Administrators see every département and perimeter with exact figures;
 * supervisors their own département(s) with exact figures (they review the snapshots); the
 * prefecture every perimeter of its own département(s) with small counts masked; a coordinator the
 * report of their own perimeter(s) only, masked like the prefecture's; the region (the regional
 * steering group) every département of the region, masked, on its own page; caseworkers see nothing
 * (refused before this).
 *
 * <p>A user's départements are their {@code TENANT_<code>} authorities (one per Camunda tenant they
 * belong to); a user without any belongs to the default département ({@code
 * raccroche.departement}).
 *
 * @param departements the départements readable; null for every one (administrators, the region)
 * @param perimeters the perimeters readable; null for every one of the départements
 */
public record Viewer(
    String user, boolean exact, boolean manager, Set<String> departements, Set<String> perimeters) {

  public static Viewer of(Authentication authentication, String defaultDepartement) {
    boolean admin = has(authentication, Roles.ADMIN);
    boolean supervisor = has(authentication, Roles.SUPERVISOR);
    boolean prefecture = has(authentication, Roles.PREFECTURE);
    boolean region = has(authentication, Roles.REGION);
    Set<String> own = new TreeSet<>();
    for (GrantedAuthority a : authentication.getAuthorities()) {
      String name = a.getAuthority();
      String prefix = Roles.GROUP_AUTHORITY_PREFIX + Roles.COORDINATOR_GROUP_PREFIX;
      if (name.startsWith(prefix)) {
        own.add(name.substring(prefix.length()));
      }
    }
    boolean all = admin || supervisor || prefecture;
    Set<String> departements =
        admin || (region && !supervisor && !prefecture)
            ? null
            : departementsOf(authentication, defaultDepartement);
    return new Viewer(
        authentication.getName(),
        admin || supervisor,
        admin || supervisor,
        departements,
        all ? null : own);
  }

  /**
   * The départements of a user: their {@code TENANT_<code>} authorities, else the default
   * département.
   */
  public static Set<String> departementsOf(
      Authentication authentication, String defaultDepartement) {
    Set<String> codes = new TreeSet<>(Roles.departementsOf(authentication));
    if (codes.isEmpty()) {
      codes.add(defaultDepartement);
    }
    return codes;
  }

  /** Masked unless the reader is an administrator or a supervisor. */
  public boolean mask() {
    return !exact;
  }

  /**
   * The département this reader asks for, once allowed: the requested one if theirs (another one
   * refused: 403); none requested, their only one, else the default one if theirs.
   */
  public String departement(String requested, String defaultDepartement) {
    if (departements == null) {
      return requested == null ? defaultDepartement : requested;
    }
    if (requested == null) {
      if (departements.size() == 1) {
        return departements.iterator().next();
      }
      if (departements.contains(defaultDepartement)) {
        return defaultDepartement;
      }
      throw new InvalidInputException(
          "departement", "Précisez le département : vous en suivez plusieurs.");
    }
    if (!departements.contains(requested)) {
      throw new AccessDeniedException("Département out of the reader's scope");
    }
    return requested;
  }

  /**
   * The perimeter this reader asks for, once allowed: null (the département) for those who see
   * everything; a coordinator's own perimeter by default, another one refused.
   */
  public String scope(String requested) {
    if (perimeters == null) {
      return requested;
    }
    if (requested == null) {
      if (perimeters.size() == 1) {
        return perimeters.iterator().next();
      }
      throw new InvalidInputException(
          "perimeter", "Précisez le périmètre : vous coordonnez plusieurs périmètres.");
    }
    if (!perimeters.contains(requested)) {
      throw new AccessDeniedException("Perimeter out of the coordinator's scope");
    }
    return requested;
  }

  private static boolean has(Authentication authentication, String role) {
    return authentication.getAuthorities().stream()
        .anyMatch(a -> a.getAuthority().equals("ROLE_" + role));
  }
}
