/**
 * Security: who may sign in (Camunda's identity service is the one user store), the Spring Security
 * chains for pages and {@code /api/**}, {@code engine-rest} authentication, the Camunda groups and
 * their application rights, and the shared Tasklist filters.
 *
 * <p>Public face: {@link fr.raccroche.security.UserAccountService}, {@link
 * fr.raccroche.security.Roles}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "territory"})
package fr.raccroche.security;
