package app.rapport.web;

/** An error answer: HTTP status, a short machine word and a sentence for people. */
public class ApiError extends RuntimeException {
    private final int status;
    private final String error;

    public ApiError(int status, String error, String detail) {
        super(detail);
        this.status = status;
        this.error = error;
    }

    public static ApiError badRequest(String field, String detail) {
        return new ApiError(400, "bad_request", field + ": " + detail);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }
}
