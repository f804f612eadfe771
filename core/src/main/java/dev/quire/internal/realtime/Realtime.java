package dev.quire.internal.realtime;

import dev.quire.Event;
import dev.quire.Subscription;
import dev.quire.internal.Errors;
import dev.quire.internal.Access;
import dev.quire.query.internal.Datetimes;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A store's change events: the subscriptions, and the one door committed changes are published through.
 *
 * <p>Publishing only matches and queues; callbacks run on delivery threads, at most one at a time per
 * subscription. The delivery pool grows a thread for each subscription that has events waiting and lets idle
 * ones go, so a slow subscriber holds one thread and delays no one else. A full queue ends its subscription
 * with an error event instead of blocking the writer or growing without bound.
 */
public final class Realtime implements AutoCloseable {
    /**
     * Events a subscription may hold undelivered. Events share one payload, so a full queue costs the queue's
     * array plus the events no other subscriber still holds; 10,000 absorbs a bulk write of that many documents.
     */
    public static final int DEFAULT_CAPACITY = 10_000;
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final List<QueuedSubscription> subscriptions = new CopyOnWriteArrayList<>();
    private final ExecutorService delivery = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), task -> {
                Thread thread = new Thread(task, "quire-realtime-" + THREADS.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
    private volatile boolean closed;

    /**
     * Subscribes to channels.
     *
     * @param channels Appwrite channel names, checked by {@link Channels#parse}
     * @param access   whose read permissions filter the events
     * @param capacity events the subscription may hold undelivered, at least 1
     * @param callback receives the events, on a delivery thread
     * @throws dev.quire.QuireException for an unknown channel, a capacity below 1, or a closed store
     */
    public Subscription subscribe(List<String> channels, Access access, int capacity, Consumer<Event> callback) {
        Set<String> names = Channels.parse(channels);
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(callback, "callback");
        if (capacity < 1) {
            throw Errors.argument("A subscription must hold at least 1 event, not " + capacity);
        }
        QueuedSubscription[] self = new QueuedSubscription[1];
        self[0] = new QueuedSubscription(names, access, capacity, callback, delivery,
                () -> subscriptions.remove(self[0]));
        subscriptions.add(self[0]);
        if (closed) {
            // Closing may have run before the add and missed this one.
            self[0].close();
            throw Errors.storeClosed(null);
        }
        return self[0];
    }

    /** @return whether anyone is subscribed; when not, a writer need not describe its changes at all */
    public boolean hasSubscribers() {
        return !subscriptions.isEmpty();
    }

    /**
     * Publishes one commit's changes. Callers must call this in commit order (under the lock that orders
     * commits) and only after the commit succeeded; it never blocks on a subscriber.
     */
    public synchronized void publish(List<Change> changes) {
        if (subscriptions.isEmpty()) {
            return;
        }
        String timestamp = Datetimes.format(Instant.now());
        for (Change change : changes) {
            List<String> channels = Channels.forDocument(change.databaseId(), change.collectionId(),
                    change.documentId(), change.action());
            Event event = null;
            for (QueuedSubscription subscription : subscriptions) {
                if (subscription.wants(channels, change.access())) {
                    if (event == null) {
                        event = new Event(EventNames.forDocument(change.databaseType(), change.databaseId(),
                                change.collectionId(), change.documentId(), change.action()), channels, timestamp,
                                change.payload());
                    }
                    subscription.offer(event, timestamp);
                }
            }
        }
    }

    /**
     * Ends every subscription once the events already published are delivered; the delivery threads stop after
     * that. Does not wait for slow subscribers.
     */
    @Override
    public void close() {
        closed = true;
        for (QueuedSubscription subscription : subscriptions) {
            subscription.end();
        }
        delivery.shutdown();
    }
}
