package app.rapport.emulator.graph;

import java.util.LinkedHashMap;
import java.util.Map;

/** Thrown inside a Graph handler to answer with a Graph JSON error body. */
final class GraphError extends RuntimeException {
    final int status;
    final String code;
    final Map<String, String> headers = new LinkedHashMap<>();

    GraphError(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    GraphError header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    static GraphError notFound(String what) {
        return new GraphError(404, "ErrorItemNotFound", "The specified object was not found in the store. (" + what + ")");
    }

    static GraphError badRequest(String message) {
        return new GraphError(400, "BadRequest", message);
    }
}
