package fr.raccroche.operations.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, replaces the engine's query of the groups that hold any authorization (run before
 * every command of an authenticated user: each Tasklist call, each {@code engine-rest} request) by
 * an index walk returning the same groups ({@code
 * db/camunda/mybatis/authorized-groups-postgres.xml}). The engine's own statement reads every
 * authorization: with per-instance grants (four per pathway) it grows with the cases; at 200,000
 * open pathways it cost 0.4 s per command.
 *
 * <p>Uses the engine's documented extension points only: a MyBatis mapper added to the engine's own
 * MyBatis configuration, and the engine's per-database statement mapping (how the engine picks its
 * own database-specific statements). Nothing changes on H2.
 */
@Component
class AuthorizedGroupsQueryPlugin extends AbstractProcessEnginePlugin {
  static final String ENGINE_STATEMENT = "selectAuthorizedGroupIds";
  static final String INDEX_WALK = "selectAuthorizedGroupIdsByIndexWalk";
  private static final String MAPPER = "db/camunda/mybatis/authorized-groups-postgres.xml";

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!DbSqlSessionFactory.POSTGRES.equals(configuration.getDatabaseType())) {
      return;
    }
    Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
    if (!mybatis.hasStatement(INDEX_WALK)) {
      try (InputStream in = getClass().getClassLoader().getResourceAsStream(MAPPER)) {
        if (in == null) {
          throw new IllegalStateException("Missing " + MAPPER);
        }
        new XMLMapperBuilder(in, mybatis, MAPPER, mybatis.getSqlFragments()).parse();
      } catch (IOException e) {
        throw new IllegalStateException("Could not read " + MAPPER, e);
      }
    }
    DbSqlSessionFactory sessions = configuration.getDbSqlSessionFactory();
    Map<String, String> mappings =
        sessions.getStatementMappings() == null
            ? new HashMap<>()
            : new HashMap<>(sessions.getStatementMappings());
    mappings.put(ENGINE_STATEMENT, INDEX_WALK);
    sessions.setStatementMappings(mappings);
  }
}
