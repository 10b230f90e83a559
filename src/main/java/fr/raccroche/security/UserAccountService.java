package fr.raccroche.security;

import fr.raccroche.security.internal.CamundaAccess;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates user accounts in Camunda's identity service, with their groups. */
@Service
public class UserAccountService {
  private final IdentityService identity;
  private final CamundaAccess access;

  UserAccountService(IdentityService identity, CamundaAccess access) {
    this.identity = identity;
    this.access = access;
  }

  /**
   * Creates the account if it does not exist yet (an existing account keeps its password), and adds
   * it to each of its groups. Unknown fixed groups are created; perimeter and partner groups must
   * exist already (they come with their perimeter or partner).
   */
  @Transactional
  public void ensureUser(UserAccount account) {
    if (identity.createUserQuery().userId(account.id()).count() == 0) {
      User user = identity.newUser(account.id());
      user.setFirstName(account.firstName());
      user.setLastName(account.lastName());
      user.setEmail(account.email());
      user.setPassword(account.password());
      identity.saveUser(user);
    }
    for (String group : account.groups()) {
      access.ensureGroupExists(group);
      if (identity.createUserQuery().userId(account.id()).memberOfGroup(group).count() == 0) {
        identity.createMembership(account.id(), group);
      }
    }
  }
}
