package fr.raccroche.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import testprovider.ProConnectProvider;

/**
 * A real OpenID Connect provider standing for ProConnect inside the test JVM (Spring Authorization
 * Server), started once on {@code 127.0.0.1} (another host than the app's {@code localhost}: their
 * cookies stay apart) before the application context of the test, which it configures: issuer,
 * client id and secret, and the app's port (the provider knows the redirect URIs beforehand). Its
 * people sign in on its own login page; the ID token and userinfo carry ProConnect's claims.
 */
public class ProConnectTestProvider
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {
  static final String PASSWORD = "Mot-De-Passe-ProConnect-1";
  static final String CLIENT_ID = "raccroche-test";
  static final String CLIENT_SECRET = "secret-du-client-raccroche";
  static final String ENGINE = "proconnect";

  /** The provider's people and the claims ProConnect would send for them. */
  static final Map<String, Map<String, Object>> PEOPLE =
      Map.of(
          "agent-claire",
          Map.of(
              "email", "coord.lyon@demo.raccroche.invalid",
              "given_name", "Claire",
              "usual_name", "Coordonnatrice",
              "uid", "claire-1234",
              "siret", "13002526500013",
              "idp_id", "fia1v2"),
          "agent-inconnu",
          Map.of(
              "email", "agent.inconnu@exemple.gouv.fr",
              "given_name", "Inès",
              "usual_name", "Connue",
              "uid", "inconnu-5678",
              "siret", "13002526500013",
              "idp_id", "fia1v2"));

  private static int appPort;
  private static String issuer;

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    start();
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "proconnect-test-provider",
                Map.of(
                    "server.port",
                    appPort,
                    // A database and an engine name of its own: this context lives next to the
                    // shared one in the same JVM (Camunda keeps its engines by name, JVM-wide).
                    "spring.datasource.url",
                    "jdbc:h2:mem:raccroche-proconnect;DB_CLOSE_DELAY=-1",
                    "camunda.bpm.process-engine-name",
                    ENGINE,
                    "raccroche.security.proconnect.issuer-uri",
                    issuer,
                    "raccroche.security.proconnect.client-id",
                    CLIENT_ID,
                    "raccroche.security.proconnect.client-secret",
                    CLIENT_SECRET,
                    "raccroche.security.proconnect.contact",
                    "admin-raccroche@exemple.gouv.fr",
                    // ProConnect only: no login form (the demo of the other tests keeps it).
                    "raccroche.security.local-passwords",
                    "false")));
  }

  private static synchronized void start() {
    if (issuer != null) {
      return;
    }
    appPort = freePort();
    ProConnectProvider.appPort = appPort;
    ProConnectProvider.people = PEOPLE;
    ProConnectProvider.password = PASSWORD;
    ProConnectProvider.clientId = CLIENT_ID;
    ProConnectProvider.clientSecret = CLIENT_SECRET;
    SpringApplicationBuilder builder =
        new SpringApplicationBuilder(ProConnectProvider.Provider.class)
            .web(WebApplicationType.SERVLET)
            .properties(
                "spring.config.name=proconnect-test-provider",
                "server.address=127.0.0.1",
                "server.port=0",
                "server.servlet.session.cookie.name=PROVIDER_SESSION",
                "spring.main.banner-mode=off");
    // The provider shares the test JVM's logging and must not set it up again: the application's
    // structured log lines take their service name from the application's environment, which a
    // second set-up would replace with the provider's (PersonalDataLoggingIntegrationTest).
    builder
        .application()
        .setListeners(
            builder.application().getListeners().stream()
                .filter(
                    l ->
                        !(l
                            instanceof
                            org.springframework.boot.context.logging.LoggingApplicationListener))
                .toList());
    ConfigurableApplicationContext provider = builder.run();
    int port = Integer.parseInt(provider.getEnvironment().getRequiredProperty("local.server.port"));
    issuer = "http://127.0.0.1:" + port;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
