package fr.raccroche.security.internal;

import fr.raccroche.territory.PartnerDefined;
import fr.raccroche.territory.PerimeterDefined;
import fr.raccroche.territory.TerritoryCodes;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every perimeter gets its coordinators' group and every partner its caseworkers' group, in the
 * same transaction as the perimeter or partner itself, in its département's tenant ({@link
 * Tenancy}).
 */
@Component
class GroupProvisioning {
  private final CamundaAccess access;
  private final TasklistFilterAccess filters;
  private final Tenancy tenancy;

  GroupProvisioning(CamundaAccess access, TasklistFilterAccess filters, Tenancy tenancy) {
    this.access = access;
    this.filters = filters;
    this.tenancy = tenancy;
  }

  @EventListener
  void on(PerimeterDefined event) {
    String group = TerritoryCodes.coordinatorGroup(event.code());
    access.ensureGroupExists(group, "Coordonnateurs – " + event.name());
    tenancy.placeGroup(group, event.departement());
    filters.grantTo(group);
  }

  @EventListener
  void on(PartnerDefined event) {
    String group = TerritoryCodes.partnerGroup(event.code());
    access.ensureGroupExists(group, "Référents – " + event.name());
    tenancy.placeGroup(group, event.departement());
    filters.grantTo(group);
  }
}
