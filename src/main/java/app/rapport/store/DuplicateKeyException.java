package app.rapport.store;

/** A unique key was already taken, e.g. an address that already belongs to another client. */
public class DuplicateKeyException extends StoreException {
    public DuplicateKeyException(String message, Throwable cause) {
        super(message, cause);
    }

    static boolean isDuplicateKey(java.sql.SQLException e) {
        return "23505".equals(e.getSQLState());
    }
}
