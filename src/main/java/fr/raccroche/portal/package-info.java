/**
 * The app's own pages shell: landing page, login page, error page and navigation to the Camunda web
 * apps and the app's pages.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "security"})
package fr.raccroche.portal;
