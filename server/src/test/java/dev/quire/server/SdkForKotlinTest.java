package dev.quire.server;

import dev.quire.Databases;
import dev.quire.permissions.Caller;
import io.appwrite.Client;
import io.appwrite.Query;
import io.appwrite.enums.IndexType;
import io.appwrite.exceptions.AppwriteException;
import io.appwrite.models.AttributeEnum;
import io.appwrite.models.AttributeInteger;
import io.appwrite.models.AttributeString;
import io.appwrite.models.Collection;
import io.appwrite.models.Document;
import io.appwrite.models.DocumentList;
import io.appwrite.models.Index;
import kotlin.coroutines.Continuation;
import kotlin.coroutines.EmptyCoroutineContext;
import kotlinx.coroutines.BuildersKt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * io.appwrite:sdk-for-kotlin 6.1.0, the official Kotlin SDK (Appwrite 1.6, response format 1.6.0, strict model
 * parsing), drives every method its {@code Databases} service has and Quire supports, in order: a schema, then
 * documents, then errors and callers, then deletes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SdkForKotlinTest {
    private static final String DB = "app";
    private static final String C = "movies";

    private static Databases store;
    private static QuireServer server;
    private static io.appwrite.services.Databases root;

    @BeforeAll
    static void start() {
        store = Databases.inMemory();
        server = QuireServer.start(store, QuireServer.Options.defaults().project("kt").apiKey("kt-key"));
        root = new io.appwrite.services.Databases(client().setKey("kt-key"));
    }

    @AfterAll
    static void stop() {
        server.close();
        store.close();
    }

    private static Client client() {
        return new Client(server.endpoint()).setProject("kt");
    }

    /** A suspending SDK call, run to completion on this thread. */
    @FunctionalInterface
    private interface Suspending {
        Object call(Continuation<Object> continuation) throws Exception;
    }

    /** Runs a suspending call; {@code type} names what it returns, for Java's type inference. */
    private static <T> T await(Class<T> type, Suspending call) throws Exception {
        return type.cast(BuildersKt.runBlocking(EmptyCoroutineContext.INSTANCE, (scope, continuation) -> {
            try {
                return call.call(continuation);
            } catch (Exception e) {
                throw rethrow(e);
            }
        }));
    }

    @SuppressWarnings("unchecked")
    private static <E extends Exception> RuntimeException rethrow(Exception e) throws E {
        throw (E) e;
    }

    private static void assertFails(String type, int code, Suspending call) {
        AppwriteException e = assertThrows(AppwriteException.class, () -> await(Object.class, call));
        assertEquals(type, e.getType(), e.getMessage());
        assertEquals(code, e.getCode());
    }

    @Test
    @Order(1)
    void databasesAndCollections() throws Exception {
        assertEquals(DB, await(io.appwrite.models.Database.class, c -> root.create(DB, "App", true, c)).getId());
        assertEquals("App", await(io.appwrite.models.Database.class, c -> root.get(DB, c)).getName());
        assertEquals(1, await(io.appwrite.models.DatabaseList.class, c -> root.list(List.of(Query.Companion.equal("$id", DB)), null, c)).getTotal());
        assertEquals("The app", await(io.appwrite.models.Database.class, c -> root.update(DB, "The app", true, c)).getName());

        Collection movies = await(Collection.class, c -> root.createCollection(DB, C, "Movies",
                List.of("read(\"any\")", "create(\"users\")"), true, true, c));
        assertTrue(movies.getDocumentSecurity());
        assertEquals("Movies", await(Collection.class, c -> root.getCollection(DB, C, c)).getName());
        assertEquals(1, await(io.appwrite.models.CollectionList.class, c -> root.listCollections(DB, null, null, c)).getTotal());
        assertEquals("Films", await(Collection.class, c -> root.updateCollection(DB, C, "Films",
                List.of("read(\"any\")", "create(\"users\")"), true, true, c)).getName());
    }

    @Test
    @Order(2)
    void attributesOfEveryType() throws Exception {
        AttributeString title = await(AttributeString.class, c -> root.createStringAttribute(DB, C, "title", 64, true, null, false, null, c));
        assertEquals(64, title.getSize());
        AttributeInteger year = await(AttributeInteger.class, c -> root.createIntegerAttribute(DB, C, "year", false, 1900L, 2100L, null, false, c));
        assertEquals(2100L, year.getMax());
        await(Object.class, c -> root.createFloatAttribute(DB, C, "rating", false, 0.0, 10.0, null, false, c));
        await(Object.class, c -> root.createBooleanAttribute(DB, C, "seen", false, false, false, c));
        await(Object.class, c -> root.createEmailAttribute(DB, C, "contact", false, null, false, c));
        await(Object.class, c -> root.createUrlAttribute(DB, C, "site", false, null, false, c));
        await(Object.class, c -> root.createIpAttribute(DB, C, "addr", false, null, false, c));
        AttributeEnum genre = await(AttributeEnum.class, c -> root.createEnumAttribute(DB, C, "genre", List.of("drama", "comedy"), false, null, false, c));
        assertEquals(List.of("drama", "comedy"), genre.getElements());
        await(Object.class, c -> root.createDatetimeAttribute(DB, C, "released", false, null, false, c));

        assertEquals(128, await(AttributeString.class, c -> root.updateStringAttribute(DB, C, "title", true, null, 128L, null, c)).getSize());
        assertEquals(1888L, await(AttributeInteger.class, c -> root.updateIntegerAttribute(DB, C, "year", false, 1888L, 2100L, null, null, c)).getMin());
        await(Object.class, c -> root.updateFloatAttribute(DB, C, "rating", false, 0.0, 10.0, 5.0, null, c));
        await(Object.class, c -> root.updateBooleanAttribute(DB, C, "seen", false, true, null, c));
        await(Object.class, c -> root.updateEmailAttribute(DB, C, "contact", false, "a@b.io", null, c));
        await(Object.class, c -> root.updateUrlAttribute(DB, C, "site", false, null, null, c));
        await(Object.class, c -> root.updateIpAttribute(DB, C, "addr", false, null, null, c));
        await(Object.class, c -> root.updateEnumAttribute(DB, C, "genre", List.of("drama", "comedy", "horror"), false, null, null, c));
        await(Object.class, c -> root.updateDatetimeAttribute(DB, C, "released", false, null, null, c));

        // The SDK returns getAttribute's JSON as a map: the attribute type is known only at run time.
        assertEquals("integer", await(Map.class, c -> root.getAttribute(DB, C, "year", c)).get("type"));
        assertEquals(9, await(io.appwrite.models.AttributeList.class, c -> root.listAttributes(DB, C, null, c)).getTotal());
        assertFails("attribute_already_exists", 409,
                c -> root.createBooleanAttribute(DB, C, "seen", false, null, false, c));

        Index byYear = await(Index.class, c -> root.createIndex(DB, C, "by_year", IndexType.KEY, List.of("year"), List.of("DESC"), c));
        assertEquals(List.of("year"), byYear.getAttributes());
        assertEquals("key", await(Index.class, c -> root.getIndex(DB, C, "by_year", c)).getType());
        assertEquals(1, await(io.appwrite.models.IndexList.class, c -> root.listIndexes(DB, C, null, c)).getTotal());
    }

    @Test
    @Order(3)
    void documents() throws Exception {
        Document<Map<String, Object>> up = await(Document.class, c -> root.createDocument(DB, C, "up",
                Map.of("title", "Up", "year", 2009, "genre", "comedy"), List.of(), Map.class, c));
        assertEquals(C, up.getCollectionId());
        assertEquals("Up", up.getData().get("title"));
        assertInstanceOf(Number.class, up.getData().get("$sequence"), "format 1.6.0: $sequence is an integer");
        await(Document.class, c -> root.createDocument(DB, C, "heat", Map.of("title", "Heat", "year", 1995), null, Map.class, c));

        Document<Map<String, Object>> selected = await(Document.class, c -> root.getDocument(DB, C, "up",
                List.of(Query.Companion.select(List.of("title"))), Map.class, c));
        assertFalse(selected.getData().containsKey("year"));
        DocumentList<Map<String, Object>> page = await(DocumentList.class, c -> root.listDocuments(DB, C,
                List.of(Query.Companion.greaterThan("year", 1990), Query.Companion.orderDesc("year"),
                        Query.Companion.limit(1)), Map.class, c));
        assertEquals(2, page.getTotal());
        assertEquals("up", page.getDocuments().get(0).getId());
        Document<Map<String, Object>> heat = await(Document.class,
                c -> root.updateDocument(DB, C, "heat", Map.of("rating", 9.5), null, Map.class, c));
        assertEquals(9.5, ((Number) heat.getData().get("rating")).doubleValue());
    }

    @Test
    @Order(4)
    void errorsAndCallers() throws Exception {
        assertFails("document_not_found", 404, c -> root.getDocument(DB, C, "nope", null, Map.class, c));
        assertFails("document_already_exists", 409, c -> root.createDocument(DB, C, "up", Map.of("title", "Up"), null, Map.class, c));
        assertFails("document_invalid_structure", 400, c -> root.createDocument(DB, C, "x", Map.of("year", 1), null, Map.class, c));
        assertFails("general_query_invalid", 400, c -> root.listDocuments(DB, C, List.of("not json"), Map.class, c));
        assertFails("collection_not_found", 404, c -> root.getCollection(DB, "nope", c));
        assertFails("index_not_found", 404, c -> root.getIndex(DB, C, "nope", c));

        var guest = new io.appwrite.services.Databases(client());
        assertEquals(2, await(DocumentList.class, c -> guest.listDocuments(DB, C, null, Map.class, c)).getTotal());
        assertFails("general_unauthorized_scope", 401, c -> guest.listCollections(DB, null, null, c));
        assertFails("user_unauthorized", 401, c -> guest.createDocument(DB, C, "g", Map.of("title", "G"), null, Map.class, c));

        var alice = new io.appwrite.services.Databases(client().setJWT(server.jwt(Caller.user("alice"))));
        Document<Map<String, Object>> mine = await(Document.class, c -> alice.createDocument(DB, C, "mine", Map.of("title", "Mine"), null, Map.class, c));
        assertTrue(mine.getPermissions().contains("update(\"user:alice\")"), mine.getPermissions().toString());
        var forged = new io.appwrite.services.Databases(client().setJWT("e30.e30.e30"));
        assertFails("user_jwt_invalid", 401, c -> forged.listDocuments(DB, C, null, Map.class, c));
    }

    @Test
    @Order(5)
    void deletes() throws Exception {
        await(Object.class, c -> root.deleteDocument(DB, C, "heat", c));
        assertEquals(2, await(DocumentList.class, c -> root.listDocuments(DB, C, null, Map.class, c)).getTotal());
        await(Object.class, c -> root.deleteIndex(DB, C, "by_year", c));
        await(Object.class, c -> root.deleteAttribute(DB, C, "addr", c));
        assertEquals(8, await(io.appwrite.models.AttributeList.class, c -> root.listAttributes(DB, C, null, c)).getTotal());
        await(Object.class, c -> root.deleteCollection(DB, C, c));
        assertFails("collection_not_found", 404, c -> root.getCollection(DB, C, c));
        await(Object.class, c -> root.delete(DB, c));
        assertFails("database_not_found", 404, c -> root.get(DB, c));
    }
}
