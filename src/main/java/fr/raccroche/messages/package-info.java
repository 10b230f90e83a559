/**
 * Messages: the SMS and e-mails a coordinator or referent sends to a young person (or, for a minor,
 * explicitly to the legal guardian) from French templates merged with the case's data, the
 * reminders the processes send (partner awaiting an orientation, appointment, coordinators' daily
 * digest of overdue tasks), and the rules a public service keeps (quiet hours, Sunday, a daily
 * limit per case, "STOP"). Each message is delivered by its own {@code MessageDeliveryProcess}
 * through the external-task topic {@code send-message}, handled by a worker inside the application.
 *
 * <p>Public face: {@link fr.raccroche.messages.MessageService}, its records and enums. It
 * implements the pathway's {@link fr.raccroche.pathway.CaseCorrespondence} (timeline, contact form,
 * orientation reminder) and erases the content with the person ({@link
 * fr.raccroche.pathway.PersonErased}). See docs/specification.md §9.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"shared", "pathway", "territory", "security"})
package fr.raccroche.messages;
