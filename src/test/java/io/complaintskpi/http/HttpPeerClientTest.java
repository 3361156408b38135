package io.complaintskpi.http;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpServer;
import io.complaintskpi.app.DomainWiring;
import io.complaintskpi.config.ServiceConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A failing peer: the caller's 503 names no instance and no path; the log names the instance, never a reference. */
class HttpPeerClientTest {

    private static final String REFERENCE = "CR-2015-SECRET-0042";

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(HttpPeerClient.class);
    private final HttpPeerClient client = new HttpPeerClient(DomainWiring.rules(ServiceConfig.defaults()).codec(), "s");
    private HttpServer peer;

    @BeforeEach
    void capture() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void release() {
        logger.detachAppender(log);
        if (peer != null) {
            peer.stop(0);
        }
    }

    @Test
    void aPeerThatRefusesIsA503WithoutItsAddressOrPathAndALogLineWithoutTheReference() throws Exception {
        peer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        peer.createContext("/", exchange -> {
            byte[] body = "{\"status\":401}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        peer.start();
        String address = "127.0.0.1:" + peer.getAddress().getPort();

        assertThatThrownBy(() -> client.caseHistory(address, REFERENCE))
                .isInstanceOf(ServiceUnavailable.class).hasMessage(HttpPeerClient.UNAVAILABLE)
                .message().doesNotContain(address).doesNotContain("/internal").doesNotContain(REFERENCE);
        assertThat(log.list).singleElement().satisfies(line -> assertThat(line.getFormattedMessage())
                .contains(address).contains("answered 401").contains(InternalRoutes.CASES)
                .doesNotContain(REFERENCE));
    }

    @Test
    void aPeerThatDoesNotAnswerIsTheSame503() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String address = "127.0.0.1:" + closed;
        assertThatThrownBy(() -> client.authorities(address))
                .isInstanceOf(ServiceUnavailable.class).hasMessage(HttpPeerClient.UNAVAILABLE);
        assertThat(log.list).singleElement().satisfies(line -> assertThat(line.getFormattedMessage())
                .contains(address).contains("did not answer"));
    }
}
