package io.complaintskpi.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecurityTest {

    private static final String HASH = "a".repeat(64);

    private static ServiceConfig load(Map<String, String> settings) {
        return ServiceConfig.load(Map.of(), new Properties(), settings);
    }

    @Test
    void withoutTokensTheApiStaysOnLoopbackUnlessTheOperatorOptsOut() {
        assertThat(load(Map.of()).security().bindHost("")).isEqualTo("127.0.0.1");
        assertThat(load(Map.of()).security().bindHost("localhost")).isEqualTo("localhost");
        assertThatThrownBy(() -> load(Map.of()).security().bindHost("0.0.0.0"))
                .hasMessageContaining("http.allow-unauthenticated=true").hasMessageContaining("http.tokens");
        assertThat(load(Map.of("http.allow-unauthenticated", "true")).security().bindHost("")).isEqualTo("0.0.0.0");
        assertThat(load(Map.of("http.tokens", "viewer:" + HASH)).security().bindHost("")).isEqualTo("0.0.0.0");
        assertThat(load(Map.of("http.tokens", "viewer:" + HASH)).security().bindHost("10.0.0.5")).isEqualTo("10.0.0.5");
    }

    @Test
    void tokensAreHashesWithARoleAndAPlainTokenIsRefusedWithoutBeingEchoed() {
        Security security = load(Map.of("http.tokens", "viewer:" + HASH + ",CASEWORKER:" + "B".repeat(64))).security();
        assertThat(security.tokens()).containsExactly(new Security.ApiToken(Security.Role.VIEWER, HASH),
                new Security.ApiToken(Security.Role.CASEWORKER, "b".repeat(64)));
        assertThatThrownBy(() -> load(Map.of("http.tokens", "viewer:my-secret-token")))
                .hasMessageContaining("entry 1").hasMessageNotContaining("my-secret-token");
        assertThatThrownBy(() -> load(Map.of("http.tokens", "admin:" + HASH)))
                .hasMessageContaining("role viewer, caseworker, public, metrics or publisher");
        assertThatThrownBy(() -> load(Map.of("http.open-paths", "/api/v1/complaints")))
                .hasMessageContaining("/health, /ready and /metrics");
    }

    @Test
    void aTokenMayBeScopedToAuthoritiesAndABadScopeIsRefused() {
        Security security = load(Map.of("http.tokens", "viewer:" + HASH + ":E10000018+E06000016,caseworker:"
                + "b".repeat(64))).security();
        assertThat(security.tokens()).containsExactly(
                new Security.ApiToken(Security.Role.VIEWER, HASH, Set.of("E10000018", "E06000016")),
                new Security.ApiToken(Security.Role.CASEWORKER, "b".repeat(64), Set.of()));
        for (String bad : List.of("viewer:" + HASH + ":", "viewer:" + HASH + ":A+", "viewer:" + HASH + ":A:B",
                "viewer:" + HASH + ":no spaces")) {
            assertThatThrownBy(() -> load(Map.of("http.tokens", bad))).as(bad)
                    .hasMessageContaining("entry 1").hasMessageContaining(":A+B");
        }
    }

    @Test
    void aSecretCanComeFromAFileNamedByItsEnvironmentVariableWithFileAppended(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("internal-secret");
        Files.writeString(secret, "s3cret-from-a-file\n");
        Map<String, String> env = Map.of("COMPLAINTS_INTERNAL_SECRET_FILE", secret.toString());
        assertThat(ServiceConfig.load(env, new Properties(), Map.of()).security().internalSecret())
                .isEqualTo("s3cret-from-a-file");
        // The variable itself wins over the file, as it is the more direct of the two.
        assertThat(ServiceConfig.load(Map.of("COMPLAINTS_INTERNAL_SECRET", "direct",
                "COMPLAINTS_INTERNAL_SECRET_FILE", secret.toString()), new Properties(), Map.of())
                .security().internalSecret()).isEqualTo("direct");
        assertThatThrownBy(() -> ServiceConfig.load(Map.of("COMPLAINTS_INTERNAL_SECRET_FILE",
                dir.resolve("missing").toString()), new Properties(), Map.of()))
                .hasMessageContaining("COMPLAINTS_INTERNAL_SECRET_FILE");
    }

    @Test
    void kafkaClientSettingsComeFromTheirFileThenPrefixedKeysFlagsLast(@TempDir Path dir) throws IOException {
        Path client = dir.resolve("client.properties");
        Files.writeString(client, "security.protocol=SASL_SSL\nsasl.mechanism=PLAIN\n");
        Properties file = new Properties();
        file.setProperty("kafka.client-properties", client.toString());
        file.setProperty("kafka.client.sasl.mechanism", "SCRAM-SHA-512");
        file.setProperty("kafka.client.ssl.truststore.location", "/etc/kafka/truststore.jks");
        ServiceConfig config = ServiceConfig.load(Map.of("KAFKA_BOOTSTRAP_SERVERS", "broker:9093"), file,
                Map.of("kafka.client.ssl.truststore.location", "/run/secrets/truststore.jks"));
        assertThat(config.kafkaClientProperties()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "bootstrap.servers", "broker:9093", "security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512",
                "ssl.truststore.location", "/run/secrets/truststore.jks"));
        assertThatThrownBy(() -> load(Map.of("kafka.client-properties", dir.resolve("missing").toString())))
                .hasMessageContaining("kafka.client-properties");
    }
}
