package fr.raccroche.security.internal;

import java.util.Collection;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Turns a ProConnect sign-in into the Camunda user it is ({@link ProConnectAccounts}), with the
 * authorities of that user's Camunda groups; an unknown address is refused with the error {@value
 * #UNKNOWN_ACCOUNT} (a French page, {@link ProConnectPages}). Reads the claims {@code sub}, {@code
 * email}, {@code given_name}, {@code usual_name}, {@code uid}, {@code siret}, {@code idp_id} from
 * the ID token and the userinfo endpoint, which ProConnect answers as a signed JWT (checked against
 * the provider's keys) and other providers as JSON.
 */
@Component
@ConditionalOnExpression("!'${raccroche.security.proconnect.issuer-uri:}'.isBlank()")
class ProConnectUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {
  static final String UNKNOWN_ACCOUNT = "raccroche_unknown_account";
  private static final Logger log = LoggerFactory.getLogger(ProConnectUserService.class);

  private final OidcUserService oidc = new OidcUserService();
  private final ProConnectAccounts accounts;
  private final IdentityService identity;

  ProConnectUserService(ProConnectAccounts accounts, IdentityService identity) {
    this.accounts = accounts;
    this.identity = identity;
    oidc.setOauth2UserService(ProConnectUserService::userInfo);
  }

  @Override
  public OidcUser loadUser(OidcUserRequest request) {
    OidcUser proConnect = oidc.loadUser(request);
    String email = proConnect.getEmail();
    String userId =
        accounts
            .userFor(proConnect.getSubject(), email)
            .orElseThrow(
                () -> {
                  // The address is the person's professional one, not a young person's: it goes
                  // to the page that tells them whom to ask, never to the logs.
                  log.info("ProConnect sign-in refused: no single Raccroche account for it");
                  return new OAuth2AuthenticationException(
                      new OAuth2Error(UNKNOWN_ACCOUNT, email == null ? "" : email, null));
                });
    log.info("ProConnect sign-in of user id {}", userId);
    return new RaccrocheOidcUser(
        CamundaAuthorities.of(identity, userId),
        proConnect.getIdToken(),
        proConnect.getUserInfo(),
        userId);
  }

  /** The userinfo endpoint's claims, whether it answers JSON or a signed JWT (ProConnect). */
  static OAuth2User userInfo(OAuth2UserRequest request) {
    ClientRegistration.ProviderDetails provider =
        request.getClientRegistration().getProviderDetails();
    ResponseEntity<String> response =
        RestClient.create()
            .get()
            .uri(provider.getUserInfoEndpoint().getUri())
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + request.getAccessToken().getTokenValue())
            .accept(MediaType.APPLICATION_JSON, MediaType.parseMediaType("application/jwt"))
            .retrieve()
            .toEntity(String.class);
    MediaType type = response.getHeaders().getContentType();
    Map<String, Object> claims;
    if (type != null && type.getSubtype().contains("jwt")) {
      claims =
          NimbusJwtDecoder.withJwkSetUri(provider.getJwkSetUri())
              .build()
              .decode(response.getBody())
              .getClaims();
    } else {
      try {
        claims =
            new com.fasterxml.jackson.databind.ObjectMapper()
                .readValue(
                    response.getBody(),
                    new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {});
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new OAuth2AuthenticationException(
            new OAuth2Error("invalid_user_info_response", "unreadable userinfo answer", null), e);
      }
    }
    return new DefaultOAuth2User(java.util.List.of(), claims, "sub");
  }

  /** The signed-in person: named by their Camunda user id, with ProConnect's tokens kept. */
  static final class RaccrocheOidcUser extends DefaultOidcUser {
    private final String userId;

    RaccrocheOidcUser(
        Collection<? extends GrantedAuthority> authorities,
        org.springframework.security.oauth2.core.oidc.OidcIdToken idToken,
        OidcUserInfo userInfo,
        String userId) {
      super(authorities, idToken, userInfo, "sub");
      this.userId = userId;
    }

    @Override
    public String getName() {
      return userId;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof RaccrocheOidcUser user
          && user.userId.equals(userId)
          && super.equals(other);
    }

    @Override
    public int hashCode() {
      return userId.hashCode();
    }
  }
}
