package io.complaintskpi.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Pattern;

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

    /** {@code /console/govuk-frontend.css}: GOV.UK Frontend's stylesheet as the console uses it. */
    static void govukStylesheet(Context ctx, Params p) {
        ctx.contentType("text/css; charset=utf-8").result(GovukStylesheet.CSS);
    }

    /** Read from the WebJar once, when first asked for. */
    private static final class GovukStylesheet {
        static final String CSS = withoutFontFiles(read("META-INF/resources/webjars/govuk-frontend/"
                + version() + "/dist/govuk/govuk-frontend.min.css"));
    }

    /**
     * The stylesheet without its {@code @font-face} rules (with the font's copyright note) and its source map
     * comment (the map no longer matches). GDS Transport is licensed for gov.uk only, so the service has no font
     * files to serve: with the rules in place a browser asks for them (404) whenever it lays text out before
     * console.css has set the fallback font, which depends on which stylesheet arrives first. Without them,
     * "GDS Transport" in a font list names no downloadable font and the browser takes the next (arial).
     */
    static String withoutFontFiles(String css) {
        return FONT_FACE.matcher(SOURCE_MAP.matcher(css).replaceAll("")).replaceAll("");
    }

    private static final Pattern FONT_FACE = Pattern.compile("(?:/\\*!(?:(?!\\*/).)*\\*/\\s*)?@font-face\\{[^}]*}",
            Pattern.DOTALL);
    private static final Pattern SOURCE_MAP = Pattern.compile("/\\*# sourceMappingURL=[^*]*\\*/");

    private static String read(String resource) {
        try (InputStream in = ConsoleFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** The GOV.UK Frontend WebJar's version, from its own Maven metadata. */
    private static String version() {
        Properties properties = new Properties();
        try (InputStream in = ConsoleFiles.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars.npm/govuk-frontend/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the govuk-frontend WebJar is not on the class path");
            }
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the govuk-frontend WebJar's version", e);
        }
    }
}
