package io.complaintskpi.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.List;

/** Registers the API's routes, each with its declared parameters, and remembers them for a walk over all. */
final class Routes {

    /** A route's body, given the request's checked parameters. */
    @FunctionalInterface
    interface Handler {
        void handle(Context ctx, Params params) throws Exception;
    }

    private final JavalinConfig config;
    private final ApiServer.ApiDependencies deps;
    private final List<ApiRoute> declared = new ArrayList<>();

    Routes(JavalinConfig config, ApiServer.ApiDependencies deps) {
        this.config = config;
        this.deps = deps;
    }

    /** {@code GET path}: parameters are checked against {@code params} before {@code handler} runs. */
    void get(String path, ApiRoute.Publication publication, List<String> params, Handler handler) {
        ApiRoute route = ApiRoute.of(path, publication, params);
        declared.add(route);
        config.routes.get(path, ctx -> handler.handle(ctx, new Params(ctx, route, deps)));
    }

    ApiServer.ApiDependencies deps() {
        return deps;
    }

    List<ApiRoute> declared() {
        return List.copyOf(declared);
    }
}
