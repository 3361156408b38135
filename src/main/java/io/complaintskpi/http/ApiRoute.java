package io.complaintskpi.http;

import io.complaintskpi.config.Security.Role;
import io.javalin.http.HandlerType;
import io.javalin.router.EndpointMetadata;

import java.util.List;

/**
 * One route as {@link RouteTable} declares it: method, path, the role it needs, its parameters (any other
 * query parameter is a 400), what it does when public output is asked, and the error answers it gives.
 * It travels with the Javalin endpoint as metadata, so access control and {@link Params} read it there.
 *
 * @param body      what a POST takes as its body; null for a GET
 * @param successes the answers when it does what was asked (200 unless declared otherwise)
 * @param scope     what it does for a token scoped to some authorities
 */
public record ApiRoute(HandlerType method, String path, Role role, String summary, List<Param> params,
                       Publication publication, List<ErrorAnswer> errors, Body body, List<Success> successes,
                       AuthorityScope scope)
        implements EndpointMetadata {

    /**
     * What a route does for a token scoped to some authorities (docs/security.md#tokens-scoped-to-authorities).
     * Every route readable by a token declares one; {@link #UNDECIDED} routes are closed to scoped tokens.
     */
    public enum AuthorityScope {
        /** Holds no authority's data (health, the catalogue, the API's description). */
        HOLDS_NONE,
        /**
         * Answers for the one authority its {@code authority} parameter names, by default one of the token's;
         * another is a 403. Group statistics beside it name no other authority.
         */
        ONE_AUTHORITY,
        /** Lists several authorities' records: only the token's authorities' are listed. */
        FILTERED,
        /** Answers for one complaint: a complaint of another authority is a 404, as if it did not exist. */
        ONE_COMPLAINT,
        /** Holds every authority's data for operators (metrics, rejected records): a 403 for a scoped token. */
        EVERY_AUTHORITY,
        /** No decision made: a 403 for a scoped token (and a failing AuthorityScopeTest). */
        UNDECIDED
    }

    /** What a route does with {@code public=true} or {@code disclosure.public-by-default}. */
    public record Publication(Kind kind, String refusal) {

        public enum Kind {
            /** Prints no count of people (catalogue, authorities). */
            NO_COUNTS,
            /** Applies disclosure control: counts of 1 to 5 are shown as {@code c}. */
            SUPPRESSES,
            /** Has no public form; with public asked it answers 400 with {@code refusal}. */
            REFUSES,
            /** For operators and the other instances (health, metrics, /internal): never published, no public. */
            OPERATIONAL
        }

        public static final Publication NO_COUNTS = new Publication(Kind.NO_COUNTS, null);
        public static final Publication SUPPRESSES = new Publication(Kind.SUPPRESSES, null);
        public static final Publication OPERATIONAL = new Publication(Kind.OPERATIONAL, null);

        public static Publication refuses(String why) {
            return new Publication(Kind.REFUSES, why);
        }

        /** Whether a route so published takes {@code public}. */
        boolean takesPublic() {
            return kind == Kind.SUPPRESSES || kind == Kind.REFUSES;
        }
    }

    /** An error answer a route gives: its status and when. */
    public record ErrorAnswer(int status, String when) {
    }

    /** A successful answer a route gives: its status and when. */
    public record Success(int status, String when) {
    }

    /** What a POST takes: its description and the media types it accepts. */
    public record Body(String description, List<Content> content) {
        public Body {
            content = List.copyOf(content);
        }
    }

    /** One media type a body may come as, and the JSON types of its document ({@code string} for text). */
    public record Content(String mediaType, List<String> types) {
        public Content {
            types = List.copyOf(types);
        }
    }

    public ApiRoute {
        params = List.copyOf(params);
        errors = List.copyOf(errors);
        successes = List.copyOf(successes);
    }

    /** The names of the query parameters, in declared order. */
    List<String> queryParams() {
        return params.stream().filter(p -> p.in() == Param.In.QUERY).map(Param::name).toList();
    }

    Param param(String name) {
        return params.stream().filter(p -> p.in() == Param.In.QUERY && p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException(path + " reads '" + name + "' but does not declare it"));
    }

    /** Whether a public token may call it: a viewer's route that publishes (suppressed, or no counts at all). */
    boolean publishes() {
        return role == Role.VIEWER && (publication.kind() == Publication.Kind.SUPPRESSES
                || publication.kind() == Publication.Kind.NO_COUNTS);
    }

    boolean accepts(String param) {
        return queryParams().contains(param);
    }
}
