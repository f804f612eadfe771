package dev.quire;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A subscription callback that records what it is given and where, and lets a test wait for it. The waits are
 * bounds against a hang, not timings: a passing test never reaches them.
 */
public final class EventRecorder implements Consumer<Event> {
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<Thread> threads = new LinkedBlockingQueue<>();
    private final CountDownLatch release;

    /** A recorder that returns at once. */
    public EventRecorder() {
        this(0);
    }

    private EventRecorder(int holds) {
        this.release = new CountDownLatch(holds);
    }

    /** A subscriber stuck in its callback: it records each event, then waits until {@link #release()}. */
    public static EventRecorder stuck() {
        return new EventRecorder(1);
    }

    /** Lets a {@linkplain #stuck() stuck} recorder's callbacks return, now and from now on. */
    public void release() {
        release.countDown();
    }

    @Override
    public void accept(Event event) {
        threads.add(Thread.currentThread());
        events.add(event);
        try {
            assertTrue(release.await(30, TimeUnit.SECONDS), "never released");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The next event, waiting for it. */
    public Event next() throws InterruptedException {
        Event event = events.poll(30, TimeUnit.SECONDS);
        if (event == null) {
            fail("no event delivered");
        }
        return event;
    }

    /** The payload ids of the next {@code count} events. */
    public List<String> nextIds(int count) throws InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add((String) next().getPayload().get("$id"));
        }
        return ids;
    }

    /** The thread the next event was delivered on. */
    public Thread nextThread() throws InterruptedException {
        return threads.take();
    }

    /** Asserts that nothing was delivered that has not been taken. */
    public void assertNothingMore() {
        assertNull(events.poll(), "an event nobody expected");
    }

    /** Waits until the subscription has ended (its delivery thread finishes ending it). */
    public static void awaitClosed(Subscription subscription) throws InterruptedException {
        for (int i = 0; i < 3000 && !subscription.isClosed(); i++) {
            Thread.sleep(10);
        }
        assertTrue(subscription.isClosed(), "the subscription did not end");
    }
}
