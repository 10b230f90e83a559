package fr.raccroche.security.internal;

import fr.raccroche.shared.Departement;
import fr.raccroche.territory.TerritoryCodes;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;

/**
 * The tenant of each process instance of the shared definitions (docs/adr/0010): a called instance
 * takes its caller's; otherwise the département named by the start variable {@link
 * Departement#VARIABLE}, which the application sets wherever it starts an instance about a case, a
 * perimeter, a partner or an import; otherwise none (the département-wide system processes: the
 * quarterly indicators, the nightly retention). Decisions take the tenant of the instance that
 * evaluates them. Camunda asks only for definitions deployed without a tenant: ours all are.
 */
class DepartementTenantIdProvider implements TenantIdProvider {
  @Override
  public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
    DelegateExecution caller = ctx.getSuperExecution();
    if (caller != null) {
      return caller.getTenantId();
    }
    Object departement =
        ctx.getVariables() == null ? null : ctx.getVariables().get(Departement.VARIABLE);
    if (departement instanceof String code && TerritoryCodes.isDepartement(code)) {
      return code;
    }
    return null;
  }

  @Override
  public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
    return null; // no CMMN here
  }

  @Override
  public String provideTenantIdForHistoricDecisionInstance(
      TenantIdProviderHistoricDecisionInstanceContext ctx) {
    return ctx.getExecution() == null ? null : ctx.getExecution().getTenantId();
  }
}
