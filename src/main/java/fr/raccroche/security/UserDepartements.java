package fr.raccroche.security;

import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * The départements a person works in (their Camunda tenants, in person or through a group), for
 * what records a département: an import is the importer's département's (docs/specification.md §1
 * "Départements").
 */
@Service
public class UserDepartements {
  private final IdentityService identity;
  private final String defaultDepartement;

  UserDepartements(
      IdentityService identity, @Value("${raccroche.departement}") String defaultDepartement) {
    this.identity = identity;
    this.defaultDepartement = defaultDepartement;
  }

  public Set<String> of(String userId) {
    Set<String> codes = new TreeSet<>();
    if (userId != null) {
      for (Tenant t :
          identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()) {
        codes.add(t.getId());
      }
    }
    return codes;
  }

  /**
   * The département a person's work goes to: their only one; the default département for a person
   * of none (an administrator) or of several.
   */
  public String homeOf(String userId) {
    Set<String> codes = of(userId);
    return codes.size() == 1 ? codes.iterator().next() : defaultDepartement;
  }

  /**
   * True when the person may read what a département recorded: administrators every département,
   * the others their own.
   */
  public static boolean mayRead(Authentication who, String departement) {
    return who != null && (isAdministrator(who) || Roles.departementsOf(who).contains(departement));
  }

  public static boolean isAdministrator(Authentication who) {
    return who != null
        && who.getAuthorities().stream()
            .anyMatch(a -> a.getAuthority().equals("ROLE_" + Roles.ADMIN));
  }
}
