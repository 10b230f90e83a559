# Build: the fat jar with Maven; run: a JRE, as a non-root user.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -ntp dependency:go-offline
COPY bpmn bpmn
COPY forms forms
COPY src src
RUN mvn -B -ntp package -DskipTests -Dspotless.check.skip=true

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 raccroche
WORKDIR /app
COPY --from=build /src/target/raccroche-*.jar /app/raccroche.jar
USER raccroche
EXPOSE 8080
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
# The département's zone (raccroche.time-zone, AppTimeZone): "today", timers, quarters, times shown.
# An overseas département sets both, e.g. TZ=America/Cayenne RACCROCHE_TIME_ZONE=America/Cayenne.
ENV TZ=Europe/Paris RACCROCHE_TIME_ZONE=Europe/Paris
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
  CMD curl -fs http://localhost:8080/actuator/health || exit 1
ENTRYPOINT ["java", "-jar", "/app/raccroche.jar"]
