package fr.raccroche.operations;

import static org.assertj.core.api.Assertions.assertThat;

import fr.raccroche.testsupport.RaccrocheIntegrationTest;
import fr.raccroche.testsupport.TestDatabases;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The groups holding any authorization, which the engine reads before every command of an
 * authenticated user to scope what they see: on PostgreSQL through an index walk (the engine's own
 * statement reads the whole table), with exactly the engine's answer.
 */
@RaccrocheIntegrationTest
class AuthorizedGroupsQueryIntegrationTest {
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theEngineSeesTheSameAuthorizedGroupsAsAPlainDistinctScan() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    String statement =
        configuration.getDbSqlSessionFactory().mapStatement("selectAuthorizedGroupIds");
    if (TestDatabases.postgres()) {
      assertThat(statement).isEqualTo("selectAuthorizedGroupIdsByIndexWalk");
    } else {
      assertThat(statement).isEqualTo("selectAuthorizedGroupIds");
    }

    Set<String> expected =
        new HashSet<>(
            jdbc.queryForList(
                "select distinct group_id_ from act_ru_authorization where group_id_ is not null",
                String.class));
    // The demo département grants its coordinators, partners and supervisors.
    assertThat(expected).contains("coord-LYON", "supervisors");

    List<String> seen =
        inCommand(
            context ->
                context
                    .getAuthorizationManager()
                    .filterAuthenticatedGroupIds(
                        List.of("coord-LYON", "supervisors", "groupe-inconnu")));
    assertThat(seen).containsExactlyInAnyOrder("coord-LYON", "supervisors");

    List<String> all =
        inCommand(context -> context.getDbEntityManager().selectList("selectAuthorizedGroupIds"));
    // The engine's own statement also answers the null group of user grants; it keeps only the
    // caller's groups of the answer, so both statements give the same scopes.
    Set<String> groups = new HashSet<>(all);
    groups.remove(null);
    assertThat(groups).isEqualTo(expected);
  }

  private <T> T inCommand(Command<T> command) {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired()
        .execute(command);
  }
}
