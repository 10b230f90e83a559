package fr.raccroche.security.internal;

import fr.raccroche.security.Roles;
import fr.raccroche.security.UserAccount;
import fr.raccroche.territory.TerritoryCodes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which département an account belongs to (docs/specification.md §1 "Départements"): the one it
 * names; else, for an account of a perimeter's or partner's group, that group's (nothing to do in
 * person); else the deployment's default one — but never for the regional steering group, which
 * belongs to none.
 */
@Component
public class TenantMembership {
  private final Tenancy tenancy;
  private final String defaultDepartement;

  TenantMembership(Tenancy tenancy, @Value("${raccroche.departement}") String defaultDepartement) {
    this.tenancy = tenancy;
    this.defaultDepartement = defaultDepartement;
  }

  public void place(UserAccount account) {
    if (account.departement() != null) {
      if (!TerritoryCodes.isDepartement(account.departement())) {
        throw new IllegalArgumentException("Not a département code: " + account.departement());
      }
      tenancy.placeUser(account.id(), account.departement());
      return;
    }
    boolean territorial =
        account.groups().stream()
            .anyMatch(
                g ->
                    g.startsWith(Roles.COORDINATOR_GROUP_PREFIX)
                        || g.startsWith(Roles.PARTNER_GROUP_PREFIX));
    if (territorial || account.groups().contains(Roles.REGION_GROUP)) {
      return;
    }
    if (account.groups().contains(Roles.SUPERVISORS_GROUP)
        || account.groups().contains(Roles.PREFECTURE_GROUP)
        || account.groups().contains(Roles.ADMIN_GROUP)) {
      if (!tenancy.hasDepartement(account.id())) {
        tenancy.placeUser(account.id(), defaultDepartement);
      }
    }
  }
}
