package dev.quire;

import dev.quire.permissions.Caller;
import dev.quire.permissions.Permission;
import dev.quire.permissions.Role;
import dev.quire.query.Query;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.quire.QuireAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TablesDBTest {
    private Databases db;
    private TablesDB t;

    @BeforeEach
    void createMovies() {
        db = Databases.inMemory();
        t = db.tablesDB();
        t.create("app", "App");
        t.createTable("app", "movies", "Movies", List.of(Permission.read(Role.any())), true, true);
        t.createStringColumn("app", "movies", "title", 64, true, null, false);
        t.createIntegerColumn("app", "movies", "year", false, 1900L, 2100L, null, false);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void rowsAreTheDocumentsOfTheSameStore() {
        Row up = t.createRow("app", "movies", "up", Map.of("title", "Up", "year", 2009), null);

        assertEquals("movies", up.getTableId());
        assertEquals(up.asDocument(), db.getDocument("app", "movies", "up"));
        db.createDocument("app", "movies", "heat", Map.of("title", "Heat", "year", 1995));
        RowList rows = t.listRows("app", "movies", List.of(Query.orderAsc("year")));
        assertEquals(2, rows.getTotal());
        assertEquals(List.of("heat", "up"), rows.getRows().stream().map(Row::getId).toList());
    }

    @Test
    void rowJsonNamesTheTable() {
        Row up = t.createRow("app", "movies", "up", Map.of("title", "Up"), List.of(Permission.read(Role.any())));

        Map<String, Object> map = up.toMap();
        assertEquals(List.of("$id", "$sequence", "$tableId", "$databaseId", "$createdAt", "$updatedAt",
                "$permissions", "title", "year"), List.copyOf(map.keySet()));
        assertEquals("movies", map.get("$tableId"));
        assertTrue(up.toJson().contains("\"$tableId\":\"movies\""));
        assertEquals(List.of("total", "rows"), List.copyOf(t.listRows("app", "movies", null).toMap().keySet()));
    }

    @Test
    void tableJsonHasRowSecurityColumnsAndIndexColumns() {
        t.createIndex("app", "movies", "by_year", IndexType.KEY, List.of("year"), List.of("DESC"), null);

        Table table = t.getTable("app", "movies");
        Map<String, Object> map = table.toMap();
        assertEquals(List.of("$id", "$createdAt", "$updatedAt", "$permissions", "databaseId", "name", "enabled",
                "rowSecurity", "columns", "indexes"), List.copyOf(map.keySet()));
        assertEquals(true, map.get("rowSecurity"));
        assertEquals(2, ((List<?>) map.get("columns")).size());
        Map<?, ?> index = (Map<?, ?>) ((List<?>) map.get("indexes")).get(0);
        assertEquals(List.of("year"), index.get("columns"));
        assertFalse(index.containsKey("attributes"));
        assertTrue(table.isRowSecurity());
        assertEquals(List.of("title", "year"), table.getColumns().stream().map(Column::getKey).toList());
        assertEquals(List.of("year"), table.getIndexes().get(0).getColumns());
        assertEquals(List.of("total", "tables"), List.copyOf(t.listTables("app", null).toMap().keySet()));
        assertEquals(List.of("total", "columns"), List.copyOf(t.listColumns("app", "movies", null).toMap().keySet()));
    }

    @Test
    void columnsDescribeThemselvesLikeAttributes() {
        Column year = t.getColumn("app", "movies", "year");

        assertEquals("integer", year.getType());
        assertEquals(1900L, year.getMin());
        assertEquals(2100L, year.toMap().get("max"));
        Column renamed = t.updateIntegerColumn("app", "movies", "year", false, null, null, null, "released");
        assertEquals("released", renamed.getKey());
    }

    @Test
    void appwrite19ColumnTypesAreThere() {
        assertEquals("varchar", t.createVarcharColumn("app", "movies", "code", 8, false, null, false).getType());
        assertEquals("text", t.createTextColumn("app", "movies", "plot", false, null, false).getType());
        assertEquals("mediumtext", t.createMediumtextColumn("app", "movies", "script", false, null, false).getType());
        assertEquals("longtext", t.createLongtextColumn("app", "movies", "notes", false, null, false).getType());
        assertEquals("bigint", t.createBigIntColumn("app", "movies", "views", false, 0L, null, null, false).getType());
        assertEquals(16L, t.updateVarcharColumn("app", "movies", "code", false, null, 16, null).getSize());
        assertEquals("tbd", t.updateTextColumn("app", "movies", "plot", false, "tbd", null).getDefault());
        assertEquals("s", t.updateMediumtextColumn("app", "movies", "script", false, null, "s").getKey());
        assertEquals("n", t.updateLongtextColumn("app", "movies", "notes", false, null, "n").getKey());
        assertEquals(10L, t.updateBigIntColumn("app", "movies", "views", false, null, null, 10L, null).getMax());
        assertError("row_invalid_structure", 400,
                () -> t.createRow("app", "movies", "x", Map.of("title", "X", "views", 11)));
    }

    @Test
    void missingThingsCarryTablesDbErrorTypes() {
        assertError("row_not_found", 404, "Row with the requested ID could not be found.",
                () -> t.getRow("app", "movies", "nope"));
        assertError("table_not_found", 404, () -> t.getTable("app", "nope"));
        assertError("column_not_found", 404, () -> t.getColumn("app", "movies", "nope"));
        assertError("column_index_not_found", 404, () -> t.getIndex("app", "movies", "nope"));
        assertError("database_not_found", 404, () -> t.listTables("nope", null));
    }

    @Test
    void conflictsAndBadRowsCarryTablesDbErrorTypes() {
        t.createRow("app", "movies", "up", Map.of("title", "Up"));

        assertError("row_already_exists", 409, () -> t.createRow("app", "movies", "up", Map.of("title", "Up")));
        assertError("table_already_exists", 409, () -> t.createTable("app", "movies", "Again"));
        assertError("column_already_exists", 409,
                () -> t.createBooleanColumn("app", "movies", "title", false, null, false));
        assertError("row_invalid_structure", 400, () -> t.createRow("app", "movies", "x", Map.of("year", 2000)));
        assertError("row_missing_payload", 400, () -> t.updateRow("app", "movies", "up", Map.of(), null));
        t.createIndex("app", "movies", "by_year", IndexType.KEY, List.of("year"), null, null);
        assertError("column_index_already_exists", 409,
                () -> t.createIndex("app", "movies", "by_year", IndexType.KEY, List.of("title"), null, null));
        assertError("general_query_invalid", 400, () -> t.listRows("app", "movies", List.of("{\"method\":\"nope\"}")));
        assertEquals(1, t.listRows("app", "movies", null).getTotal());
    }

    @Test
    void aCallerViewKeepsItsPermissions() {
        t.updateTable("app", "movies", "Movies", List.of(), true, null);
        t.createRow("app", "movies", "up", Map.of("title", "Up"), List.of(Permission.read(Role.user("u1"))));
        TablesDB guest = db.as(Caller.guest()).tablesDB();
        TablesDB owner = db.as(Caller.user("u1")).tablesDB();

        assertError("row_not_found", 404, () -> guest.getRow("app", "movies", "up"));
        assertEquals("up", owner.getRow("app", "movies", "up").getId());
        assertError("general_unauthorized_scope", 401, () -> guest.createTable("app", "t2", "T2"));
        assertError("user_unauthorized", 401, () -> guest.createRow("app", "movies", "x", Map.of("title", "X")));
    }

    @Test
    void upsertAndDeleteRows() {
        t.upsertRow("app", "movies", "up", Map.of("title", "Up"), null);
        assertEquals("Up!", t.upsertRow("app", "movies", "up", Map.of("title", "Up!"), null).get("title"));
        assertEquals(2009L, t.updateRow("app", "movies", "up", Map.of("year", 2009), null).get("year"));

        t.deleteRow("app", "movies", "up");
        assertError("row_not_found", 404, () -> t.deleteRow("app", "movies", "up"));
        t.deleteTable("app", "movies");
        assertError("table_not_found", 404, () -> t.listRows("app", "movies", null));
    }
}
