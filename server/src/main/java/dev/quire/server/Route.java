package dev.quire.server;

import dev.quire.Databases;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One REST route: a verb, a path pattern under {@code /v1} whose {@code {name}} segments capture ids, a handler. */
record Route(String method, List<String> pattern, Service service, Handler handler) {

    /** What a handler does with one request. */
    @FunctionalInterface
    interface Handler {
        Reply handle(Call call);
    }

    /** A handler's answer: a status and a model (or {@code null} for an empty 204). */
    record Reply(int status, Object model) {
        static Reply ok(Object model) {
            return new Reply(200, model);
        }

        static Reply created(Object model) {
            return new Reply(201, model);
        }

        static Reply accepted(Object model) {
            return new Reply(202, model);
        }

        static Reply noContent() {
            return new Reply(204, null);
        }
    }

    /** One request as a handler sees it: the service, the ids in the path, the params and the caller's handle. */
    record Call(Service service, Map<String, String> path, Params params, Databases db) {
        String id(String name) {
            return path.get(name);
        }
    }

    /** The ids this route captures from the path segments, or {@code null} when the path is not this route's. */
    Map<String, String> match(List<String> segments) {
        if (segments.size() != pattern.size()) {
            return null;
        }
        Map<String, String> ids = new HashMap<>();
        for (int i = 0; i < pattern.size(); i++) {
            String part = pattern.get(i);
            if (part.startsWith("{")) {
                ids.put(part.substring(1, part.length() - 1), segments.get(i));
            } else if (!part.equals(segments.get(i))) {
                return null;
            }
        }
        return ids;
    }
}
