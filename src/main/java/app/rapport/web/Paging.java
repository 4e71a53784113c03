package app.rapport.web;

import io.javalin.http.Context;

/** page (from 1) and size (1..500, default 50) query parameters. */
record Paging(int page, int size) {
    static final int MAX_SIZE = 500;

    static Paging from(Context ctx) {
        Integer page = RequestBody.query("page", ctx.queryParam("page"), Integer::parseInt, "a page number");
        Integer size = RequestBody.query("size", ctx.queryParam("size"), Integer::parseInt, "a page size");
        if (page != null && page < 1) throw ApiError.badRequest("page", "must be 1 or more");
        if (size != null && (size < 1 || size > MAX_SIZE)) throw ApiError.badRequest("size", "must be between 1 and " + MAX_SIZE);
        return new Paging(page == null ? 1 : page, size == null ? 50 : size);
    }

    int offset() {
        return (page - 1) * size;
    }
}
