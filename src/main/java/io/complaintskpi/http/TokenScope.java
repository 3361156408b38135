package io.complaintskpi.http;

import io.javalin.http.Context;

import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The authorities a request may see: every one (no token scoping it), or those its token is scoped to. Access
 * control sets it on the request; {@link Params} and the handlers of lists read it.
 *
 * @param authorities null for every authority
 */
record TokenScope(SortedSet<String> authorities) {

    static final TokenScope EVERY = new TokenScope(null);
    private static final String ATTRIBUTE = TokenScope.class.getName();

    static TokenScope of(Set<String> authorities) {
        return new TokenScope(new TreeSet<>(authorities));
    }

    boolean every() {
        return authorities == null;
    }

    boolean allows(String authority) {
        return every() || authorities.contains(authority);
    }

    void set(Context ctx) {
        ctx.attribute(ATTRIBUTE, this);
    }

    /** The request's scope: every authority unless access control scoped it. */
    static TokenScope of(Context ctx) {
        TokenScope scope = ctx.attribute(ATTRIBUTE);
        return scope == null ? EVERY : scope;
    }
}
