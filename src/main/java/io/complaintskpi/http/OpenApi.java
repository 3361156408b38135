package io.complaintskpi.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.complaintskpi.config.Security.Role;
import io.complaintskpi.http.ApiRoute.ErrorAnswer;

import java.util.List;
import java.util.Locale;

/**
 * The HTTP API as an OpenAPI 3.1 document, written from the route table's declarations (the same ones access
 * control and the parameter checks read), so the description cannot drift from what the service does.
 */
final class OpenApi {

    static final String VERSION = "3.1.0";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String ERROR_SCHEMA = "#/components/schemas/Error";

    private OpenApi() {
    }

    static ObjectNode document(List<ApiRoute> routes) {
        ObjectNode doc = JSON.objectNode();
        doc.put("openapi", VERSION);
        doc.putObject("info")
                .put("title", "complaints-kpi")
                .put("version", "v1")
                .put("description", "Statutory complaints KPIs for English local-authority social care. Each route"
                        + " needs a role (x-role): viewer (figures), caseworker (lists of complaints), publisher"
                        + " (sends events, reads nothing), instance (/internal/v1, the instances' shared secret) or"
                        + " anyone; a public token reads the routes marked x-public-token, always as public output,"
                        + " and a metrics token /metrics only. With no http.tokens configured the"
                        + " API needs no token and listens on loopback only. x-publication says what a route does"
                        + " with public=true: SUPPRESSES (counts of 1 to 5 shown as c), REFUSES (400), NO_COUNTS,"
                        + " OPERATIONAL (for operators and instances; never published). See docs/http-api.md.");
        ObjectNode paths = doc.putObject("paths");
        for (ApiRoute route : routes) {
            ObjectNode path = paths.has(route.path()) ? (ObjectNode) paths.get(route.path())
                    : paths.putObject(route.path());
            path.set(route.method().name().toLowerCase(Locale.ROOT), operation(route));
        }
        ObjectNode components = doc.putObject("components");
        ObjectNode schemes = components.putObject("securitySchemes");
        schemes.putObject("bearerToken").put("type", "http").put("scheme", "bearer")
                .put("description", "an API token from http.tokens; its role must grant the route's (x-role)");
        schemes.putObject("instanceSecret").put("type", "http").put("scheme", "bearer")
                .put("description", "http.internal-secret, which the instances send each other");
        ObjectNode error = components.putObject("schemas").putObject("Error");
        error.put("type", "object");
        error.putArray("required").add("status").add("error");
        ObjectNode properties = error.putObject("properties");
        properties.putObject("status").put("type", "integer");
        properties.putObject("error").put("type", "string").put("description", "what is wrong, naming the parameter");
        return doc;
    }

    private static ObjectNode operation(ApiRoute route) {
        ObjectNode op = JSON.objectNode();
        op.put("operationId", operationId(route));
        op.put("summary", route.summary());
        op.putArray("tags").add(tag(route.path()));
        String publication = route.publication().kind().name();
        op.put("description", "Role: " + role(route.role()) + ". Public output: " + publication
                + (route.publication().refusal() == null ? "" : " (" + route.publication().refusal() + ")") + ".");
        op.put("x-role", role(route.role()));
        op.put("x-publication", publication);
        op.put("x-public-token", route.publishes());
        if (!route.params().isEmpty()) {
            ArrayNode params = op.putArray("parameters");
            route.params().forEach(p -> params.add(parameter(p)));
        }
        if (route.body() != null) {
            ObjectNode body = op.putObject("requestBody");
            body.put("required", true).put("description", route.body().description());
            ObjectNode content = body.putObject("content");
            for (ApiRoute.Content type : route.body().content()) {
                ObjectNode schema = content.putObject(type.mediaType()).putObject("schema");
                if (type.types().size() == 1) {
                    schema.put("type", type.types().get(0));
                } else {
                    type.types().forEach(schema.putArray("type")::add);
                }
            }
        }
        ObjectNode responses = op.putObject("responses");
        route.successes().forEach(ok -> responses.putObject(Integer.toString(ok.status())).put("description", ok.when()));
        for (ErrorAnswer answer : route.errors()) {
            String status = Integer.toString(answer.status());
            if (responses.has(status)) { // two 404s (an authority, a KPI): one answer, both reasons
                ObjectNode existing = (ObjectNode) responses.get(status);
                existing.put("description", existing.get("description").asText() + "; or " + answer.when());
                continue;
            }
            ObjectNode response = responses.putObject(status);
            response.put("description", answer.when());
            response.putObject("content").putObject("application/json").putObject("schema").put("$ref", ERROR_SCHEMA);
        }
        ArrayNode security = op.putArray("security");
        switch (route.role()) {
            case ANYONE -> { } // no requirement
            case INSTANCE -> security.addObject().putArray("instanceSecret");
            default -> security.addObject().putArray("bearerToken");
        }
        return op;
    }

    private static ObjectNode parameter(Param p) {
        ObjectNode node = JSON.objectNode();
        node.put("name", p.name());
        node.put("in", p.in().name().toLowerCase(Locale.ROOT));
        node.put("required", p.required());
        node.put("description", p.description());
        ObjectNode schema = node.putObject("schema");
        switch (p.type()) {
            case INTEGER -> {
                schema.put("type", "integer").put("minimum", p.min()).put("maximum", p.max());
                if (p.defaultValue() != null) {
                    schema.put("default", Integer.parseInt(p.defaultValue()));
                }
            }
            case BOOLEAN -> schema.put("type", "boolean");
            case DATE -> schema.put("type", "string").put("format", "date");
            case CHOICE -> {
                schema.put("type", "string");
                ArrayNode values = schema.putArray("enum");
                p.values().forEach(values::add);
            }
            case STRING -> schema.put("type", "string");
        }
        if (p.defaultValue() != null && p.type() != Param.Type.INTEGER) {
            schema.put("default", p.defaultValue());
        }
        return node;
    }

    private static String operationId(ApiRoute route) {
        String words = route.path().replaceAll("[{}]", "").replaceAll("[^A-Za-z0-9]+", "_");
        return route.method().name().toLowerCase(Locale.ROOT) + words.replaceAll("_$", "");
    }

    /** Routes grouped as a reader looks for them: by the first segment after the version. */
    private static String tag(String path) {
        String[] parts = path.split("/");
        if (path.startsWith("/api/v1/") && parts.length > 3) {
            return parts[3];
        }
        if (path.startsWith("/internal/")) {
            return "internal";
        }
        return path.startsWith("/api/v1") ? "index" : path.startsWith("/api/") ? "docs" : "operations";
    }

    private static String role(Role role) {
        return role.name().toLowerCase(Locale.ROOT);
    }
}
