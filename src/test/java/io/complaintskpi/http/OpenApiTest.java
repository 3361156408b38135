package io.complaintskpi.http;

import io.complaintskpi.testing.StubApi;
import io.javalin.router.Endpoint;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** /api/openapi.json is a valid OpenAPI 3.1 document of every route Javalin serves; Swagger UI shows it. */
class OpenApiTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private ApiServer server;

    @BeforeEach
    void start() {
        // Tokens configured: the description is still open to anyone (it holds no data).
        server = StubApi.start(StubApi.config(Map.of("http.tokens", "viewer:" + AccessControlTest.sha256("a-viewer"))));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theDocumentIsValidAndDescribesEveryRegisteredRouteWithItsParametersAndErrors() throws Exception {
        HttpResponse<String> response = get("/api/openapi.json");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(response.body());
        assertThat(parsed.getMessages()).as("swagger-parser's findings").isEmpty();
        OpenAPI api = parsed.getOpenAPI();
        assertThat(api.getOpenapi()).isEqualTo("3.1.0");

        List<Endpoint> endpoints = server.endpoints();
        assertThat(endpoints).hasSizeGreaterThanOrEqualTo(25);
        int operations = 0;
        for (Endpoint endpoint : endpoints) {
            ApiRoute route = endpoint.metadata(ApiRoute.class);
            PathItem item = api.getPaths().get(endpoint.path);
            assertThat(item).as(endpoint.path + " is not in the document").isNotNull();
            Operation op = item.readOperationsMap().get(PathItem.HttpMethod.valueOf(endpoint.method.name()));
            assertThat(op).as(endpoint.method + " " + endpoint.path).isNotNull();
            operations++;
            List<String> documented = op.getParameters() == null ? List.of()
                    : op.getParameters().stream().map(Parameter::getName).toList();
            assertThat(documented).as(endpoint.path).containsExactlyElementsOf(
                    route.params().stream().map(Param::name).toList());
            assertThat(op.getResponses().keySet()).as(endpoint.path).containsAll(route.errors().stream()
                    .map(e -> Integer.toString(e.status())).toList()).containsAll(route.successes().stream()
                    .map(ok -> Integer.toString(ok.status())).toList());
            assertThat(op.getExtensions()).containsEntry("x-role", route.role().name().toLowerCase());
        }
        assertThat(api.getPaths().values().stream().mapToInt(p -> p.readOperations().size()).sum())
                .as("no operation the service does not serve").isEqualTo(operations);
    }

    @Test
    void parametersCarryTheirTypesDefaultsAndLimits() throws Exception {
        OpenAPI api = new OpenAPIV3Parser().readContents(get("/api/openapi.json").body()).getOpenAPI();
        Map<String, Parameter> complaints = api.getPaths().get("/api/v1/complaints").getGet().getParameters()
                .stream().collect(java.util.stream.Collectors.toMap(Parameter::getName, p -> p));
        assertThat(complaints.get("limit").getSchema().getMinimum()).isEqualByComparingTo("1");
        assertThat(complaints.get("limit").getSchema().getMaximum())
                .isEqualByComparingTo(Integer.toString(DeadlineRoutes.MAX_LIMIT));
        assertThat(complaints.get("limit").getSchema().getDefault()).isEqualTo(DeadlineRoutes.DEFAULT_LIMIT);
        assertThat(complaints.get("status").getSchema().getEnum()).containsExactly("open", "overdue", "all");
        assertThat(complaints.get("public").getSchema().getTypes()).containsExactly("boolean");
        Operation series = api.getPaths().get("/api/v1/kpis/{id}/series").getGet();
        assertThat(series.getParameters().get(0).getIn()).isEqualTo("path");
        assertThat(series.getParameters().get(0).getRequired()).isTrue();
        assertThat(series.getResponses().get("404").getDescription()).contains("no KPI with that id")
                .contains("no data for the authority");
        assertThat(series.getExtensions()).containsEntry("x-publication", "REFUSES");
        Map<String, String> seriesParams = series.getParameters().stream()
                .collect(java.util.stream.Collectors.toMap(Parameter::getName, Parameter::getDescription));
        assertThat(seriesParams.get("interval")).contains("at most " + Param.MAX_BUCKETS + " buckets");
        assertThat(seriesParams.get("from")).contains("at most " + Param.MAX_SPAN_DAYS + " days");
        assertThat(api.getPaths().get("/api/v1/complaints").getGet().getResponses()).containsKey("403");
        assertThat(api.getPaths().get("/api/openapi.json").getGet().getSecurity()).isEmpty();
    }

    @Test
    void theEventsRouteDescribesItsBodyFormsAndItsAnswers() throws Exception {
        OpenAPI api = new OpenAPIV3Parser().readContents(get("/api/openapi.json").body()).getOpenAPI();
        Operation post = api.getPaths().get("/api/v1/events").getPost();
        assertThat(post.getExtensions()).containsEntry("x-role", "publisher");
        assertThat(post.getRequestBody().getContent()).containsOnlyKeys("application/json", "application/x-ndjson");
        assertThat(post.getRequestBody().getContent().get("application/json").getSchema().getTypes())
                .containsExactlyInAnyOrder("object", "array");
        assertThat(post.getResponses()).containsKeys("202", "207", "400", "401", "403", "413", "415", "503")
                .doesNotContainKey("200");
        assertThat(post.getResponses().get("400").getDescription()).contains("no event accepted");
        assertThat(post.getResponses().get("413").getDescription()).contains("http.ingest-max-bytes",
                "http.ingest-max-events");
        // Every other route still answers 200, and a viewer's route may now refuse a token (a publisher's).
        assertThat(api.getPaths().get("/api/v1/kpis").getGet().getResponses()).containsKeys("200", "403");
    }

    @Test
    void swaggerUiIsServedFromItsWebJarOverTheDocument() throws Exception {
        HttpResponse<String> page = get("/api/docs");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("/api/docs/swagger-ui-bundle.js", "/api/docs/start.js")
                .doesNotContain("http://", "https://").doesNotContainPattern("<script>[^<]");
        HttpResponse<String> bundle = get("/api/docs/swagger-ui-bundle.js");
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.body()).contains("SwaggerUIBundle");
        assertThat(bundle.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(get("/api/docs/swagger-ui.css").statusCode()).isEqualTo(200);
        assertThat(get("/api/docs/start.js").body()).contains("url: \"/api/openapi.json\"");
        assertThat(get("/api/docs/no-such.js").statusCode()).isEqualTo(404);
        assertThat(get("/api/docs/..").statusCode()).isEqualTo(404);
        // The data stays behind its token.
        assertThat(get("/api/v1/kpis/definitions").statusCode()).isEqualTo(401);
    }
}
