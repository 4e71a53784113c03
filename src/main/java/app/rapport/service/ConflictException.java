package app.rapport.service;

/** The request is valid but clashes with what is stored, e.g. an address owned by another client. */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
