package fr.raccroche.demo;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class DemoProfileGuardTest {
  final DemoProfileGuard guard = new DemoProfileGuard();

  MockEnvironment environment(String... profiles) {
    MockEnvironment environment = new MockEnvironment();
    environment.setActiveProfiles(profiles);
    return environment;
  }

  @Test
  void refusesDemoDataOnPostgres() {
    assertThatThrownBy(
            () ->
                guard.postProcessEnvironment(
                    environment("demo", "postgres"), new SpringApplication()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("RACCROCHE_ALLOW_DEMO=true");
  }

  @Test
  void allowsDemoOnPostgresWhenExplicitlyAsked() {
    MockEnvironment environment = environment("demo", "postgres");
    environment.setProperty(DemoProfileGuard.ALLOW_PROPERTY, "true");
    assertThatCode(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
        .doesNotThrowAnyException();
  }

  @Test
  void allowsDemoOnH2AndPostgresWithoutDemo() {
    assertThatCode(() -> guard.postProcessEnvironment(environment("demo"), new SpringApplication()))
        .doesNotThrowAnyException();
    assertThatCode(
            () -> guard.postProcessEnvironment(environment("postgres"), new SpringApplication()))
        .doesNotThrowAnyException();
  }
}
