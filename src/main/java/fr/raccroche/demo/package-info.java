/**
 * The demo département (69) loaded under the {@code demo} profile: three perimeters, their partners
 * and establishments, and one user per role (password {@code demo}). Never loaded on PostgreSQL
 * unless {@code RACCROCHE_ALLOW_DEMO=true}. Also the local offer catalogue and a call for projects
 * ({@code DemoCoordinationLoader}).
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "territory",
      "security",
      "pathway",
      "indicators",
      "coordination",
      "shared"
    })
package fr.raccroche.demo;
