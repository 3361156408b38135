package io.complaintskpi.http;

import java.util.ArrayList;
import java.util.List;

/**
 * One route of the public API, declared once where it is registered: its path, the query parameters it
 * takes (any other is a 400) and what it does when public output is asked.
 */
public record ApiRoute(String path, List<String> params, Publication publication) {

    /** What a route does with {@code public=true} or {@code disclosure.public-by-default}. */
    public record Publication(Kind kind, String refusal) {

        public enum Kind {
            /** Prints no count of people (catalogue, authorities, health). */
            NO_COUNTS,
            /** Applies disclosure control: counts of 1 to 5 are shown as {@code c}. */
            SUPPRESSES,
            /** Has no public form; with public asked it answers 400 with {@code refusal}. */
            REFUSES
        }

        public static final Publication NO_COUNTS = new Publication(Kind.NO_COUNTS, null);
        public static final Publication SUPPRESSES = new Publication(Kind.SUPPRESSES, null);

        public static Publication refuses(String why) {
            return new Publication(Kind.REFUSES, why);
        }
    }

    public ApiRoute {
        params = List.copyOf(params);
    }

    /** A route taking {@code params}; a route that prints counts also takes {@code public}. */
    static ApiRoute of(String path, Publication publication, List<String> params) {
        List<String> all = new ArrayList<>(params);
        if (publication.kind() != Publication.Kind.NO_COUNTS) {
            all.add(Params.PUBLIC);
        }
        return new ApiRoute(path, all, publication);
    }

    boolean accepts(String param) {
        return params.contains(param);
    }
}
