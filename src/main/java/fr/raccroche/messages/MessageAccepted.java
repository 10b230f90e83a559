package fr.raccroche.messages;

import java.time.Instant;

/** The answer to a message request (202): its id and status, and when it will go if deferred. */
public record MessageAccepted(
    long id, MessageStatus status, Instant scheduledFor, String message) {}
