# Build stage: the shaded jar, tests skipped (CI runs them; the image build must not need a broker).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# Dependencies first, so editing the sources does not download them again. go-offline cannot foresee every
# plugin dependency; whatever it misses the package step below downloads, so its failure is not fatal.
COPY pom.xml .
RUN mvn -B -q dependency:go-offline || true
COPY topics topics
COPY src src
RUN mvn -B -DskipTests package

FROM eclipse-temurin:17-jre
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app complaints
WORKDIR /app
COPY --from=build /src/target/complaints-kpi.jar /app/complaints-kpi.jar
RUN mkdir -p /app/data && chown complaints /app/data
USER complaints
# ExitOnOutOfMemoryError: a heap that ran out once left threads dead and the rest wedged; exiting lets the
# restart policy bring the service back in seconds.
ENV COMPLAINTS_DATA_DIR=/app/data \
    COMPLAINTS_HTTP_PORT=7070 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE 7070
VOLUME /app/data
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS http://localhost:7070/ready || exit 1
ENTRYPOINT ["java", "-jar", "/app/complaints-kpi.jar"]
CMD ["serve"]
