package fr.raccroche.privacy.internal;

import fr.raccroche.privacy.PrivacyProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code raccroche.privacy.*}. */
@Configuration
@EnableConfigurationProperties(PrivacyProperties.class)
class PrivacyConfiguration {}
