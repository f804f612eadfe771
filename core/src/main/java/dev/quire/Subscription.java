package dev.quire;

import java.util.List;

/**
 * A subscription to change events, from {@link Databases#subscribe(List, java.util.function.Consumer)}. Events
 * arrive on a delivery thread of the subscription's own, one at a time, in commit order; writers never wait for
 * them.
 *
 * <pre>{@code
 * try (Subscription s = db.subscribe(List.of("documents"), event -> System.out.println(event.getEvents().get(0)))) {
 *     db.createDocument("app", "movies", ID.unique(), Map.of("title", "Up"), null);
 * }
 * }</pre>
 *
 * <p>A subscription ends when it is closed, when its store closes (after the events already committed have been
 * delivered), or when it falls behind (after a final error event, see {@link Event#isError()}).
 */
public interface Subscription extends AutoCloseable {
    /** @return the channels subscribed to, as given, without duplicates */
    List<String> getChannels();

    /** @return whether the subscription has ended: no further event will start */
    boolean isClosed();

    /**
     * Ends the subscription: events not yet delivered are discarded and no further callback starts (one already
     * running finishes). Safe to call from inside the callback, and more than once.
     */
    @Override
    void close();
}
