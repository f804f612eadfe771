package dev.quire.reliability;

import dev.quire.Collection;
import dev.quire.Database;
import dev.quire.Databases;
import dev.quire.Document;
import dev.quire.QuireException;
import dev.quire.permissions.Permission;
import dev.quire.query.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * Ids, keys, names, roles and query values made of SQL fragments, quotes, comment markers, identifiers of
 * Quire's own tables and Unicode look-alikes are either rejected with a 400 or stored and matched literally,
 * and never touch anything else: a sentinel database, collection and document stay exactly as they were,
 * and no database, collection or document appears that was not asked for.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InjectionPropertiesTest {
    /** Examples per property; {@code -Dquire.reliability.examples=1000} for a longer run. */
    private static final int EXAMPLES = Integer.getInteger("quire.reliability.examples", 50);
    private static final List<String> FRAGMENTS = List.of(
            "'", "\"", "''", "\"\"", "`", "\\", ";", "--", "/*", "*/", "#", "%", "_", "$", ".", "-", ":", "/", "(", ")",
            " ", "\n", "\t", "a", "Z", "0", "9",
            "' OR '1'='1", "\" OR \"1\"=\"1", "1; DROP TABLE \"quire_databases\"; --", "DROP TABLE docs_1",
            "UNION SELECT * FROM \"perms_1\"", "quire_collections", "docs_1", "perms_1", "_seq", "_uid", "$id",
            "unique()", "NULL", "SELECT", "\\u0027", "${x}", "%s", "?",
            "\u02BC", "\u2019", "\uFF02", "\uFF07", "\u037E", "\u0430", "\u0391", "\u212A", "\u0130", "\u00DF",
            "\uFB00", "\u200B", "\u00A0", "\u202E", "\uD83D\uDE00", "\u0000", "\uD800");
    private static final String SENTINEL_DB = "sentinel";
    private static final String SENTINEL_COLL = "guarded";
    private static final String WORK_DB = "work";
    private static final String WORK_COLL = "target";

    private Databases db;
    private Document sentinel;

    @BeforeAll
    void schema() {
        db = Databases.inMemory();
        db.create(SENTINEL_DB, "Sentinel");
        db.createCollection(SENTINEL_DB, SENTINEL_COLL, "Guarded");
        db.createStringAttribute(SENTINEL_DB, SENTINEL_COLL, "secret", 64, true, null, false);
        sentinel = db.createDocument(SENTINEL_DB, SENTINEL_COLL, "keep", Map.of("secret", "untouched"),
                List.of(Permission.read("user:owner")));
        db.create(WORK_DB, "Work");
        db.createCollection(WORK_DB, WORK_COLL, "Target");
        db.createStringAttribute(WORK_DB, WORK_COLL, "title", 4096, false, null, false);
    }

    @AfterAll
    void close() {
        db.close();
    }

    private static Gen<String> hostileText() {
        return lists().of(Generate.pick(FRAGMENTS)).ofSizeBetween(1, 6).map(parts -> String.join("", parts));
    }

    /** Runs a call that may be refused; a refusal must be a 400 and must leave everything untouched. */
    private <T> T acceptedOrRejected(Supplier<T> call) {
        try {
            return call.get();
        } catch (QuireException e) {
            assertEquals(400, e.getCode(), e.getType() + ": " + e.getMessage());
            return null;
        }
    }

    /** The id a create must report: the text itself, or a fresh one for Appwrite's {@code unique()}. */
    private static String expectedId(String text, String actual) {
        return "unique()".equals(text) ? actual : text;
    }

    private void assertNothingElseChanged() {
        assertEquals(sentinel.getData(), db.getDocument(SENTINEL_DB, SENTINEL_COLL, "keep").getData());
        assertEquals(sentinel.getPermissions(), db.getDocument(SENTINEL_DB, SENTINEL_COLL, "keep").getPermissions());
        assertEquals(1, db.listDocuments(SENTINEL_DB, SENTINEL_COLL, List.of()).getTotal());
        assertEquals(1, db.listCollections(SENTINEL_DB, List.of()).getTotal());
        assertEquals(1, db.listAttributes(SENTINEL_DB, SENTINEL_COLL, List.of()).getTotal());
        assertEquals(List.of(SENTINEL_DB, WORK_DB),
                db.list(List.of()).getDatabases().stream().map(Database::getId).sorted().toList());
        assertEquals(0, db.listDocuments(WORK_DB, WORK_COLL, List.of()).getTotal());
        assertEquals(List.of(WORK_COLL),
                db.listCollections(WORK_DB, List.of()).getCollections().stream().map(Collection::getId).toList());
    }

    @Test
    void databaseIdsAndNamesAreRejectedOrStoredLiterally() {
        qt().withExamples(EXAMPLES).forAll(hostileText()).checkAssert(text -> {
            Database created = acceptedOrRejected(() -> db.create(text, "n"));
            if (created != null) {
                assertEquals(expectedId(text, created.getId()), created.getId());
                assertEquals(created.getId(), db.get(created.getId()).getId());
                db.delete(created.getId());
            }
            Database named = acceptedOrRejected(() -> db.create("named", text));
            if (named != null) {
                assertEquals(text, db.get("named").getName());
                db.delete("named");
            }
            assertNothingElseChanged();
        });
    }

    @Test
    void collectionIdsAndNamesAreRejectedOrStoredLiterally() {
        qt().withExamples(EXAMPLES).forAll(hostileText()).checkAssert(text -> {
            Collection created = acceptedOrRejected(() -> db.createCollection(WORK_DB, text, "n"));
            if (created != null) {
                assertEquals(expectedId(text, created.getId()), created.getId());
                assertEquals(created.getId(), db.getCollection(WORK_DB, created.getId()).getId());
                db.deleteCollection(WORK_DB, created.getId());
            }
            Collection named = acceptedOrRejected(() -> db.createCollection(WORK_DB, "named", text));
            if (named != null) {
                assertEquals(text, db.getCollection(WORK_DB, "named").getName());
                db.deleteCollection(WORK_DB, "named");
            }
            assertNothingElseChanged();
        });
    }

    @Test
    void attributeKeysAreRejectedOrStoredLiterally() {
        qt().withExamples(EXAMPLES).forAll(hostileText()).checkAssert(text -> {
            var created = acceptedOrRejected(() -> db.createStringAttribute(WORK_DB, WORK_COLL, text, 16, false,
                    null, false));
            if (created != null) {
                assertEquals(text, db.getAttribute(WORK_DB, WORK_COLL, text).getKey());
                db.createDocument(WORK_DB, WORK_COLL, "probe", Map.of(text, "v"), null);
                assertEquals("v", db.getDocument(WORK_DB, WORK_COLL, "probe").get(text));
                db.deleteDocument(WORK_DB, WORK_COLL, "probe");
                db.deleteAttribute(WORK_DB, WORK_COLL, text);
            }
            assertEquals(1, db.listAttributes(WORK_DB, WORK_COLL, List.of()).getTotal());
            assertNothingElseChanged();
        });
    }

    @Test
    void documentIdsAndValuesAreRejectedOrStoredAndMatchedLiterally() {
        qt().withExamples(EXAMPLES).forAll(hostileText()).checkAssert(text -> {
            Document byId = acceptedOrRejected(() -> db.createDocument(WORK_DB, WORK_COLL, text,
                    Map.of("title", "t"), null));
            if (byId != null) {
                String id = byId.getId();
                assertEquals(expectedId(text, id), id);
                assertEquals(id, db.getDocument(WORK_DB, WORK_COLL, id).getId());
                assertEquals(1, db.listDocuments(WORK_DB, WORK_COLL, List.of(Query.equal("$id", id))).getTotal());
                db.deleteDocument(WORK_DB, WORK_COLL, id);
            }
            Document byValue = acceptedOrRejected(() -> db.createDocument(WORK_DB, WORK_COLL, "value",
                    Map.of("title", text), null));
            if (byValue != null) {
                assertEquals(text, db.getDocument(WORK_DB, WORK_COLL, "value").get("title"));
                assertEquals(List.of("value"), db.listDocuments(WORK_DB, WORK_COLL,
                        List.of(Query.equal("title", text))).getDocuments().stream().map(Document::getId).toList());
                assertEquals(0, db.listDocuments(WORK_DB, WORK_COLL,
                        List.of(Query.notEqual("title", text))).getTotal());
                db.deleteDocument(WORK_DB, WORK_COLL, "value");
            }
            assertNothingElseChanged();
        });
    }

    @Test
    void queryValuesAndAttributesAreMatchedLiterallyOrRejected() {
        qt().withExamples(EXAMPLES).forAll(hostileText()).checkAssert(text -> {
            for (String query : List.of(Query.equal("title", text), Query.startsWith("title", text),
                    Query.endsWith("title", text), Query.search("title", text), Query.equal(text, "x"),
                    Query.orderAsc(text), Query.select(List.of(text)), Query.cursorAfter(text))) {
                try {
                    assertEquals(0, db.listDocuments(WORK_DB, WORK_COLL, List.of(query)).getTotal());
                } catch (QuireException e) {
                    assertEquals(400, e.getCode(), e.getType() + ": " + e.getMessage());
                }
            }
            assertNothingElseChanged();
        });
    }

    @Test
    void rolesAreRejectedOrStoredLiterally() {
        qt().withExamples(EXAMPLES).forAll(hostileText()).checkAssert(text -> {
            for (String permission : List.of(Permission.read("user:" + text), Permission.read(text),
                    Permission.update("team:" + text + "/" + text), Permission.delete("label:" + text),
                    "read(\"" + text + "\")", text)) {
                Document created = acceptedOrRejected(() -> db.createDocument(WORK_DB, WORK_COLL, "guarded",
                        Map.of("title", "t"), List.of(permission)));
                if (created != null) {
                    Document stored = db.getDocument(WORK_DB, WORK_COLL, "guarded");
                    assertEquals(created.getPermissions(), stored.getPermissions());
                    assertTrue(stored.getPermissions().size() <= 1, stored.getPermissions().toString());
                    db.deleteDocument(WORK_DB, WORK_COLL, "guarded");
                }
            }
            assertNothingElseChanged();
        });
    }
}
