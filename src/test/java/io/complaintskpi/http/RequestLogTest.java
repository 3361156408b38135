package io.complaintskpi.http;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.alerts.ComplaintDeadlines;
import io.complaintskpi.query.StubQueries;
import io.complaintskpi.testing.StubApi;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A failed request is logged by its route pattern: a complaint reference in the path never reaches the log. */
class RequestLogTest {

    private static final String REFERENCE = "CR-2015-SECRET-0042";

    @Test
    void aFailureOnAComplaintsRouteIsLoggedWithoutItsReference() throws Exception {
        StubQueries failing = new StubQueries(true, List.of()) {
            @Override
            public Optional<ComplaintDeadlines> complaintDeadlines(String complaintId, LocalDate today) {
                throw new IllegalStateException("the store broke");
            }
        };
        ServiceConfig config = ServiceConfig.defaults();
        Logger logger = (Logger) LoggerFactory.getLogger(ApiServer.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try (ApiServer server = StubApi.start(config, failing, Clock.systemUTC())) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + server.port() + "/api/v1/complaints/" + REFERENCE + "/deadlines")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).doesNotContain(REFERENCE).doesNotContain("the store broke");
        } finally {
            logger.detachAppender(log);
        }
        assertThat(log.list).noneSatisfy(line -> assertThat(line.getFormattedMessage()).contains(REFERENCE));
        assertThat(log.list).filteredOn(line -> line.getLevel() == Level.WARN).singleElement().satisfies(line -> {
            assertThat(line.getFormattedMessage()).contains("/api/v1/complaints/{id}/deadlines")
                    .doesNotContain(REFERENCE);
            assertThat(line.getThrowableProxy().getMessage()).isEqualTo("the store broke");
        });
    }
}
