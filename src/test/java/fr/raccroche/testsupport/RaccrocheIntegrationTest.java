package fr.raccroche.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole app on a random port with the demo département, on H2 or PostgreSQL (see {@link
 * TestDatabases}). All classes share one application context, with the metrics exported as in
 * production (a Spring Boot test turns their export off by default: no {@code
 * /actuator/prometheus}). {@link FaultInjection} lets a test make chosen pathways fail.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestDatabaseProfiles.class)
@ContextConfiguration(initializers = {TestDatabaseInitializer.class, MessageChannels.class})
@AutoConfigureObservability(tracing = false)
@org.springframework.context.annotation.Import(FaultInjection.class)
public @interface RaccrocheIntegrationTest {}
