package fr.raccroche.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.raccroche.testsupport.Http;
import fr.raccroche.testsupport.RaccrocheIntegrationTest;
import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.digest.Sha512HashDigest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 20 §3, passwords that remain (docs/security.md S27, S28): bcrypt, older hashes upgraded at
 * the sign-in, Camunda's password policy, the first administrator from configuration and the setup
 * page closed.
 */
@RaccrocheIntegrationTest
class PasswordsIntegrationTest {
  static final String BCRYPT = "{BCRYPT-SHA256}$2a$";

  @LocalServerPort int port;
  @Autowired UserAccountService accounts;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  Http http;

  @BeforeEach
  void newBrowser() {
    http = new Http(port);
  }

  String storedHash(String userId) {
    return jdbc.queryForObject("select PWD_ from ACT_ID_USER where ID_ = ?", String.class, userId);
  }

  @Test
  void aNewUsersPasswordIsStoredWithBcryptAndSignsIn() {
    accounts.ensureUser(
        new UserAccount(
            "essai.bcrypt",
            "Essai",
            "Bcrypt",
            null,
            "Un-Mot-De-Passe-2026",
            List.of("coord-LYON")));
    assertThat(storedHash("essai.bcrypt")).startsWith(BCRYPT).doesNotContain("2026");
    assertThat(http.get("/api/perimeters", "essai.bcrypt", "Un-Mot-De-Passe-2026").statusCode())
        .isEqualTo(200);
    assertThat(new Http(port).signIn("essai.bcrypt", "Un-Mot-De-Passe-2026").headers())
        .satisfies(h -> assertThat(h.firstValue("Location").orElseThrow()).doesNotContain("error"));

    // Created by an administrator through the engine's API (as Camunda Admin does): bcrypt too.
    // A new id at each run: the PostgreSQL test database is kept between runs.
    String createdId = "essai.cree-" + System.currentTimeMillis();
    HttpResponse<String> created =
        http.postJson(
            "/engine-rest/user/create",
            "{\"profile\":{\"id\":\""
                + createdId
                + "\",\"firstName\":\"Essai\","
                + "\"lastName\":\"Admin\",\"email\":\"essai.cree@raccroche-test.invalid\"},"
                + "\"credentials\":{\"password\":\"Cree-Par-La-Gestion-2026\"}}",
            "admin",
            "demo");
    assertThat(created.statusCode()).isEqualTo(204);
    assertThat(storedHash(createdId)).startsWith(BCRYPT);
    // Longer than bcrypt's 72 bytes: the whole passphrase counts.
    String longPassphrase = "Une-Phrase-De-Passe-Tres-Longue-2026-".repeat(3);
    accounts.ensureUser(
        new UserAccount("essai.long", "Essai", "Durand", null, longPassphrase, List.of()));
    assertThat(identity.checkPassword("essai.long", longPassphrase)).isTrue();
    assertThat(
            identity.checkPassword(
                "essai.long", longPassphrase.substring(0, longPassphrase.length() - 1) + "!"))
        .isFalse();
  }

  @Test
  void aLegacyShaHashStillSignsInAndIsReplacedByBcryptAtTheSignIn() {
    accounts.ensureDemoUser(
        new UserAccount("essai.ancien", "Essai", "Ancien", null, "demo", List.of("coord-LYON")));
    // As Camunda stored it before: {SHA-512} over the password and the user's salt.
    String salt = "c2VsLWRlLWwtYW5jaWVuLWhhY2hhZ2U=";
    jdbc.update(
        "update ACT_ID_USER set PWD_ = ?, SALT_ = ? where ID_ = ?",
        "{SHA-512}" + new Sha512HashDigest().encrypt("ancien" + salt),
        salt,
        "essai.ancien");
    assertThat(storedHash("essai.ancien")).startsWith("{SHA-512}");

    HttpResponse<String> signedIn = http.signIn("essai.ancien", "ancien");
    assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
    assertThat(http.get("/").statusCode()).isEqualTo(200);
    assertThat(storedHash("essai.ancien")).startsWith(BCRYPT);
    // The same password still opens, now checked against bcrypt; a wrong one does not.
    assertThat(new Http(port).get("/api/perimeters", "essai.ancien", "ancien").statusCode())
        .isEqualTo(200);
    assertThat(identity.checkPassword("essai.ancien", "demo")).isFalse();
  }

  @Test
  void aWeakPasswordIsRefusedWithThePolicyInFrenchAndNothingIsCreated() {
    HttpResponse<String> weak =
        http.postJson(
            "/engine-rest/user/create",
            "{\"profile\":{\"id\":\"essai.faible\",\"firstName\":\"Essai\",\"lastName\":\"Faible\"},"
                + "\"credentials\":{\"password\":\"motdepasse\"}}",
            "admin",
            "demo");
    assertThat(weak.statusCode()).isEqualTo(400);
    assertThat(weak.body())
        .contains(
            "Mot de passe refusé : il doit compter au moins 10 caractères, dont une minuscule, une"
                + " majuscule, un chiffre et un caractère spécial")
        .doesNotContain("Exception");
    assertThat(identity.createUserQuery().userId("essai.faible").count()).isZero();

    // The policy the Admin app shows while typing.
    HttpResponse<String> policy =
        http.postJson(
            "/engine-rest/identity/password-policy",
            "{\"password\":\"motdepasse\"}",
            "admin",
            "demo");
    assertThat(policy.statusCode()).isEqualTo(200);
    assertThat(policy.body()).contains("\"valid\":false", "PASSWORD_POLICY_UPPERCASE");

    assertThatThrownBy(
            () ->
                accounts.ensureUser(
                    new UserAccount("essai.faible2", "Essai", "Faible", null, "demo", List.of())))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Password does not match policy");
    assertThat(identity.createUserQuery().userId("essai.faible2").count()).isZero();
  }

  @Test
  void camundasOpenSetupPageAndItsApiNeverAnswer() {
    HttpResponse<String> api =
        http.postJson(
            "/camunda/api/admin/setup/default/user/create",
            "{\"profile\":{\"id\":\"intrus\",\"firstName\":\"I\",\"lastName\":\"Ntrus\"},"
                + "\"credentials\":{\"password\":\"Intrus-Admin-2026\"}}");
    assertThat(api.statusCode()).isEqualTo(403);
    assertThat(api.body())
        .contains("La création du premier administrateur par cette page est fermée");
    assertThat(identity.createUserQuery().userId("intrus").count()).isZero();
    assertThat(http.get("/camunda/app/admin/default/setup/").statusCode()).isEqualTo(403);
    assertThat(http.get("/camunda/app/admin/default/setup/index.html").statusCode()).isEqualTo(403);
  }

  @Test
  void theFirstAdministratorComesFromConfigurationWithItsSecretFromAFile() {
    assertThat(
            identity
                .createUserQuery()
                .userId("premier.admin")
                .memberOfGroup(Roles.ADMIN_GROUP)
                .singleResult())
        .satisfies(u -> assertThat(u.getEmail()).isEqualTo("premier.admin@raccroche-test.invalid"));
    assertThat(storedHash("premier.admin")).startsWith(BCRYPT);
    // The file's content without its final line break.
    assertThat(
            http.get("/swagger-ui/index.html", "premier.admin", "Premier-Admin-2026!").statusCode())
        .isEqualTo(200);
  }
}
