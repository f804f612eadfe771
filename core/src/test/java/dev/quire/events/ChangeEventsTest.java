package dev.quire.events;

import dev.quire.Databases;
import dev.quire.Document;
import dev.quire.Event;
import dev.quire.EventRecorder;
import dev.quire.StoreKind;
import dev.quire.Subscription;
import dev.quire.permissions.Caller;
import dev.quire.permissions.Permission;
import dev.quire.permissions.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.quire.EventRecorder.awaitClosed;
import static dev.quire.QuireAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code db.subscribe}: what each write delivers, to whom, and how subscriptions end. */
class ChangeEventsTest {
    private static final String DB = "app";
    private static final String MOVIES = "movies";
    private static final List<String> PUBLIC = List.of(Permission.read(Role.any()), Permission.update(Role.any()),
            Permission.delete(Role.any()));

    private Databases db;

    @BeforeEach
    void createMovies() {
        db = Databases.inMemory();
        db.create(DB, "App");
        db.createCollection(DB, MOVIES, "Movies", List.of(Permission.create(Role.any())), true, true);
        db.createStringAttribute(DB, MOVIES, "title", 64, true, null, false);
        db.createIntegerAttribute(DB, MOVIES, "year", false, null, null, null, false);
        db.createCollection(DB, "actors", "Actors", List.of(Permission.read(Role.any())), false, true);
        db.createStringAttribute(DB, "actors", "name", 64, true, null, false);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Document movie(String id, String title) {
        return db.createDocument(DB, MOVIES, id, Map.of("title", title), PUBLIC);
    }

    @Test
    void aCreateDeliversAppwritesEventWithTheDocumentAsTheApiReturnsIt() throws Exception {
        EventRecorder recorder = new EventRecorder();
        db.subscribe(List.of("databases.app.collections.movies.documents"), recorder);

        Document up = db.createDocument(DB, MOVIES, "up", Map.of("title", "Up", "year", 2009), PUBLIC);

        Event event = recorder.next();
        assertEquals("databases.app.collections.movies.documents.up.create", event.getEvents().get(0));
        assertTrue(event.getEvents().containsAll(List.of("databases.*.collections.*.documents.*.create",
                "databases.app.tables.movies.rows.up.create", "databases.app", "databases.*")));
        assertEquals(16, event.getChannels().size());
        assertTrue(event.getChannels().containsAll(List.of("documents", "rows.create",
                "tablesdb.app.tables.movies.rows.up")));
        assertEquals(up.toMap(), event.getPayload());
        assertNotEquals(Thread.currentThread(), recorder.nextThread());
    }

    @Test
    void updateUpsertAndDeleteEachDeliverTheirAction() throws Exception {
        EventRecorder recorder = new EventRecorder();
        db.subscribe(List.of("documents"), recorder);

        movie("up", "Up");
        Document updated = db.updateDocument(DB, MOVIES, "up", Map.of("year", 2009), null);
        Document upserted = db.upsertDocument(DB, MOVIES, "up", Map.of("title", "Up!"), null);
        Document inserted = db.upsertDocument(DB, MOVIES, "heat", Map.of("title", "Heat"), PUBLIC);
        db.deleteDocument(DB, MOVIES, "up");

        assertEquals("databases.app.collections.movies.documents.up.create", recorder.next().getEvents().get(0));
        Event update = recorder.next();
        assertEquals("databases.app.collections.movies.documents.up.update", update.getEvents().get(0));
        assertEquals(updated.toMap(), update.getPayload());
        Event upsert = recorder.next();
        assertEquals("databases.app.collections.movies.documents.up.upsert", upsert.getEvents().get(0));
        assertEquals(upserted.toMap(), upsert.getPayload());
        Event insert = recorder.next();
        assertEquals("databases.app.collections.movies.documents.heat.upsert", insert.getEvents().get(0),
                "an upsert that creates is still an upsert, as Appwrite's route names it");
        assertEquals(inserted.toMap(), insert.getPayload());
        Event delete = recorder.next();
        assertEquals("databases.app.collections.movies.documents.up.delete", delete.getEvents().get(0));
        assertEquals(upserted.toMap(), delete.getPayload(), "a delete carries the document as it was");
        assertTrue(delete.getChannels().contains("documents.delete"));
    }

    @Test
    void theEventArrivesOnceTheWriteIsCommitted() throws Exception {
        CountDownLatch checked = new CountDownLatch(1);
        Document[] seen = new Document[1];
        db.subscribe(List.of("documents"), event -> {
            seen[0] = db.getDocument(DB, MOVIES, (String) event.getPayload().get("$id"), List.of());
            checked.countDown();
        });

        Document up = movie("up", "Up");

        assertTrue(checked.await(30, TimeUnit.SECONDS));
        assertEquals(up, seen[0]);
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void eventsFollowCommitOrderUnderConcurrentWriters(StoreKind kind, @TempDir Path directory) throws Exception {
        db.close();
        db = kind.open(directory);
        db.create(DB, "App");
        db.createCollection(DB, MOVIES, "Movies", List.of(), false, true);
        db.createStringAttribute(DB, MOVIES, "title", 64, true, null, false);
        int threads = 4;
        int writes = 40;
        movie("shared", "start");
        EventRecorder recorder = new EventRecorder();
        db.subscribe(List.of("documents"), recorder);

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String writer = "w" + t;
            writers.add(pool.submit(() -> {
                for (int i = 0; i < writes; i++) {
                    // Each writer's own documents, in an order it causes; and one document they all fight over.
                    movie(writer + "-" + i, writer);
                    db.updateDocument(DB, MOVIES, "shared", Map.of("title", writer + "-" + i), null);
                }
                return null;
            }));
        }
        for (Future<?> writer : writers) {
            writer.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        Map<String, Integer> nextOfWriter = new HashMap<>();
        Event lastOfShared = null;
        for (int received = 0; received < threads * writes * 2; received++) {
            Event event = recorder.next();
            String id = (String) event.getPayload().get("$id");
            if (id.equals("shared")) {
                lastOfShared = event;
                continue;
            }
            String writer = id.substring(0, id.indexOf('-'));
            int index = Integer.parseInt(id.substring(id.indexOf('-') + 1));
            assertEquals(nextOfWriter.getOrDefault(writer, 0), index, "a writer's creates arrive in its order");
            nextOfWriter.put(writer, index + 1);
        }
        recorder.assertNothingMore();
        assertEquals(db.getDocument(DB, MOVIES, "shared", List.of()).toMap(), lastOfShared.getPayload(),
                "the last event about a document is its last committed state");
    }

    @Test
    void aFailedWriteDeliversNothing() throws Exception {
        EventRecorder recorder = new EventRecorder();
        db.subscribe(List.of("documents"), recorder);
        movie("up", "Up");
        assertEquals(List.of("up"), recorder.nextIds(1));

        assertError("document_already_exists", 409, () -> movie("up", "Up again"));
        assertError("document_invalid_structure", 400, () -> db.createDocument(DB, MOVIES, "bad",
                Map.of("title", 1), null));
        assertError("document_invalid_structure", 400, () -> db.updateDocument(DB, MOVIES, "up",
                Map.of("year", "not a number"), null));
        assertError("user_unauthorized", 401, () -> db.as(Caller.guest()).deleteDocument(DB, "actors", "none"
                .replace("none", db.createDocument(DB, "actors", "a1", Map.of("name", "Ann"), null).getId())));
        movie("last", "Last");

        assertEquals(List.of("a1", "last"), recorder.nextIds(2));
        recorder.assertNothingMore();
    }

    @Test
    void aChannelSelectsACollectionADocumentOrAnAction() throws Exception {
        EventRecorder collection = new EventRecorder();
        EventRecorder document = new EventRecorder();
        EventRecorder deletes = new EventRecorder();
        EventRecorder tables = new EventRecorder();
        db.subscribe(List.of("databases.app.collections.actors.documents"), collection);
        db.subscribe(List.of("databases.app.collections.movies.documents.up"), document);
        db.subscribe(List.of("documents.delete"), deletes);
        db.subscribe(List.of("tablesdb.app.tables.actors.rows"), tables);

        movie("up", "Up");
        movie("heat", "Heat");
        db.createDocument(DB, "actors", "a1", Map.of("name", "Ann"), null);
        db.deleteDocument(DB, MOVIES, "heat");
        db.deleteDocument(DB, MOVIES, "up");

        assertEquals(List.of("a1"), collection.nextIds(1));
        assertEquals(List.of("a1"), tables.nextIds(1));
        Event created = document.next();
        assertEquals("databases.app.collections.movies.documents.up.create", created.getEvents().get(0));
        assertEquals("databases.app.collections.movies.documents.up.delete", document.next().getEvents().get(0));
        assertEquals(List.of("heat", "up"), deletes.nextIds(2));
        collection.assertNothingMore();
        tables.assertNothingMore();
    }

    @Test
    void aCallersViewReceivesOnlyWhatThatCallerMayRead() throws Exception {
        EventRecorder guest = new EventRecorder();
        EventRecorder alice = new EventRecorder();
        db.as(Caller.guest()).subscribe(List.of("documents"), guest);
        db.as(Caller.user("alice")).subscribe(List.of("documents"), alice);

        db.createDocument(DB, MOVIES, "hers", Map.of("title", "Hers"), List.of(Permission.read(Role.user("alice"))));
        db.createDocument(DB, MOVIES, "nobodys", Map.of("title", "Nobody's"), List.of());
        movie("public", "Public");
        db.createDocument(DB, "actors", "a1", Map.of("name", "Ann"), null);   // the collection grants read to any

        assertEquals(List.of("hers", "public", "a1"), alice.nextIds(3));
        assertEquals(List.of("public", "a1"), guest.nextIds(2));
        alice.assertNothingMore();
        guest.assertNothingMore();
    }

    @Test
    void readAccessIsJudgedAsOfEachWrite() throws Exception {
        EventRecorder alice = new EventRecorder();
        db.as(Caller.user("alice")).subscribe(List.of("databases.app.collections.movies.documents.doc"), alice);

        db.createDocument(DB, MOVIES, "doc", Map.of("title", "v1"), List.of(Permission.read(Role.user("alice"))));
        db.updateDocument(DB, MOVIES, "doc", Map.of("title", "v2"), List.of(Permission.read(Role.user("bob"))));
        db.updateDocument(DB, MOVIES, "doc", Map.of("title", "v3"), List.of(Permission.read(Role.users())));

        assertEquals("v1", alice.next().getPayload().get("title"));
        assertEquals("v3", alice.next().getPayload().get("title"));
        alice.assertNothingMore();
    }

    @Test
    void aSubscriberThatFallsBehindGetsAnErrorAndIsClosedWhileWritersGoOn() throws Exception {
        EventRecorder recorder = EventRecorder.stuck();
        Subscription subscription = db.subscribe(List.of("documents"), 2, recorder);
        movie("m0", "Blocks the callback");
        assertEquals(List.of("m0"), recorder.nextIds(1));

        for (int i = 1; i <= 20; i++) {
            movie("m" + i, "Movie " + i);   // returns although the subscriber is stuck
        }
        recorder.release();

        assertEquals(List.of("m1", "m2"), recorder.nextIds(2));
        Event error = recorder.next();
        assertTrue(error.isError());
        assertEquals("realtime_subscription_overflow", error.getError().getType());
        assertEquals(1013, error.getError().getCode());
        awaitClosed(subscription);
        assertEquals(21, db.listDocuments(DB, MOVIES, List.of()).getTotal());
    }

    @Test
    void aStuckSubscriberNeitherBlocksWritersNorOtherSubscribers() throws Exception {
        EventRecorder stuck = EventRecorder.stuck();
        db.subscribe(List.of("documents"), stuck);
        EventRecorder other = new EventRecorder();
        db.subscribe(List.of("documents"), other);

        for (int i = 0; i < 50; i++) {
            movie("m" + i, "Movie " + i);
        }

        assertEquals(50, other.nextIds(50).size());
        stuck.release();
    }

    @Test
    void aFailingCallbackDoesNotStopDelivery() throws Exception {
        EventRecorder recorder = new EventRecorder();
        Subscription subscription = db.subscribe(List.of("documents"), event -> {
            recorder.accept(event);
            throw new IllegalStateException("a failing subscriber in a test: expected in the log");
        });

        movie("a", "A");
        movie("b", "B");

        assertEquals(List.of("a", "b"), recorder.nextIds(2));
        assertFalse(subscription.isClosed());
    }

    @Test
    void aClosedSubscriptionReceivesNothingMore() throws Exception {
        EventRecorder recorder = new EventRecorder();
        Subscription subscription = db.subscribe(List.of("documents"), recorder);
        EventRecorder witness = new EventRecorder();
        db.subscribe(List.of("documents"), witness);

        subscription.close();
        movie("after", "After");

        assertEquals(List.of("after"), witness.nextIds(1));
        assertTrue(subscription.isClosed());
        recorder.assertNothingMore();
    }

    @Test
    void closingTheStoreDeliversWhatWasCommittedThenEndsSubscriptions() throws Exception {
        EventRecorder recorder = EventRecorder.stuck();
        Subscription subscription = db.subscribe(List.of("documents"), recorder);
        movie("a", "A");
        movie("b", "B");
        assertEquals(List.of("a"), recorder.nextIds(1));

        db.close();
        recorder.release();

        assertEquals(List.of("b"), recorder.nextIds(1));
        awaitClosed(subscription);
        recorder.assertNothingMore();
        assertError("store_closed", 503, () -> db.subscribe(List.of("documents"), e -> {
        }));
    }

    @Test
    void unknownChannelsAndBadSizesAreRefused() {
        assertError("general_argument_invalid", 400, () -> db.subscribe(List.of("account"), e -> {
        }));
        assertError("general_argument_invalid", 400, () -> db.subscribe(List.of(), e -> {
        }));
        assertError("general_argument_invalid", 400,
                () -> db.subscribe(List.of("databases.*.collections.*.documents"), e -> {
                }));
        assertError("general_argument_invalid", 400, () -> db.subscribe(List.of("documents"), 0, e -> {
        }));
    }

    @Test
    void theSubscriptionSaysWhatItListensTo() {
        try (Subscription subscription = db.subscribe(List.of("rows", "documents", "rows"), e -> {
        })) {
            assertEquals(List.of("rows", "documents"), subscription.getChannels());
            assertFalse(subscription.isClosed());
        }
    }

}
