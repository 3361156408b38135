package io.complaintskpi.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;

/**
 * The web console: its page, styles and plain JavaScript modules from the classpath ({@code /web}) at
 * {@code /}, and GOV.UK Frontend and uPlot from their WebJars under {@code /webjars}. The shell holds no data, so
 * it is served without a token; every figure and list it shows comes from the API with the user's token.
 */
final class ConsoleFiles {

    private ConsoleFiles() {
    }

    static void register(JavalinConfig config) {
        config.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.directory = "/web";
            files.location = Location.CLASSPATH;
        });
        config.staticFiles.enableWebjars();
    }

    /** The console's own files and the WebJars: static files with no data, answered without a token. */
    static boolean isShell(String path) {
        return path.equals("/") || path.equals("/index.html") || path.startsWith("/console/")
                || path.startsWith("/webjars/");
    }
}
