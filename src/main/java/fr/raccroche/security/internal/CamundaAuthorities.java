package fr.raccroche.security.internal;

import fr.raccroche.security.Roles;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A user's Spring Security authorities from their Camunda groups: {@code GROUP_<group>} for each
 * and {@code ROLE_<role>} for the role it gives. Groups stay managed in Raccroche, whatever the
 * sign-in (password or ProConnect). {@code TENANT_<code>} for each département (Camunda tenant)
 * they belong to, directly or through a group.
 */
final class CamundaAuthorities {
  private CamundaAuthorities() {}

  static List<GrantedAuthority> of(IdentityService identity, String userId) {
    List<Group> groups = identity.createGroupQuery().groupMember(userId).list();
    Set<GrantedAuthority> authorities = new LinkedHashSet<>();
    for (Group group : groups) {
      authorities.add(new SimpleGrantedAuthority(Roles.GROUP_AUTHORITY_PREFIX + group.getId()));
      String role = Roles.roleOfGroup(group.getId());
      if (role != null) {
        authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
      }
    }
    for (Tenant tenant :
        identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()) {
      authorities.add(new SimpleGrantedAuthority(Roles.TENANT_AUTHORITY_PREFIX + tenant.getId()));
    }
    return new ArrayList<>(authorities);
  }
}
