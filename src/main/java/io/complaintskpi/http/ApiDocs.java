package io.complaintskpi.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code /api/openapi.json}, written once from the route table, and Swagger UI over it at {@code /api/docs},
 * served from the swagger-ui WebJar on the class path (no CDN: it works offline). The page and its starter
 * script are ours, so no script is inline.
 */
final class ApiDocs {

    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final String OWN = "api-docs/";
    private static final Pattern FILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Map<String, String> MEDIA_TYPES = Map.of("js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "png", "image/png", "html", "text/html; charset=utf-8");

    private final Supplier<List<ApiRoute>> routes;
    private final String webjarVersion = webjarVersion();
    private ObjectNode document;

    ApiDocs(Supplier<List<ApiRoute>> routes) {
        this.routes = routes;
    }

    void openApi(Context ctx, Params p) {
        ctx.json(document());
    }

    private synchronized ObjectNode document() {
        if (document == null) {
            document = OpenApi.document(routes.get());
        }
        return document;
    }

    void page(Context ctx, Params p) {
        serve(ctx, OWN + "index.html", "index.html");
    }

    /** Our starter script, or one of Swagger UI's files. */
    void file(Context ctx, Params p) {
        String name = ctx.pathParam("file");
        if (!FILE.matcher(name).matches()) {
            throw new ApiServer.NotFound("no file '" + name + "' in the API docs");
        }
        String own = OWN + name;
        serve(ctx, getClass().getClassLoader().getResource(own) != null ? own : WEBJAR + webjarVersion + "/" + name,
                name);
    }

    private void serve(Context ctx, String resource, String name) {
        InputStream in = getClass().getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new ApiServer.NotFound("no file '" + name + "' in the API docs");
        }
        try (in) {
            String type = MEDIA_TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1),
                    "application/octet-stream");
            ctx.contentType(type).result(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** The WebJar's version, from its own Maven metadata, so upgrading the dependency needs no code change. */
    private static String webjarVersion() {
        try (InputStream in = ApiDocs.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the swagger-ui WebJar is not on the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the swagger-ui WebJar's version", e);
        }
    }
}
