package app.rapport.providers.local;

/** An invitation could not be handed to the SMTP server; the message never holds the password. */
public class MailDeliveryException extends RuntimeException {
    public MailDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
