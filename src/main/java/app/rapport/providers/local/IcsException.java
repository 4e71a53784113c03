package app.rapport.providers.local;

/** An iCalendar file that cannot be read (malformed, too large); the message names the line when it is known. */
public class IcsException extends RuntimeException {
    private final int lineNumber;

    public IcsException(String message) {
        this(message, -1, null);
    }

    public IcsException(String message, int lineNumber, Throwable cause) {
        super(message, cause);
        this.lineNumber = lineNumber;
    }

    /** The 1-based line where reading failed, or -1 when unknown. */
    public int lineNumber() {
        return lineNumber;
    }
}
