package dev.quire.internal.realtime;

import dev.quire.Event;
import dev.quire.Subscription;
import dev.quire.internal.Errors;
import dev.quire.internal.Access;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A subscription with a bounded queue, drained by one task at a time on the delivery executor, so its callbacks
 * run one after another, in the order events were offered, and never on the writer's thread.
 *
 * <p>Only the publisher offers, so "the queue is full" is decided in commit order: everything offered before
 * is delivered, then the overflow error, then nothing.
 */
final class QueuedSubscription implements Subscription {
    private static final Logger LOG = LoggerFactory.getLogger(Subscription.class);

    private final List<String> channels;
    private final Set<String> channelSet;
    private final Access access;
    private final Consumer<Event> callback;
    private final int capacity;
    private final ArrayBlockingQueue<Event> queue;
    private final Executor executor;
    private final Runnable detach;
    /** Whether a drain task is scheduled or running; at most one is. */
    private final AtomicBoolean scheduled = new AtomicBoolean();
    /** Set once nothing more will be offered: deliver what is queued, then {@link #last} if any, then close. */
    private volatile boolean ending;
    private volatile Event last;
    /** Set when nothing more is delivered: by {@link #close()}, or once ending is done. */
    private volatile boolean closed;

    QueuedSubscription(Set<String> channels, Access access, int capacity, Consumer<Event> callback,
                       Executor executor, Runnable detach) {
        this.channels = List.copyOf(channels);
        this.channelSet = channels;
        this.access = access;
        this.callback = callback;
        this.capacity = capacity;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.executor = executor;
        this.detach = detach;
    }

    /** Whether this subscription takes an event published on these channels about a document with this access. */
    boolean wants(List<String> eventChannels, ReadAccess readers) {
        for (String channel : eventChannels) {
            if (channelSet.contains(channel)) {
                return readers.allows(access);
            }
        }
        return false;
    }

    /** Queues an event; never blocks. Called by the publisher only, in commit order. */
    void offer(Event event, String timestamp) {
        if (ending) {
            return;
        }
        if (!queue.offer(event)) {
            last = Event.error(Errors.realtimeOverflow(capacity), channels, timestamp);
            ending = true;
            detach.run();
        }
        schedule();
    }

    /** Delivers what is queued, then closes: the store is closing. */
    void end() {
        ending = true;
        schedule();
    }

    @Override
    public List<String> getChannels() {
        return channels;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        ending = true;
        queue.clear();
        detach.run();
    }

    private void schedule() {
        if (!closed && scheduled.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException e) {
                // The store closed under us: the executor refuses work only after every subscription has ended.
                close();
            }
        }
    }

    private void drain() {
        boolean idle = false;
        try {
            while (true) {
                boolean wasEnding = ending;
                Event event;
                while (!closed && (event = queue.poll()) != null) {
                    deliver(event);
                }
                if (closed) {
                    return;
                }
                if (wasEnding) {
                    // Nothing is offered once ending is set, so the queue is drained for good.
                    Event lastEvent = last;
                    if (lastEvent != null) {
                        deliver(lastEvent);
                    }
                    return;
                }
                scheduled.set(false);
                // An offer may have come in after the last poll but before the flag was cleared; its schedule()
                // then found the flag set, so take the work here unless a new drain already has.
                if (queue.isEmpty() && !ending || !scheduled.compareAndSet(false, true)) {
                    idle = true;
                    return;
                }
            }
        } finally {
            if (!idle) {
                // Ended, closed, or a VirtualMachineError escaped a callback: nothing more is delivered.
                closed = true;
                queue.clear();
                detach.run();
            }
        }
    }

    private void deliver(Event event) {
        try {
            callback.accept(event);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            LOG.warn("A subscriber to {} failed on an event; delivery goes on", channels, e);
        }
    }
}
