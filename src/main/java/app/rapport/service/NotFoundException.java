package app.rapport.service;

/** The thing asked for does not exist for this user (another user's ids included). */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
