package dev.quire.benchmarks;

import dev.quire.Subscription;
import dev.quire.internal.Access;
import dev.quire.internal.realtime.Action;
import dev.quire.internal.realtime.Change;
import dev.quire.internal.realtime.ReadAccess;
import dev.quire.internal.realtime.Realtime;
import dev.quire.permissions.Permission;
import dev.quire.permissions.Permissions;
import dev.quire.permissions.Role;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Change events after the commit, on their own: how many events one subscriber is handed per second, and the
 * delay from the publish that follows a commit to the subscriber's callback. The changes are prepared in
 * setup (a movie's payload, public read access); a timed call publishes them one commit at a time, as writers
 * do, and waits until the callback has seen the last one.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar DeliveryBenchmark}. The writer's side (creates with
 * 0, 1 and 10 subscribers) is {@code SubscribedCreateBenchmark}.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class DeliveryBenchmark {
    private static final int BATCH = 1000;

    private Realtime realtime;
    private Subscription subscription;
    private final AtomicLong delivered = new AtomicLong();
    private List<List<Change>> commits;
    private int next;

    @Setup(Level.Trial)
    public void open() {
        realtime = new Realtime();
        subscription = realtime.subscribe(List.of("databases.bench.collections.movies.documents"), Access.root(),
                Realtime.DEFAULT_CAPACITY, event -> delivered.incrementAndGet());
        ReadAccess access = new ReadAccess(Permissions.forCollection(List.of(Permission.read(Role.any()))), false,
                List.of());
        commits = new ArrayList<>();
        for (int i = 0; i < 1024; i++) {
            String id = String.format("movie%015d", i);
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("$id", id);
            document.put("$sequence", (long) i);
            document.put("$collectionId", "movies");
            document.put("$databaseId", "bench");
            document.put("$createdAt", "2026-11-29T10:00:00.000+00:00");
            document.put("$updatedAt", "2026-11-29T10:00:00.000+00:00");
            document.put("$permissions", List.of(Permission.read(Role.any())));
            document.put("title", "A movie " + i);
            document.put("year", 1920L + i % 100);
            document.put("rating", (i % 100) / 10.0);
            commits.add(List.of(new Change(Action.CREATE, "legacy", "bench", "movies", id,
                    Change.payload(document, Set.of()), access)));
        }
    }

    /** Events per second handed to one subscriber: a thousand one-document commits, then the last callback. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public long eventsToOneSubscriber() {
        long target = delivered.get() + BATCH;
        for (int i = 0; i < BATCH; i++) {
            realtime.publish(commits.get(next++ & 1023));
        }
        awaitDelivered(target);
        return target;
    }

    /** The delay from publishing one commit's event to its callback having run (JMH reports p50 and p99). */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public long commitToCallback() {
        long target = delivered.get() + 1;
        realtime.publish(commits.get(next++ & 1023));
        awaitDelivered(target);
        return target;
    }

    private void awaitDelivered(long target) {
        while (delivered.get() < target) {
            if (subscription.isClosed()) {
                throw new IllegalStateException("The subscription ended: " + delivered.get() + " of " + target);
            }
            Thread.onSpinWait();
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        realtime.close();
    }
}
