/**
 * Detection: imports of the leaver lists sent by the source systems (Éducation nationale,
 * agricultural education, CFA, Missions locales…), their reading and validation against the
 * canonical CSV, the exclusions (under 16, diploma holders), then matching and routing of the young
 * people to a perimeter (docs/specification.md §2 Detection).
 *
 * <p>Public face: {@link fr.raccroche.detection.ImportKind}; reading and validation live under
 * {@code internal/}.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"shared", "territory", "pathway", "security"})
package fr.raccroche.detection;
