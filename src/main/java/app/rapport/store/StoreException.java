package app.rapport.store;

/** A database failure; the message is safe to log but is never sent to API clients. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
