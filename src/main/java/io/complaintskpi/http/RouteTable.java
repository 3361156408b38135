package io.complaintskpi.http;

import io.complaintskpi.config.Security.Role;
import io.complaintskpi.http.ApiRoute.ErrorAnswer;
import io.complaintskpi.http.ApiRoute.Publication;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.security.Roles;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every HTTP route of the service, builder and declarations: its method and path, the role it needs, its
 * parameters, what it does with public output and the errors it answers. Access control, parameter checks,
 * {@code GET /api/v1} and the OpenAPI document all read these declarations; a route is one entry here plus
 * its handler (see {@link ApiRoutes} for the table itself).
 */
final class RouteTable {

    /** A route's body, given the request's checked parameters. */
    @FunctionalInterface
    interface Handler {
        void handle(Context ctx, Params params) throws Exception;
    }

    record Entry(ApiRoute route, Handler handler) {
    }

    static final ErrorAnswer BAD_REQUEST = new ErrorAnswer(400, "a parameter the route does not take, given twice,"
            + " contradicting another, or with a value it does not accept");
    static final ErrorAnswer UNAUTHORIZED = new ErrorAnswer(401, "tokens are configured and the request has no valid"
            + " bearer token");
    static final ErrorAnswer FORBIDDEN = new ErrorAnswer(403, "the token's role does not grant the route's role");
    static final ErrorAnswer NO_AUTHORITY = new ErrorAnswer(404, "no data for the authority asked for");
    static final ErrorAnswer NOT_READY = new ErrorAnswer(503, "the stores are not ready yet (starting or"
            + " rebalancing); retry shortly");

    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");

    private final List<Builder> builders = new ArrayList<>();
    private final String prefix;
    private final RouteTable root;

    RouteTable() {
        this("", null);
    }

    private RouteTable(String prefix, RouteTable root) {
        this.prefix = prefix;
        this.root = root;
    }

    /** Routes under {@code path}, as Javalin's ApiBuilder nests them. */
    void path(String path, Consumer<RouteTable> routes) {
        routes.accept(new RouteTable(prefix + path, root()));
    }

    Builder get(String path, Role role, String summary, Handler handler) {
        return add(HandlerType.GET, path, role, summary, handler);
    }

    Builder post(String path, Role role, String summary, Handler handler) {
        return add(HandlerType.POST, path, role, summary, handler);
    }

    private Builder add(HandlerType method, String path, Role role, String summary, Handler handler) {
        Builder builder = new Builder(method, prefix + path, role, summary, handler);
        root().builders.add(builder);
        return builder;
    }

    private RouteTable root() {
        return root == null ? this : root;
    }

    /** Every route, declared. */
    List<Entry> entries() {
        return root().builders.stream().map(Builder::build).toList();
    }

    List<ApiRoute> routes() {
        return entries().stream().map(Entry::route).toList();
    }

    /** Registers every route with Javalin, its role and declaration attached to the endpoint. */
    void register(JavalinConfig config, ApiServer.ApiDependencies deps) {
        for (Entry entry : entries()) {
            ApiRoute route = entry.route();
            config.routes.addEndpoint(Endpoint.create(route.method(), route.path())
                    .addMetadata(new Roles(Set.of(route.role())))
                    .addMetadata(route)
                    .handler(ctx -> entry.handler().handle(ctx, new Params(ctx, route, deps))));
        }
    }

    /** One route being declared; the chained calls read as the line of a table. */
    static final class Builder {
        private final HandlerType method;
        private final String path;
        private final Role role;
        private final String summary;
        private final Handler handler;
        private final List<Param> params = new ArrayList<>();
        private final List<ErrorAnswer> errors = new ArrayList<>();
        private final List<ApiRoute.Success> successes = new ArrayList<>();
        private Publication publication = Publication.NO_COUNTS;
        private ApiRoute.Body body;

        private Builder(HandlerType method, String path, Role role, String summary, Handler handler) {
            this.method = method;
            this.path = path;
            this.role = role;
            this.summary = summary;
            this.handler = handler;
        }

        Builder publication(Publication publication) {
            this.publication = publication;
            return this;
        }

        Builder params(Param... more) {
            params.addAll(List.of(more));
            return this;
        }

        Builder params(List<Param> more) {
            params.addAll(more);
            return this;
        }

        Builder errors(ErrorAnswer... more) {
            errors.addAll(List.of(more));
            return this;
        }

        /** Not found: a 404 for what the path names. */
        Builder notFound(String when) {
            return errors(new ErrorAnswer(404, when));
        }

        /** A JSON object body. */
        Builder body(String description) {
            return body(description, new ApiRoute.Content("application/json", List.of("object")));
        }

        Builder body(String description, ApiRoute.Content... content) {
            this.body = new ApiRoute.Body(description, List.of(content));
            return this;
        }

        /** A successful answer other than the usual 200. */
        Builder answers(int status, String when) {
            successes.add(new ApiRoute.Success(status, when));
            return this;
        }

        private Entry build() {
            List<Param> all = new ArrayList<>();
            Matcher names = PATH_PARAM.matcher(path);
            while (names.find()) {
                String name = names.group(1);
                all.add(params.stream().filter(p -> p.in() == Param.In.PATH && p.name().equals(name)).findFirst()
                        .orElseThrow(() -> new IllegalStateException(path + " does not declare path parameter "
                                + name)));
            }
            params.stream().filter(p -> p.in() == Param.In.QUERY).forEach(all::add);
            if (publication.takesPublic()) {
                all.add(Param.PUBLIC);
            }
            List<ErrorAnswer> answers = new ArrayList<>(List.of(BAD_REQUEST));
            if (role != Role.ANYONE) {
                answers.add(UNAUTHORIZED);
            }
            if (role != Role.ANYONE) { // a publisher's token reads nothing, not even what a viewer's does
                answers.add(FORBIDDEN);
            }
            if (all.stream().anyMatch(p -> p.name().equals(Param.AUTHORITY.name()))) {
                answers.add(NO_AUTHORITY);
            }
            errors.stream().filter(e -> !answers.contains(e)).forEach(answers::add);
            answers.sort((a, b) -> Integer.compare(a.status(), b.status()));
            List<ApiRoute.Success> ok = successes.isEmpty() ? List.of(new ApiRoute.Success(200, summary)) : successes;
            return new Entry(new ApiRoute(method, path, role, summary, all, publication, answers, body, ok), handler);
        }
    }
}
