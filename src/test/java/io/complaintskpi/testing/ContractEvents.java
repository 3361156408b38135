package io.complaintskpi.testing;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Contract-shaped JSON events for topology tests, written as upstream systems would send them. */
public final class ContractEvents {

    public static final String AUTHORITY = "E10000018";

    private ContractEvents() {
    }

    public static byte[] event(String type, String complaintId, String occurredAt, String data) {
        return event(UUID.randomUUID(), type, complaintId, occurredAt, data);
    }

    public static byte[] event(UUID eventId, String type, String complaintId, String occurredAt, String data) {
        String json = "{\"eventId\":\"" + eventId + "\",\"eventType\":\"" + type + "\",\"occurredAt\":\""
                + occurredAt + "\",\"complaintId\":\"" + complaintId + "\",\"authority\":\"" + AUTHORITY
                + "\",\"schemaVersion\":1,\"data\":" + data + "}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] received(String id, String at, String serviceArea) {
        return event("ComplaintReceived", id, at, "{\"regime\":\"CHILDREN\",\"serviceArea\":\"" + serviceArea
                + "\",\"complainantType\":\"PARENT\"}");
    }

    public static byte[] responded(String id, String at, int stage, String outcome) {
        return event("StageResponded", id, at, "{\"stage\":" + stage + ",\"outcome\":\"" + outcome
                + "\",\"causes\":[{\"cause\":\"DELAYS_IN_PROVIDING_SERVICES\",\"upheld\":"
                + outcome.endsWith("_UPHELD") + "}]}");
    }
}
