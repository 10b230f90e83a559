/**
 * Operations: what running several nodes on one PostgreSQL database and watching them needs — the
 * engine's schema created by one node at a time, and the Prometheus figures of the engine and the
 * work (job acquisition and execution, incidents, open and overdue tasks per perimeter) served on
 * {@code /actuator/prometheus} to supervisors, administrators and the {@code monitoring} group.
 *
 * <p>No public face: its beans are picked up by the engine and by Micrometer. See {@code
 * docs/operations.md}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "territory"})
package fr.raccroche.operations;
