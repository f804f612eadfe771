package dev.quire.internal.realtime;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventNamesTest {

    /** Every name for one family: the four lengths, each with every mix of concrete ids and stars. */
    private static Set<String> family(String type, String subType, String subSubType, String action) {
        Set<String> names = new HashSet<>();
        for (String d : List.of("D", "*")) {
            names.add(type + "." + d);
            for (String c : List.of("C", "*")) {
                names.add(type + "." + d + "." + subType + "." + c);
                for (String x : List.of("X", "*")) {
                    names.add(type + "." + d + "." + subType + "." + c + "." + subSubType + "." + x);
                    names.add(type + "." + d + "." + subType + "." + c + "." + subSubType + "." + x + "." + action);
                }
            }
        }
        return names;
    }

    @Test
    void aLegacyCreateNamesEveryMixOfIdsAndStarsWithItsTablesMirror() {
        List<String> events = EventNames.forDocument("legacy", "D", "C", "X", Action.CREATE);

        Set<String> expected = family("databases", "collections", "documents", "create");
        expected.addAll(family("databases", "tables", "rows", "create"));
        assertEquals(expected, new HashSet<>(events));
        assertEquals(expected.size(), events.size(), "no name twice");
        assertEquals(42, events.size());
    }

    @Test
    void theListStartsAsAppwritesDoes() {
        List<String> events = EventNames.forDocument("legacy", "D", "C", "X", Action.UPDATE);

        assertEquals(List.of(
                "databases.D.collections.C.documents.X.update",
                "databases.D.tables.C.rows.X.update",
                "databases.*.collections.*.documents.*.update",
                "databases.*.tables.*.rows.*.update",
                "databases.D.collections.*.documents.X.update",
                "databases.D.tables.*.rows.X.update"), events.subList(0, 6));
        assertEquals(List.of("databases.D", "databases.*"), events.subList(events.size() - 2, events.size()));
    }

    @Test
    void containsTheNamesAppwritesEndToEndTestsAssert() {
        List<String> events = EventNames.forDocument("legacy", "db1", "actors", "doc1", Action.CREATE);

        for (String name : List.of(
                "databases.db1.collections.actors.documents.doc1.create",
                "databases.db1.collections.actors.documents.*.create",
                "databases.db1.collections.*.documents.doc1.create",
                "databases.db1.collections.*.documents.*.create",
                "databases.*.collections.*.documents.*.create",
                "databases.*.collections.actors.documents.*.create",
                "databases.db1.collections.actors.documents.doc1",
                "databases.db1.collections.actors",
                "databases.db1",
                "databases.*",
                "databases.db1.tables.actors.rows.doc1.create")) {
            assertTrue(events.contains(name), name);
        }
    }

    @Test
    void aTablesdbDatabaseAlsoNamesTheTablesdbFamilyFirst() {
        List<String> events = EventNames.forDocument("tablesdb", "D", "C", "X", Action.DELETE);

        Set<String> expected = family("tablesdb", "tables", "rows", "delete");
        expected.addAll(family("databases", "collections", "documents", "delete"));
        expected.addAll(family("databases", "tables", "rows", "delete"));
        assertEquals(expected, new HashSet<>(events));
        assertEquals(List.of("tablesdb.D.tables.C.rows.X.delete", "databases.D.collections.C.documents.X.delete",
                "databases.D.tables.C.rows.X.delete"), events.subList(0, 3));
    }

    @Test
    void aRowWriteThroughTablesdbStartsWithTheTablesNameAndMirrorsTheCollectionOne() {
        List<String> events = EventNames.forRow("legacy", "D", "C", "X", Action.UPSERT);

        assertEquals(List.of("databases.D.tables.C.rows.X.upsert", "databases.D.collections.C.documents.X.upsert"),
                events.subList(0, 2));
        Set<String> expected = family("databases", "collections", "documents", "upsert");
        expected.addAll(family("databases", "tables", "rows", "upsert"));
        assertEquals(expected, new HashSet<>(events));
    }

    @Test
    void idsThatLookLikeParameterNamesStayAsGiven() {
        List<String> events = EventNames.forDocument("legacy", "databaseId", "documentId", "collectionId",
                Action.CREATE);

        assertEquals("databases.databaseId.collections.documentId.documents.collectionId.create", events.get(0));
    }
}
