package io.complaintskpi.ops;

import com.fasterxml.jackson.databind.JsonNode;
import io.complaintskpi.broker.TopicSpec;
import io.complaintskpi.broker.TopicSpecs;
import io.complaintskpi.config.ServiceConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml, the Dockerfile, Prometheus and Grafana provisioning agree with each other and with the
 * service: paths, ports, environment variables, topics and scrape targets. Docker itself is not needed.
 */
class ComposeConsistencyTest {

    static final String SERVICE = "complaints-kpi";

    private final JsonNode compose = RepoFiles.yaml(RepoFiles.COMPOSE);
    private final JsonNode services = compose.path("services");
    private final int defaultPort = Integer.parseInt(setting("http.port").defaultValue());

    @Test
    void everyMountedPathExistsInTheRepository() {
        List<String> mounts = new ArrayList<>();
        services.forEach(s -> s.path("volumes").forEach(v -> mounts.add(v.asText())));
        List<String> binds = mounts.stream().filter(m -> m.startsWith("./")).toList();
        assertThat(binds).hasSizeGreaterThanOrEqualTo(5).allSatisfy(m ->
                assertThat(RepoFiles.ROOT.resolve(m.substring(0, m.indexOf(':')))).as(m).exists());
        Set<String> namedVolumes = fieldNames(compose.path("volumes"));
        mounts.stream().filter(m -> !m.startsWith("./")).forEach(m ->
                assertThat(namedVolumes).as("named volume of " + m).contains(m.substring(0, m.indexOf(':'))));
        assertThat(RepoFiles.ROOT.resolve(services.path(SERVICE).at("/build/dockerfile").asText())).exists();
    }

    @Test
    void theServiceIsConfiguredWithItsOwnEnvironmentVariablesAndPort() {
        JsonNode service = services.path(SERVICE);
        Set<String> knownEnv = ServiceConfig.SETTINGS.stream().map(ServiceConfig.Setting::env)
                .collect(Collectors.toCollection(java.util.HashSet::new));
        Map<String, String> env = environment(service);
        knownEnv.add("JAVA_TOOL_OPTIONS"); // the JVM's own settings, read by the JVM not the service
        ServiceConfig.SETTINGS.forEach(setting -> knownEnv.add(setting.env() + ServiceConfig.FILE_SUFFIX));
        assertThat(env.keySet()).isSubsetOf(knownEnv);
        assertThat(env).containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092")
                .containsEntry("COMPLAINTS_HTTP_PORT", Integer.toString(defaultPort));
        assertThat(service.path("ports").get(0).asText()).isEqualTo("127.0.0.1:" + defaultPort + ":" + defaultPort);
        assertThat(service.at("/healthcheck/test").toString()).contains("localhost:" + defaultPort + "/ready");

        String dockerfile = RepoFiles.read(RepoFiles.ROOT.resolve("Dockerfile"));
        assertThat(dockerfile).contains("EXPOSE " + defaultPort, "localhost:" + defaultPort + "/ready",
                "maven:3.9-eclipse-temurin-17", "eclipse-temurin:17-jre", "mvn -B -DskipTests package",
                "target/complaints-kpi.jar");
        Matcher envNames = Pattern.compile("\\b(COMPLAINTS_\\w+|KAFKA_BOOTSTRAP_SERVERS)=").matcher(dockerfile);
        while (envNames.find()) {
            assertThat(knownEnv).as("Dockerfile ENV " + envNames.group(1)).contains(envNames.group(1));
        }
    }

