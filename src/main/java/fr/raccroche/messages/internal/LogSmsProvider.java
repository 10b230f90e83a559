package fr.raccroche.messages.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's SMS provider: nothing leaves the application. The message is recorded as sent by
 * {@code log}, and the administrators' page "Messages envoyés" shows what would have gone out. The
 * log line names the message's id only.
 */
class LogSmsProvider implements SmsProvider {
  private static final Logger log = LoggerFactory.getLogger(LogSmsProvider.class);

  @Override
  public String name() {
    return "log";
  }

  @Override
  public String send(OutgoingMessage message) {
    log.info("SMS message {} recorded by the log provider (not sent)", message.id());
    return "log-" + message.idempotencyKey();
  }
}
