package dev.quire.models;

import dev.quire.Attribute;
import dev.quire.Collection;
import dev.quire.Database;
import dev.quire.Databases;
import dev.quire.Document;
import dev.quire.DocumentList;
import dev.quire.Index;
import dev.quire.IndexType;
import dev.quire.permissions.Permission;
import dev.quire.permissions.Role;
import dev.quire.query.Query;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Models and lists print and serialise as Appwrite's REST API returns them. */
class ModelJsonTest {
    private Databases db;

    @BeforeEach
    void open() {
        db = Databases.inMemory();
        db.create("app", "App");
        db.createCollection("app", "movies", "Movies", List.of(Permission.read(Role.any())), true, true);
        db.createStringAttribute("app", "movies", "title", 64, true, null, false);
        db.createIntegerAttribute("app", "movies", "year", false, 1900L, 2100L, 2000L, false);
        db.createEnumAttribute("app", "movies", "kind", List.of("film", "series"), false, null, false);
        db.createIndex("app", "movies", "by_year", IndexType.KEY, List.of("year"), null, null);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aDocumentPrintsAsItsJson() {
        Document up = db.createDocument("app", "movies", "up", Map.of("title", "Up", "year", 2009));

        assertEquals(up.toJson(), up.toString());
        assertTrue(up.toString().startsWith("{\"$id\":\"up\",\"$sequence\":1,\"$collectionId\":\"movies\""),
                up.toString());
        assertTrue(up.toString().endsWith("\"$permissions\":[],\"title\":\"Up\",\"year\":2009,\"kind\":null}"),
                up.toString());
    }

    @Test
    void aDocumentListIsTotalThenDocuments() {
        Document up = db.createDocument("app", "movies", "up", Map.of("title", "Up"));
        DocumentList list = db.listDocuments("app", "movies", List.of(Query.limit(1)));

        assertEquals(Map.of("total", 1L, "documents", List.of(up.toMap())), list.toMap());
        assertEquals("{\"total\":1,\"documents\":[" + up.toJson() + "]}", list.toJson());
        assertEquals(list.toJson(), list.toString());
        assertFalse(list.toString().contains("items"));
    }

    @Test
    void databasesAndTheirListsUseAppwriteFieldNames() {
        Database app = db.get("app");

        assertEquals(List.of("$id", "name", "$createdAt", "$updatedAt", "enabled"), List.copyOf(app.toMap().keySet()));
        assertEquals("{\"total\":1,\"databases\":[" + app.toJson() + "]}", db.list(null).toJson());
    }

    @Test
    void aCollectionCarriesItsAttributesAndIndexes() {
        Collection movies = db.getCollection("app", "movies");
        Map<String, Object> map = movies.toMap();

        assertEquals(List.of("$id", "$createdAt", "$updatedAt", "$permissions", "databaseId", "name", "enabled",
                "documentSecurity", "attributes", "indexes"), List.copyOf(map.keySet()));
        assertEquals(List.of("read(\"any\")"), map.get("$permissions"));
        assertEquals(3, ((List<?>) map.get("attributes")).size());
        assertEquals(movies.toJson(), movies.toString());
        assertTrue(db.listCollections("app", null).toJson().startsWith("{\"total\":1,\"collections\":[{"));
    }

    @Test
    void eachAttributeCarriesTheFieldsOfItsAppwriteModel() {
        Attribute title = db.getAttribute("app", "movies", "title");
        Attribute year = db.getAttribute("app", "movies", "year");
        Attribute kind = db.getAttribute("app", "movies", "kind");

        assertEquals(List.of("key", "type", "status", "error", "required", "array", "$createdAt", "$updatedAt",
                "size", "default"), List.copyOf(title.toMap().keySet()));
        assertEquals(64L, title.toMap().get("size"));
        assertEquals(List.of("key", "type", "status", "error", "required", "array", "$createdAt", "$updatedAt",
                "min", "max", "default"), List.copyOf(year.toMap().keySet()));
        assertEquals(2000L, year.toMap().get("default"));
        assertEquals(List.of("film", "series"), kind.toMap().get("elements"));
        assertEquals("enum", kind.toMap().get("format"));
        assertTrue(db.listAttributes("app", "movies", null).toJson().startsWith("{\"total\":3,\"attributes\":[{\"key\":\"title\""));
    }

    @Test
    void anIndexCarriesItsKeyAsId() {
        Index index = db.getIndex("app", "movies", "by_year");

        assertEquals("by_year", index.toMap().get("$id"));
        assertEquals(List.of("year"), index.toMap().get("attributes"));
        assertEquals("{\"total\":1,\"indexes\":[" + index.toJson() + "]}", db.listIndexes("app", "movies", null).toJson());
    }
}
