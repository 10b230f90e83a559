package fr.raccroche.messages.internal;

import fr.raccroche.messages.MessagesProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/** The channels and rules of {@code raccroche.messages.*}; a wrong setting stops the startup. */
@Configuration
@EnableConfigurationProperties(MessagesProperties.class)
class MessagesConfiguration {
  @Bean
  QuietHours messageQuietHours(MessagesProperties properties) {
    return QuietHours.of(properties.quietHours(), properties.quietDays(), properties.timeZone());
  }

  @Bean
  SmsProvider smsProvider(MessagesProperties properties) {
    MessagesProperties.Sms sms = properties.sms();
    return switch (sms.provider()) {
      case "log" -> new LogSmsProvider();
      case "brevo" -> {
        if (sms.token().isBlank()) {
          throw new IllegalStateException(
              "raccroche.messages.sms.token is required with raccroche.messages.sms.provider=brevo");
        }
        if (!sms.sender().matches("[A-Za-z0-9 ]{1,11}|\\d{1,15}")) {
          throw new IllegalStateException(
              "raccroche.messages.sms.sender must be 11 letters or digits at most (or 15 digits)");
        }
        yield new BrevoSmsProvider(sms.baseUrl(), sms.token(), sms.sender(), sms.timeout());
      }
      default ->
          throw new IllegalStateException(
              "raccroche.messages.sms.provider must be 'log' or 'brevo', got '"
                  + sms.provider()
                  + "'");
    };
  }

  @Bean
  EmailChannel emailChannel(
      ObjectProvider<JavaMailSender> mailSender, MessagesProperties properties) {
    return new EmailChannel(mailSender.getIfAvailable(), properties.from());
  }
}
