package fr.raccroche.security.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;

/**
 * ProConnect (OpenID Connect), only when {@code raccroche.security.proconnect.issuer-uri} is set
 * (docs/security.md S30, README "ProConnect"): the client registration {@code proconnect} read from
 * the issuer's discovery document, with the client id and secret ProConnect gave. The redirect URI
 * is {@code <public address>/login/oauth2/code/proconnect}; the sign-out goes through the
 * provider's {@code end_session_endpoint} back to {@code /login?logout}.
 */
@Configuration
@ConditionalOnExpression("!'${raccroche.security.proconnect.issuer-uri:}'.isBlank()")
class ProConnectConfiguration {
  static final String REGISTRATION = "proconnect";

  /** The claims ProConnect sends that Raccroche reads (scopes of the same names). */
  static final String[] SCOPES = {
    "openid", "email", "given_name", "usual_name", "uid", "siret", "idp_id"
  };

  @Bean
  ClientRegistrationRepository proConnectRegistrations(
      @Value("${raccroche.security.proconnect.issuer-uri}") String issuerUri,
      @Value("${raccroche.security.proconnect.client-id}") String clientId,
      @Value("${raccroche.security.proconnect.client-secret}") String clientSecret) {
    ClientRegistration registration =
        ClientRegistrations.fromIssuerLocation(issuerUri.strip())
            .registrationId(REGISTRATION)
            .clientName("ProConnect")
            .clientId(clientId)
            .clientSecret(clientSecret)
            .scope(SCOPES)
            .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
            .userNameAttributeName("sub")
            .build();
    return new InMemoryClientRegistrationRepository(registration);
  }
}
