package fr.raccroche.security;

import fr.raccroche.security.internal.CamundaAccess;
import fr.raccroche.security.internal.TenantMembership;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates user accounts in Camunda's identity service, with their groups. */
@Service
public class UserAccountService {
  private final IdentityService identity;
  private final CamundaAccess access;
  private final TenantMembership tenants;

  UserAccountService(IdentityService identity, CamundaAccess access, TenantMembership tenants) {
    this.identity = identity;
    this.access = access;
    this.tenants = tenants;
  }

  /**
   * Creates the account if it does not exist yet (an existing account keeps its password), and adds
   * it to each of its groups. Unknown fixed groups are created; perimeter and partner groups must
   * exist already (they come with their perimeter or partner). The password must follow Camunda's
   * password policy (docs/security.md S27), else {@link
   * org.camunda.bpm.engine.ProcessEngineException} "Password does not match policy" and nothing is
   * created.
   */
  @Transactional
  public void ensureUser(UserAccount account) {
    ensure(account, false);
  }

  /**
   * The same for the demo département's accounts and the tests' throwaway accounts, whose password
   * is the well-known {@code demo}: the password policy is not applied. Never for a real account
   * (the demo profile refuses PostgreSQL unless told otherwise, docs/security.md S27).
   */
  @Transactional
  public void ensureDemoUser(UserAccount account) {
    ensure(account, true);
  }

  private void ensure(UserAccount account, boolean skipPasswordPolicy) {
    if (identity.createUserQuery().userId(account.id()).count() == 0) {
      User user = identity.newUser(account.id());
      user.setFirstName(account.firstName());
      user.setLastName(account.lastName());
      user.setEmail(account.email());
      user.setPassword(account.password());
      ((IdentityServiceImpl) identity).saveUser(user, skipPasswordPolicy);
    }
    for (String group : account.groups()) {
      access.ensureGroupExists(group);
      if (identity.createUserQuery().userId(account.id()).memberOfGroup(group).count() == 0) {
        identity.createMembership(account.id(), group);
      }
    }
    tenants.place(account);
  }
}
