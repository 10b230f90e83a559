package fr.raccroche.security.internal;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.stereotype.Component;

/**
 * The Camunda side of the départements (docs/adr/0010): one tenant per département, id = its code;
 * a perimeter's coordinators' group and a partner's caseworkers' group are members of their
 * département's tenant (of that one only: a group belongs to one département); a supervisor or a
 * prefecture officer is a member in person. The engine then limits every query of a signed-in user
 * to their tenants' instances, tasks, jobs and history (its tenant check), on engine-rest, in
 * Tasklist and in Cockpit; administrators ({@code camunda-admin}) are not limited. Idempotent.
 */
@Component
class Tenancy {
  private final IdentityService identity;

  Tenancy(IdentityService identity) {
    this.identity = identity;
  }

  void ensureTenant(String departement) {
    if (identity.createTenantQuery().tenantId(departement).count() == 0) {
      Tenant tenant = identity.newTenant(departement);
      tenant.setName("Département " + departement);
      identity.saveTenant(tenant);
    }
  }

  /** The group belongs to this département, and to no other. */
  void placeGroup(String groupId, String departement) {
    place(
        identity.createTenantQuery().groupMember(groupId).list(),
        departement,
        other -> identity.deleteTenantGroupMembership(other, groupId),
        () -> identity.createTenantGroupMembership(departement, groupId));
  }

  /** The user belongs to this département, and to no other in person. */
  void placeUser(String userId, String departement) {
    place(
        identity.createTenantQuery().userMember(userId).list(),
        departement,
        other -> identity.deleteTenantUserMembership(other, userId),
        () -> identity.createTenantUserMembership(departement, userId));
  }

  private void place(
      List<Tenant> current,
      String departement,
      java.util.function.Consumer<String> leave,
      Runnable join) {
    ensureTenant(departement);
    boolean member = false;
    for (Tenant tenant : current) {
      if (tenant.getId().equals(departement)) {
        member = true;
      } else {
        leave.accept(tenant.getId());
      }
    }
    if (!member) {
      join.run();
    }
  }

  /** True when the user belongs to some département, in person or through a group. */
  boolean hasDepartement(String userId) {
    return identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).count() > 0;
  }
}
