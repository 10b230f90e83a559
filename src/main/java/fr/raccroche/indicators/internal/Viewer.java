package fr.raccroche.indicators.internal;

import fr.raccroche.security.Roles;
import fr.raccroche.shared.InvalidInputException;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who reads a report. Administrators and supervisors see every perimeter with exact figures (they
 * review the snapshots); the prefecture sees every perimeter with small counts masked; a
 * coordinator sees the report of their own perimeter(s) only, masked like the prefecture's;
 * caseworkers see nothing (refused before this).
 */
public record Viewer(String user, boolean exact, boolean manager, Set<String> perimeters) {

  public static Viewer of(Authentication authentication) {
    boolean admin = has(authentication, Roles.ADMIN);
    boolean supervisor = has(authentication, Roles.SUPERVISOR);
    boolean prefecture = has(authentication, Roles.PREFECTURE);
    Set<String> own = new TreeSet<>();
    for (GrantedAuthority a : authentication.getAuthorities()) {
      String name = a.getAuthority();
      String prefix = Roles.GROUP_AUTHORITY_PREFIX + Roles.COORDINATOR_GROUP_PREFIX;
      if (name.startsWith(prefix)) {
        own.add(name.substring(prefix.length()));
      }
    }
    boolean all = admin || supervisor || prefecture;
    return new Viewer(
        authentication.getName(), admin || supervisor, admin || supervisor, all ? null : own);
  }

  /** Masked unless the reader is an administrator or a supervisor. */
  public boolean mask() {
    return !exact;
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
