package io.complaintskpi.http;

/** A request the API cannot answer as asked; becomes a 400 with this message. */
public class BadRequest extends RuntimeException {
    public BadRequest(String message) {
        super(message);
    }
}