    @Test
    void everyLongRunningServiceHasAHealthcheckAndWaitsForTheTopics() {
        assertThat(fieldNames(services)).contains("kafka", "topic-init", SERVICE, "prometheus", "alertmanager", "grafana");
        services.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("topic-init")) {
                assertThat(e.getValue().path("healthcheck").path("test").isMissingNode()).as(e.getKey()).isFalse();
            }
            e.getValue().path("depends_on").fields().forEachRemaining(d -> assertThat(d.getValue().path("condition").asText())
                    .as(e.getKey() + " depends on " + d.getKey())
                    .isEqualTo(d.getKey().equals("topic-init") ? "service_completed_successfully" : "service_healthy"));
        });
        assertThat(services.at("/" + SERVICE + "/depends_on/topic-init/condition").asText())
                .isEqualTo("service_completed_successfully");
        Map<String, String> kafka = environment(services.path("kafka"));
        assertThat(kafka).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
                .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1")
                .containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1");
        assertThat(services.at("/grafana/environment/GF_INSTALL_PLUGINS").asText())
                .contains("yesoreyeram-infinity-datasource");
    }

    @Test
    void theStackIsClosedByDefaultAndEveryImageIsPinned() {
        String kafkaClients = Pattern.compile("<kafka.version>([^<]+)</kafka.version>")
                .matcher(RepoFiles.read(RepoFiles.ROOT.resolve("pom.xml"))).results().findFirst().orElseThrow().group(1);
        services.fields().forEachRemaining(e -> {
            JsonNode s = e.getValue();
            s.path("ports").forEach(p -> assertThat(p.asText()).as(e.getKey() + " publishes on loopback only")
                    .startsWith("127.0.0.1:"));
            if (s.has("build")) {
                assertThat(s.has("image")).as(e.getKey() + ": built here, so no unversioned image name").isFalse();
            } else {
                // A version tag, and its digest once resolved (none is made up: the file says how to add them).
                assertThat(s.path("image").asText()).as(e.getKey() + " image pinned")
                        .matches("[\\w./-]+:v?\\d+(\\.\\d+)+(@sha256:[0-9a-f]{64})?");
                if (!s.path("image").asText().contains("@sha256:")) {
                    assertThat(RepoFiles.read(RepoFiles.COMPOSE)).contains("not yet by digest",
                            "docker buildx imagetools inspect");
                }
            }
        });
        assertThat(services.at("/kafka/image").asText()).as("broker = client version").endsWith(":" + kafkaClients);
        assertThat(services.at("/topic-init/image").asText()).endsWith(":" + kafkaClients);
    }

    @Test
    void theStackIsBuiltForALongLife() {
        services.fields().forEachRemaining(e -> {
            String restart = e.getValue().path("restart").asText();
            assertThat(restart).as(e.getKey() + " restart").isEqualTo(e.getKey().equals("topic-init") ? "no" : "unless-stopped");
            assertThat(e.getValue().path("mem_limit").asText()).as(e.getKey() + " memory limit").matches("\\d+[mg]");
        });
        // The JVM takes its heap as a share of the container limit: what is left must hold RocksDB, metaspace
        // and thread stacks (at least 384 MiB).
        Matcher percentage = Pattern.compile("MaxRAMPercentage=(\\d+)")
                .matcher(RepoFiles.read(RepoFiles.ROOT.resolve("Dockerfile")));
        assertThat(percentage.find()).as("Dockerfile sets -XX:MaxRAMPercentage").isTrue();
        // An OutOfMemoryError ends the JVM (the restart policy brings it back) rather than leaving it wedged.
        assertThat(RepoFiles.read(RepoFiles.ROOT.resolve("Dockerfile"))).contains("-XX:+ExitOnOutOfMemoryError");
        assertThat(environment(services.path(SERVICE)).get("JAVA_TOOL_OPTIONS")).contains("-XX:+ExitOnOutOfMemoryError")
                .contains("MaxRAMPercentage=" + percentage.group(1));
        assertThat(RepoFiles.read(RepoFiles.ROOT.resolve("README.md"))).contains("-XX:+ExitOnOutOfMemoryError");
        assertThat(services.at("/" + SERVICE + "/stop_grace_period").asText()).as("longer than the service's 60 s stop bound")
                .isEqualTo("70s");
        long limit = mebibytes(services.at("/" + SERVICE + "/mem_limit").asText());
        long heap = limit * Integer.parseInt(percentage.group(1)) / 100;
        assertThat(limit - heap).as("MiB beside a heap of " + heap + " MiB").isGreaterThanOrEqualTo(384);
        Matcher kafkaHeap = Pattern.compile("-Xmx(\\d+)m").matcher(environment(services.path("kafka")).get("KAFKA_HEAP_OPTS"));
        assertThat(kafkaHeap.find()).isTrue();
        assertThat(Long.parseLong(kafkaHeap.group(1))).isLessThanOrEqualTo(mebibytes(services.at("/kafka/mem_limit").asText()) * 3 / 4);

        assertThat(services.at("/grafana/environment/GF_INSTALL_PLUGINS").asText())
                .as("Infinity pinned to a version").matches("yesoreyeram-infinity-datasource \\d+\\.\\d+\\.\\d+");
        assertThat(services.at("/grafana/environment/GF_SECURITY_ADMIN_PASSWORD").asText())
                .as("the admin password comes from .env, with no default").startsWith("${GRAFANA_ADMIN_PASSWORD:?");
        assertThat(RepoFiles.read(RepoFiles.ROOT.resolve(".gitignore")).lines()).contains(".env");
        assertThat(services.at("/prometheus/command").toString()).contains("--storage.tsdb.retention.time=",
                "--storage.tsdb.retention.size=");
        assertThat(services.at("/alertmanager/volumes").toString()).contains("alertmanager-data:/alertmanager");
        assertThat(services.at("/alertmanager/command").toString()).contains("--storage.path=/alertmanager");
    }

    private static long mebibytes(String size) {
        long n = Long.parseLong(size.substring(0, size.length() - 1));
        return size.endsWith("g") ? n * 1024 : n;
    }

    @Test
    void topicInitCreatesEveryTopicOfTheSpecsWithTheirPartitionsAndConfigs(@TempDir Path dir) throws IOException {
        Path calls = dir.resolve("calls");
        Path stub = dir.resolve("kafka-topics.sh");
        Files.writeString(stub, "#!/bin/sh\necho \"$*\" >> '" + calls + "'\n");
        assertThat(stub.toFile().setExecutable(true)).isTrue();
        assertThat(services.at("/topic-init/volumes/0").asText()).startsWith("./docker/topic-init.sh:");

        Processes.Result run = Processes.run(RepoFiles.ROOT, Map.of("KAFKA_TOPICS", stub.toString()),
                List.of("sh", RepoFiles.TOPIC_INIT.toString()));
        assertThat(run.exitCode()).as(run.output()).isZero();

        Map<String, List<String>> created = new HashMap<>();
        for (String line : Files.readAllLines(calls)) {
            List<String> args = List.of(line.trim().split("\\s+"));
            assertThat(args).as(line).contains("--create", "--if-not-exists");
            assertThat(arg(args, "--bootstrap-server")).isEqualTo("kafka:9092");
            created.put(arg(args, "--topic"), args);
        }
        List<TopicSpec> specs = TopicSpecs.load();
        assertThat(specs).hasSizeGreaterThanOrEqualTo(3);
        assertThat(created.keySet()).containsExactlyInAnyOrderElementsOf(specs.stream().map(TopicSpec::name).toList());
        for (TopicSpec spec : specs) {
            List<String> args = created.get(spec.name());
            assertThat(arg(args, "--partitions")).as(spec.name()).isEqualTo(Integer.toString(spec.partitions()));
            assertThat(arg(args, "--replication-factor")).as(spec.name() + ": one broker").isEqualTo("1");
            Map<String, String> expected = new LinkedHashMap<>(spec.config());
            expected.computeIfPresent("min.insync.replicas", (k, v) -> "1");
            assertThat(configs(args)).as(spec.name() + " configs").isEqualTo(expected);
        }
    }

    @Test
    void prometheusScrapesTheServiceAndAlertsAlertmanager() {
        JsonNode prometheus = RepoFiles.yaml(RepoFiles.ROOT.resolve("prometheus/prometheus.yml"));
        List<String> targets = prometheus.path("scrape_configs").findValues("targets").stream()
                .flatMap(t -> StreamSupport.stream(t.spliterator(), false)).map(JsonNode::asText).toList();
        assertThat(targets).contains(SERVICE + ":" + defaultPort)
                .as("Prometheus scrapes Alertmanager: failed notifications must show")
                .contains("alertmanager:" + hostPort(services.path("alertmanager")));
        JsonNode job = StreamSupport.stream(prometheus.path("scrape_configs").spliterator(), false)
                .filter(j -> j.path("static_configs").toString().contains(SERVICE + ":"))
                .findFirst().orElseThrow();
        assertThat(job.path("job_name").asText()).as("the job the rules' up{job=...} reads").isEqualTo(LiveStack.PROMETHEUS_JOB);
        assertThat(job.path("metrics_path").asText("/metrics")).isEqualTo("/metrics");
        assertThat(prometheus.path("alerting").findValues("targets").toString())
                .contains("alertmanager:" + hostPort(services.path("alertmanager")));
        assertThat(prometheus.path("rule_files").get(0).asText()).startsWith("/etc/prometheus/rules/")
                .endsWith("*.rules.yml");
        assertThat(RepoFiles.RULES.getFileName().toString()).endsWith(".rules.yml");
        assertThat(services.path("prometheus").path("volumes").toString()).contains("./prometheus/rules:/etc/prometheus/rules");
    }

    /**
     * Issue 23, item 9: the stack sets its secrets. The service gets token hashes from .env and the instance
     * secret from a secret file; Prometheus sends the metrics token from a secret file and has no lifecycle API;
     * Grafana's figures data source sends a viewer's token and the caseload one a caseworker's; every secret file
     * is made by docker/make-secrets.sh with that role and never committed.
     */
    @Test
    void theStackSetsItsSecretsFromEnvAndSecretFiles() {
        Map<String, String> env = environment(services.path(SERVICE));
        assertThat(env).doesNotContainKey("COMPLAINTS_HTTP_ALLOW_UNAUTHENTICATED")
                .containsEntry("COMPLAINTS_HTTP_TOKENS", "${COMPLAINTS_HTTP_TOKENS:?run docker/make-secrets.sh}")
                .containsEntry("COMPLAINTS_INTERNAL_SECRET_FILE", "/run/secrets/internal-secret");
        assertThat(services.at("/" + SERVICE + "/secrets").toString()).contains("internal-secret");
        assertThat(services.at("/prometheus/command").toString()).doesNotContain("--web.enable-lifecycle");
        assertThat(services.at("/prometheus/secrets").toString()).contains("metrics-token");
        JsonNode job = RepoFiles.yaml(RepoFiles.ROOT.resolve("prometheus/prometheus.yml")).path("scrape_configs").get(0);
        assertThat(job.at("/authorization/type").asText()).isEqualTo("Bearer");
        assertThat(job.at("/authorization/credentials_file").asText()).isEqualTo("/run/secrets/metrics-token");

        Map<String, String> roleOfSecret = new HashMap<>();
        String script = RepoFiles.read(RepoFiles.ROOT.resolve("docker/make-secrets.sh"));
        Matcher pairs = Pattern.compile("(\\w+):\\$\\(hash ([\\w-]+)\\)").matcher(script);
        while (pairs.find()) {
            roleOfSecret.put(pairs.group(2), pairs.group(1));
        }
        assertThat(roleOfSecret).containsEntry("metrics-token", "metrics")
                .containsEntry("grafana-viewer-token", "viewer").containsEntry("grafana-caseworker-token", "caseworker");
        JsonNode datasources = RepoFiles.yaml(RepoFiles.DATASOURCES.resolve("datasources.yml")).path("datasources");
        Map<String, String> tokenFile = new HashMap<>();
        datasources.forEach(ds -> tokenFile.put(ds.path("uid").asText(), ds.at("/secureJsonData/bearerToken").asText()));
        assertThat(tokenFile).containsEntry(Dashboards.INFINITY_UID, "$__file{/run/secrets/grafana-viewer-token}")
                .containsEntry(Dashboards.CASELOAD_UID, "$__file{/run/secrets/grafana-caseworker-token}");
        assertThat(services.at("/grafana/secrets").toString()).contains("grafana-viewer-token", "grafana-caseworker-token");

        Set<String> declared = fieldNames(compose.path("secrets"));
        assertThat(declared).containsExactlyInAnyOrder("internal-secret", "metrics-token", "grafana-viewer-token",
                "grafana-caseworker-token");
        for (String secret : declared) {
            assertThat(compose.at("/secrets/" + secret + "/file").asText()).isEqualTo("./secrets/" + secret);
            assertThat(script).contains(secret);
        }
        assertThat(RepoFiles.read(RepoFiles.ROOT.resolve(".gitignore")).lines()).contains("secrets/", ".env");
    }

    @Test
    void grafanaDataSourcesPointAtTheComposeServices() {
        JsonNode datasources = RepoFiles.yaml(RepoFiles.DATASOURCES.resolve("datasources.yml")).path("datasources");
        Map<String, JsonNode> byUid = new HashMap<>();
        datasources.forEach(ds -> byUid.put(ds.path("uid").asText(), ds));
        assertThat(byUid.get(Dashboards.PROMETHEUS_UID).path("url").asText())
                .isEqualTo("http://prometheus:" + hostPort(services.path("prometheus")));
        JsonNode infinity = byUid.get(Dashboards.INFINITY_UID);
        String serviceUrl = "http://" + SERVICE + ":" + defaultPort;
        assertThat(infinity.path("type").asText()).isEqualTo("yesoreyeram-infinity-datasource");
        assertThat(infinity.path("url").asText()).isEqualTo(serviceUrl);
        assertThat(infinity.at("/jsonData/allowedHosts").get(0).asText()).isEqualTo(serviceUrl);
        String provider = RepoFiles.read(RepoFiles.ROOT.resolve("grafana/provisioning/dashboards/dashboards.yml"));
        String dashboardsMount = services.path("grafana").path("volumes").toString();
        assertThat(dashboardsMount).contains("./grafana/dashboards:/etc/grafana/dashboards",
                "./grafana/provisioning:/etc/grafana/provisioning");
        assertThat(provider).contains("path: /etc/grafana/dashboards", "allowUiUpdates: true");
        // Grafana skips unchanged dashboard files, also at a restart: UI edits survive it.
        assertThat(RepoFiles.read(RepoFiles.ROOT.resolve("docs/operations.md")))
                .doesNotContain("a restart reloads").contains("skips dashboard files that have not changed");
    }

    private static int hostPort(JsonNode service) {
        String mapping = service.path("ports").get(0).asText();
        return Integer.parseInt(mapping.substring(mapping.lastIndexOf(':') + 1));
    }

    private static Map<String, String> environment(JsonNode service) {
        Map<String, String> env = new LinkedHashMap<>();
        service.path("environment").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        return env;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new LinkedHashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String arg(List<String> args, String flag) {
        int i = args.indexOf(flag);
        assertThat(i).as(flag + " in " + args).isNotNegative();
        return args.get(i + 1);
    }

    private static Map<String, String> configs(List<String> args) {
        Map<String, String> configs = new LinkedHashMap<>();
        for (int i = 0; i < args.size() - 1; i++) {
            if (args.get(i).equals("--config")) {
                String[] kv = args.get(i + 1).split("=", 2);
                configs.put(kv[0], kv[1]);
            }
        }
        return configs;
    }

    private static ServiceConfig.Setting setting(String key) {
        return ServiceConfig.SETTINGS.stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
    }
}
