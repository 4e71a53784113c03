package app.rapport.web.dashboard;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.rendering.FileRenderer;

/**
 * The jte templates of src/main/jte, compiled to classes at build time by the jte-maven-plugin
 * (package gg.jte.generated.precompiled), rendered through Javalin's file renderer. HTML output
 * escapes every expression by context; no template uses $unsafe.
 */
public final class Templates {
    private Templates() {}

    /** The renderer to install with {@code cfg.fileRenderer(...)}; {@code ctx.render("today.jte", model)}. */
    public static FileRenderer renderer() {
        TemplateEngine jte = TemplateEngine.createPrecompiled(ContentType.Html);
        return (file, model, ctx) -> {
            StringOutput out = new StringOutput();
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> params = (java.util.Map<String, Object>) model;
            jte.render(file, params, out);
            return out.toString();
        };
    }
}
