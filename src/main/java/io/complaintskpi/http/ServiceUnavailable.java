package io.complaintskpi.http;

/** The answer needs state that is not available right now (restoring, rebalancing, a peer down): a 503. */
public class ServiceUnavailable extends RuntimeException {
    public ServiceUnavailable(String message) {
        super(message);
    }

    public ServiceUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
