package fr.raccroche.security.internal;

import fr.raccroche.territory.PartnerDefined;
import fr.raccroche.territory.PerimeterDefined;
import fr.raccroche.territory.TerritoryCodes;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every perimeter gets its coordinators' group and every partner its caseworkers' group, in the
 * same transaction as the perimeter or partner itself.
 */
@Component
class GroupProvisioning {
  private final CamundaAccess access;

  GroupProvisioning(CamundaAccess access) {
    this.access = access;
  }

  @EventListener
  void on(PerimeterDefined event) {
    access.ensureGroupExists(
        TerritoryCodes.coordinatorGroup(event.code()), "Coordonnateurs – " + event.name());
  }

  @EventListener
  void on(PartnerDefined event) {
    access.ensureGroupExists(
        TerritoryCodes.partnerGroup(event.code()), "Référents – " + event.name());
  }
}
