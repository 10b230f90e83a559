package fr.raccroche.pathway;

import fr.raccroche.security.Roles;
import fr.raccroche.territory.Departements;
import java.util.HashSet;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * The cases a signed-in person may see, from their groups: administrators all, supervisors every
 * case of their départements ({@code TENANT_<code>}: none without one), coordinators their
 * perimeters' ({@code coord-<perimeter>}), caseworkers those oriented to their partner ({@code
 * partner-<partner>}), the prefecture and the regional steering group none.
 */
@Component
public class CaseScopes {
  private final Departements departements;

  CaseScopes(Departements departements) {
    this.departements = departements;
  }

  public CaseScope of(Authentication authentication) {
    if (authentication == null) {
      return CaseScope.NONE;
    }
    Set<String> perimeters = new HashSet<>();
    Set<String> partners = new HashSet<>();
    boolean supervisor = false;
    for (GrantedAuthority authority : authentication.getAuthorities()) {
      String name = authority.getAuthority();
      if (name.equals("ROLE_" + Roles.ADMIN)) {
        return CaseScope.ALL;
      }
      if (name.equals("ROLE_" + Roles.SUPERVISOR)) {
        supervisor = true;
      }
      if (!name.startsWith(Roles.GROUP_AUTHORITY_PREFIX)) {
        continue;
      }
      String group = name.substring(Roles.GROUP_AUTHORITY_PREFIX.length());
      if (group.startsWith(Roles.COORDINATOR_GROUP_PREFIX)) {
        perimeters.add(group.substring(Roles.COORDINATOR_GROUP_PREFIX.length()));
      } else if (group.startsWith(Roles.PARTNER_GROUP_PREFIX)) {
        partners.add(group.substring(Roles.PARTNER_GROUP_PREFIX.length()));
      }
    }
    if (supervisor) {
      Set<String> theirs = Roles.departementsOf(authentication);
      return CaseScope.departements(theirs, departements.perimetersOf(theirs));
    }
    return new CaseScope(false, Set.copyOf(perimeters), Set.copyOf(partners));
  }
}
