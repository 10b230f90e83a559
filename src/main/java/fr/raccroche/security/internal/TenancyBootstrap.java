package fr.raccroche.security.internal;

import fr.raccroche.security.Roles;
import fr.raccroche.shared.ClusterLock;
import fr.raccroche.territory.Departements;
import fr.raccroche.territory.Partner;
import fr.raccroche.territory.Perimeter;
import fr.raccroche.territory.TerritoryService;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * At every start, after {@link AccessBootstrap}: a tenant for each département served, every
 * perimeter's and partner's group in its département's tenant, and the supervisors and prefecture
 * officers who belong to no département yet (accounts from before départements) in the default one.
 * Idempotent, one node at a time.
 */
@Component
@Order(1)
class TenancyBootstrap implements ApplicationRunner {
  private final Tenancy tenancy;
  private final Departements departements;
  private final TerritoryService territory;
  private final IdentityService identity;
  private final ClusterLock clusterLock;

  TenancyBootstrap(
      Tenancy tenancy,
      Departements departements,
      TerritoryService territory,
      IdentityService identity,
      ClusterLock clusterLock) {
    this.tenancy = tenancy;
    this.departements = departements;
    this.territory = territory;
    this.identity = identity;
    this.clusterLock = clusterLock;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    clusterLock.lockForTransaction(ClusterLock.STARTUP);
    departements.codes().forEach(tenancy::ensureTenant);
    for (Perimeter perimeter : territory.perimeters()) {
      tenancy.placeGroup(perimeter.coordinatorGroup(), perimeter.departement());
    }
    for (Partner partner : territory.partners(null, null)) {
      tenancy.placeGroup(partner.caseworkerGroup(), partner.departement());
    }
    for (String group : List.of(Roles.SUPERVISORS_GROUP, Roles.PREFECTURE_GROUP)) {
      for (User user : identity.createUserQuery().memberOfGroup(group).list()) {
        if (!tenancy.hasDepartement(user.getId())) {
          tenancy.placeUser(user.getId(), departements.defaultDepartement());
        }
      }
    }
  }
}
