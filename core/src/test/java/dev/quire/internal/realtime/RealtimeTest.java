package dev.quire.internal.realtime;

import dev.quire.Event;
import dev.quire.EventRecorder;
import dev.quire.Subscription;
import dev.quire.internal.Access;
import dev.quire.permissions.Caller;
import dev.quire.permissions.Grant;
import dev.quire.permissions.Permission;
import dev.quire.permissions.Permissions;
import dev.quire.permissions.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.quire.EventRecorder.awaitClosed;
import static dev.quire.QuireAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class RealtimeTest {
    private static final List<Grant> ANYONE_READS = Permissions.forCollection(List.of(Permission.read(Role.any())));
    private static final ReadAccess PUBLIC = new ReadAccess(ANYONE_READS, false, List.of());

    private final Realtime realtime = new Realtime();

    @AfterEach
    void close() {
        realtime.close();
    }

    private static Change change(Action action, String collection, String id, ReadAccess access) {
        Map<String, Object> document = Map.of("$id", id, "$collectionId", collection, "$databaseId", "app");
        return new Change(action, "legacy", "app", collection, id, Change.payload(document, Set.of()), access);
    }

    private static Change created(String collection, String id) {
        return change(Action.CREATE, collection, id, PUBLIC);
    }

    @Test
    void deliversAnEventWithAppwritesFieldsOnADeliveryThread() throws Exception {
        EventRecorder recorder = new EventRecorder();
        realtime.subscribe(List.of("documents"), Access.root(), 10, recorder);

        realtime.publish(List.of(created("movies", "up")));

        Event event = recorder.next();
        assertEquals("databases.app.collections.movies.documents.up.create", event.getEvents().get(0));
        assertEquals(Channels.forDocument("app", "movies", "up", Action.CREATE), event.getChannels());
        assertEquals(Map.of("$id", "up", "$collectionId", "movies", "$databaseId", "app"), event.getPayload());
        assertTrue(event.getTimestamp().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+00:00"));
        assertFalse(event.isError());
        assertNotEquals(Thread.currentThread(), recorder.nextThread());
    }

    @Test
    void deliversInPublishOrder() throws Exception {
        EventRecorder recorder = new EventRecorder();
        realtime.subscribe(List.of("databases.app.collections.movies.documents"), Access.root(), 1000, recorder);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            ids.add("d" + i);
            realtime.publish(List.of(created("movies", "d" + i)));
        }

        assertEquals(ids, recorder.nextIds(500));
    }

    @Test
    void aCommitOfSeveralChangesIsDeliveredAsOneEventPerDocument() throws Exception {
        EventRecorder recorder = new EventRecorder();
        realtime.subscribe(List.of("documents"), Access.root(), 10, recorder);

        realtime.publish(List.of(created("movies", "a"), created("movies", "b"), created("movies", "c")));

        assertEquals(List.of("a", "b", "c"), recorder.nextIds(3));
    }

    @Test
    void onlyEventsOnASubscribedChannelArrive() throws Exception {
        EventRecorder recorder = new EventRecorder();
        realtime.subscribe(List.of("databases.app.collections.movies.documents.up",
                "databases.app.collections.actors.documents.delete", "databases.app.collections.last.documents"),
                Access.root(), 10, recorder);

        realtime.publish(List.of(created("movies", "other"), created("movies", "up"), created("actors", "a1"),
                change(Action.DELETE, "actors", "a1", PUBLIC), created("books", "b1"), created("last", "l1")));

        assertEquals(List.of("up", "a1", "l1"), recorder.nextIds(3));
        recorder.assertNothingMore();
    }

    @Test
    void aSubscriberGetsOnlyWhatItsCallerMayRead() throws Exception {
        List<Grant> collection = Permissions.forCollection(List.of(Permission.read(Role.users())));
        EventRecorder guest = new EventRecorder();
        EventRecorder alice = new EventRecorder();
        EventRecorder root = new EventRecorder();
        realtime.subscribe(List.of("documents"), Access.of(Caller.guest()), 10, guest);
        realtime.subscribe(List.of("documents"), Access.of(Caller.user("alice")), 10, alice);
        realtime.subscribe(List.of("documents"), Access.root(), 10, root);

        realtime.publish(List.of(change(Action.CREATE, "notes", "n1", new ReadAccess(collection, false, List.of()))));
        realtime.publish(List.of(created("movies", "m1")));

        assertEquals(List.of("n1", "m1"), alice.nextIds(2));
        assertEquals(List.of("n1", "m1"), root.nextIds(2));
        assertEquals(List.of("m1"), guest.nextIds(1));
    }

    @Test
    void documentGrantsCountOnlyWithDocumentSecurity() throws Exception {
        List<Grant> nobody = List.of();
        List<Grant> bob = Permissions.forDocument(List.of(Permission.read(Role.user("bob"))));
        EventRecorder recorder = new EventRecorder();
        realtime.subscribe(List.of("documents"), Access.of(Caller.user("bob")), 10, recorder);

        realtime.publish(List.of(change(Action.CREATE, "c", "without", new ReadAccess(nobody, false, bob))));
        realtime.publish(List.of(change(Action.CREATE, "c", "with", new ReadAccess(nobody, true, bob))));
        realtime.publish(List.of(change(Action.CREATE, "c", "other", new ReadAccess(nobody, true,
                Permissions.forDocument(List.of(Permission.read(Role.user("carol"))))))));
        realtime.publish(List.of(created("c", "last")));

        assertEquals(List.of("with", "last"), recorder.nextIds(2));
    }

    @Test
    void aFullQueueEndsTheSubscriptionWithAnErrorAfterWhatItHeld() throws Exception {
        EventRecorder recorder = EventRecorder.stuck();
        Subscription subscription = realtime.subscribe(List.of("documents"), Access.root(), 3, recorder);
        realtime.publish(List.of(created("c", "first")));
        assertEquals("first", recorder.next().getPayload().get("$id"));   // now blocked in the callback

        // The writer is never held up: these all return while the callback is blocked.
        for (int i = 1; i <= 10; i++) {
            realtime.publish(List.of(created("c", "d" + i)));
        }
        assertFalse(realtime.hasSubscribers(), "an overflowed subscription takes no more events");
        recorder.release();

        assertEquals(List.of("d1", "d2", "d3"), recorder.nextIds(3));
        Event error = recorder.next();
        assertTrue(error.isError());
        assertEquals("realtime_subscription_overflow", error.getError().getType());
        assertEquals(1013, error.getError().getCode());
        assertEquals(List.of("documents"), error.getChannels());
        assertEquals(Map.of(), error.getPayload());
        awaitClosed(subscription);
        recorder.assertNothingMore();
    }

    @Test
    void aSlowSubscriberDoesNotHoldUpAnother() throws Exception {
        EventRecorder stuck = EventRecorder.stuck();
        realtime.subscribe(List.of("documents"), Access.root(), 1000, stuck);
        EventRecorder fast = new EventRecorder();
        realtime.subscribe(List.of("documents"), Access.root(), 1000, fast);

        for (int i = 0; i < 100; i++) {
            realtime.publish(List.of(created("c", "d" + i)));
        }

        assertEquals(100, fast.nextIds(100).size());
        stuck.release();
    }

    @Test
    void aFailingCallbackIsLoggedAndDeliveryGoesOn() throws Exception {
        EventRecorder recorder = new EventRecorder();
        Subscription subscription = realtime.subscribe(List.of("documents"), Access.root(), 10, event -> {
            recorder.accept(event);
            throw new IllegalStateException("callback failure in a test: expected in the log");
        });

        realtime.publish(List.of(created("c", "a")));
        realtime.publish(List.of(created("c", "b")));

        assertEquals(List.of("a", "b"), recorder.nextIds(2));
        assertFalse(subscription.isClosed());
    }

    @Test
    void aFailingAssertionInACallbackDoesNotEndDeliveryEither() throws Exception {
        EventRecorder recorder = new EventRecorder();
        realtime.subscribe(List.of("documents"), Access.root(), 10, event -> {
            recorder.accept(event);
            throw new AssertionError("assertion failure in a test: expected in the log");
        });

        realtime.publish(List.of(created("c", "a"), created("c", "b")));

        assertEquals(List.of("a", "b"), recorder.nextIds(2));
    }

    @Test
    void closingStopsDeliveryAndUnsubscribes() throws Exception {
        EventRecorder recorder = new EventRecorder();
        Subscription subscription = realtime.subscribe(List.of("documents"), Access.root(), 10, recorder);
        EventRecorder other = new EventRecorder();
        realtime.subscribe(List.of("rows"), Access.root(), 10, other);

        subscription.close();
        subscription.close();
        realtime.publish(List.of(created("c", "after")));

        assertEquals("after", other.next().getPayload().get("$id"));
        assertTrue(subscription.isClosed());
        recorder.assertNothingMore();
    }

    @Test
    void aCallbackMayCloseItsOwnSubscription() throws Exception {
        EventRecorder recorder = new EventRecorder();
        Subscription[] self = new Subscription[1];
        self[0] = realtime.subscribe(List.of("documents"), Access.root(), 10, event -> {
            recorder.accept(event);
            self[0].close();
        });
        EventRecorder witness = new EventRecorder();
        realtime.subscribe(List.of("documents"), Access.root(), 10, witness);

        realtime.publish(List.of(created("c", "a"), created("c", "b")));

        assertEquals(List.of("a", "b"), witness.nextIds(2));
        assertEquals("a", recorder.next().getPayload().get("$id"));
        awaitClosed(self[0]);
        recorder.assertNothingMore();
    }

    @Test
    void closingTheStoreDeliversWhatWasPublishedThenEndsEverySubscription() throws Exception {
        EventRecorder recorder = EventRecorder.stuck();
        Subscription subscription = realtime.subscribe(List.of("documents"), Access.root(), 10, recorder);
        realtime.publish(List.of(created("c", "a"), created("c", "b")));
        assertEquals("a", recorder.next().getPayload().get("$id"));

        realtime.close();
        recorder.release();

        assertEquals("b", recorder.next().getPayload().get("$id"));
        awaitClosed(subscription);
        recorder.assertNothingMore();
        assertFalse(realtime.hasSubscribers());
    }

    @Test
    void subscribingToAClosedStoreFails() {
        realtime.close();

        assertError("store_closed", 503, () -> realtime.subscribe(List.of("documents"), Access.root(), 10, e -> {
        }));
        assertFalse(realtime.hasSubscribers());
    }

    @Test
    void badArgumentsAreRefusedBeforeAnythingIsSubscribed() {
        assertError("general_argument_invalid", 400, () -> realtime.subscribe(List.of("account"), Access.root(), 10, e -> {
        }));
        assertError("general_argument_invalid", 400, () -> realtime.subscribe(List.of("documents"), Access.root(), 0, e -> {
        }));
        assertThrows(NullPointerException.class, () -> realtime.subscribe(List.of("documents"), Access.root(), 10, null));
        assertFalse(realtime.hasSubscribers());
    }

    @Test
    void withoutSubscribersPublishingDoesNothing() {
        assertFalse(realtime.hasSubscribers());
        realtime.publish(List.of(created("c", "a")));
    }

    @Test
    void thePayloadLeavesRelationshipsOutAndCannotBeChanged() {
        Map<String, Object> payload = Change.payload(Map.of("$id", "up", "title", "Up", "director", "d1"),
                Set.of("director"));

        assertEquals(Map.of("$id", "up", "title", "Up"), payload);
        assertThrows(UnsupportedOperationException.class, () -> payload.put("x", 1));
    }

    @Test
    void subscribersShareOneEventPerChange() throws Exception {
        EventRecorder first = new EventRecorder();
        EventRecorder second = new EventRecorder();
        realtime.subscribe(List.of("documents"), Access.root(), 10, first);
        realtime.subscribe(List.of("rows"), Access.root(), 10, second);

        realtime.publish(List.of(created("c", "a")));

        assertTrue(first.next() == second.next());
    }

}
