package io.complaintskpi.http;

import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.publish.EventBatch;
import io.complaintskpi.publish.EventIntake;
import io.complaintskpi.publish.IntakeAnswer;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * {@code POST /api/v1/events}: reads the body within its limits and answers; which events are valid is the
 * intake's decision ({@link EventIntake}), how a body splits into events the batch's ({@link EventBatch}).
 */
final class EventRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(EventRoutes.class);

    static final int ALL_ACCEPTED = 202;
    /** Some accepted, some not: each result says which (as WebDAV's 207 Multi-Status does for its parts). */
    static final int MIXED = 207;
    static final int NONE_ACCEPTED = 400;

    private final EventIntake intake;
    private final int maxBytes;
    private final int maxEvents;

    EventRoutes(ApiServer.ApiDependencies deps) {
        this.intake = deps.intake();
        this.maxBytes = deps.config().get(ServiceConfig.INGEST_MAX_BYTES);
        this.maxEvents = deps.config().get(ServiceConfig.INGEST_MAX_EVENTS);
    }

    void post(Context ctx, Params p) throws IOException {
        var form = EventBatch.Form.ofContentType(ctx.contentType());
        if (form.isEmpty()) {
            ApiServer.error(ctx, 415, "Content-Type must be application/json (one event, or a JSON array of"
                    + " events) or application/x-ndjson (one event per line)");
            return;
        }
        byte[] body = body(ctx);
        if (body == null) {
            ApiServer.error(ctx, 413, "the body is larger than " + maxBytes + " bytes, the most one request takes ("
                    + ServiceConfig.INGEST_MAX_BYTES.key() + "); send the events in several requests");
            return;
        }
        List<byte[]> events;
        try {
            events = EventBatch.split(body, form.get(), maxEvents);
        } catch (EventBatch.Unreadable e) {
            throw new BadRequest(e.getMessage());
        } catch (EventBatch.TooManyEvents e) {
            ApiServer.error(ctx, 413, "the body holds more than " + e.max() + " events, the most one request takes ("
                    + ServiceConfig.INGEST_MAX_EVENTS.key() + "); send them in several requests");
            return;
        }
        IntakeAnswer answer;
        try {
            answer = intake.offer(events);
        } catch (EventIntake.Unavailable e) {
            LOG.warn("events offered over HTTP not stored: {}", e.getMessage(), e.getCause());
            throw new ServiceUnavailable(e.getMessage(), e);
        }
        ctx.status(switch (answer.outcome()) {
            case ALL_ACCEPTED -> ALL_ACCEPTED;
            case MIXED -> MIXED;
            case NONE_ACCEPTED -> NONE_ACCEPTED;
        }).json(answer);
    }

    /** The body, or null when it is larger than the limit (told by its length, or found reading one byte past it). */
    private byte[] body(Context ctx) throws IOException {
        if (ctx.req().getContentLengthLong() > maxBytes) {
            return null;
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] body = in.readNBytes(maxBytes + 1);
            return body.length > maxBytes ? null : body;
        }
    }
}
