package dev.quire.fulltext;

import dev.quire.Databases;
import dev.quire.Document;
import dev.quire.IndexType;
import dev.quire.QuireException;
import dev.quire.query.Query;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Full-text search behaves as Appwrite's does on MariaDB (docs/full-text.md). */
class FullTextSearchTest {
    private static final String DB = "app";
    private static final String MOVIES = "movies";
    private Databases db;

    @BeforeEach
    void createMovies() {
        db = Databases.inMemory();
        db.create(DB, "App");
        db.createCollection(DB, MOVIES, "Movies");
        db.createStringAttribute(DB, MOVIES, "title", 255, false, null, false);
        db.createStringAttribute(DB, MOVIES, "plot", 4000, false, null, false);
        movie("marvel", "Captain Marvel", "A pilot becomes one of the universe's most powerful heroes.");
        movie("america", "Captain America: The First Avenger", "Steve Rogers, a rejected military soldier...");
        movie("jack", "Pirates of the Caribbean", "Captain Jack Sparrow and the cursed crew of the Black Pearl.");
        movie("amelie", "Le Fabuleux Destin d’Amélie Poulain", "Amélie, une serveuse à Montmartre.");
        movie("dont", "Don't Look Up", "Two astronomers warn of a comet.");
        movie("spirited", "千と千尋の神隠し", "Chihiro wanders into a world of spirits.");
        movie("untitled", null, null);
        db.createIndex(DB, MOVIES, "title_search", IndexType.FULLTEXT, List.of("title"), null, null);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void movie(String id, String title, String plot) {
        Map<String, Object> data = new HashMap<>();
        data.put("title", title);
        data.put("plot", plot);
        db.createDocument(DB, MOVIES, id, data);
    }

    private List<String> search(String text) {
        return ids(List.of(Query.search("title", text)));
    }

    private List<String> notSearch(String text) {
        return ids(List.of(Query.notSearch("title", text)));
    }

    private List<String> ids(List<String> queries) {
        return db.listDocuments(DB, MOVIES, queries).getDocuments().stream().map(Document::getId).toList();
    }

    @Test
    void updatingAnotherAttributeKeepsTheWords() {
        movie("m1", "Captain Quasar", "A pilot");

        db.updateDocument(DB, MOVIES, "m1", Map.of("plot", "A pilot in space"), null);

        assertEquals(List.of("m1"), search("quasar"));
    }

    @Test
    void aWordMatchesRegardlessOfCase() {
        assertEquals(List.of("marvel"), search("MARVEL"));
        assertEquals(List.of("marvel", "america"), search("captain"));
    }

    @Test
    void theLastWordMatchesAsAPrefix() {
        assertEquals(List.of("marvel", "america", "jack"), search("ca"));
        assertEquals(List.of("marvel", "america"), search("cap"));
        assertEquals(List.of("america"), search("amer"));
    }

    @Test
    void onlyTheLastWordIsAPrefix() {
        assertEquals(List.of("jack"), search("pir carib"));
        assertEquals(List.of("jack"), search("caribbean pir"));
    }

    @Test
    void severalWordsMatchDocumentsContainingAnyOfThem() {
        assertEquals(List.of("marvel", "jack"), search("marvel pirates"));
    }

    @Test
    void aQuotedQueryMatchesTheExactPhrase() {
        assertEquals(List.of("america"), search("\"captain america\""));
        assertEquals(List.of(), search("\"america captain\""));
        assertEquals(List.of(), search("\"captain amer\""));
        assertEquals(List.of("jack"), search("\"pirates of the\""));
    }

    @Test
    void operatorCharactersSeparateWords() {
        assertEquals(List.of("marvel", "jack"), search("+marvel -pirates"));
        assertEquals(List.of("marvel"), search("(marvel)*"));
        assertEquals(List.of("marvel"), search("~<marvel>@"));
        assertEquals(List.of("marvel", "america"), search("captain\"america\""));
    }

    @Test
    void emptyOrSeparatorOnlyQueriesMatchNothingAndTheirNegationEverything() {
        assertEquals(List.of(), search(""));
        assertEquals(List.of(), search("  @+-*()<>~\"  "));
        assertEquals(List.of("marvel", "america", "jack", "amelie", "dont", "spirited", "untitled"), notSearch(""));
        assertEquals(7, db.listDocuments(DB, MOVIES, List.of(Query.notSearch("title", "\"\""))).getTotal());
    }

    @Test
    void notSearchMatchesDocumentsWithoutTheWordsIncludingEmptyValues() {
        assertEquals(List.of("jack", "amelie", "dont", "spirited", "untitled"), notSearch("captain"));
    }

    @Test
    void accentedAndNonLatinWordsAreWords() {
        assertEquals(List.of("amelie"), search("POULAIN fabuleux"));
        assertEquals(List.of("amelie"), search("d’Amélie"));
        assertEquals(List.of("amelie"), search("d'amelie"));
        assertEquals(List.of("amelie"), search("D'AMÉL"));
        assertEquals(List.of("spirited"), search("千と千尋の神隠し"));
        assertEquals(List.of("spirited"), search("千と"));
    }

    @Test
    void anApostropheInsideAWordBelongsToIt() {
        assertEquals(List.of("dont"), search("don't"));
        assertEquals(List.of("dont"), search("don"));
        assertEquals(List.of(), search("\"don\""));
        assertEquals(List.of(), search("amélie"));
        assertEquals(List.of("dont"), search("\"don't look\""));
    }

    @Test
    void searchNeedsAFulltextIndexOnExactlyThatAttribute() {
        QuireException e = assertThrows(QuireException.class,
                () -> db.listDocuments(DB, MOVIES, List.of(Query.search("plot", "pilot"))));
        assertEquals("general_query_invalid", e.getType());
        db.createIndex(DB, MOVIES, "both", IndexType.FULLTEXT, List.of("title", "plot"), null, null);
        assertThrows(QuireException.class, () -> db.listDocuments(DB, MOVIES, List.of(Query.search("plot", "pilot"))));
        db.createIndex(DB, MOVIES, "plot_search", IndexType.FULLTEXT, List.of("plot"), null, null);
        assertEquals(List.of("marvel"), ids(List.of(Query.search("plot", "pilot"))));
    }

    @Test
    void searchCombinesWithOtherFiltersOrdersAndCounts() {
        assertEquals(List.of("jack", "america", "marvel"),
                ids(List.of(Query.search("title", "ca"), Query.orderDesc("$sequence"))));
        assertEquals(List.of("america"), ids(List.of(Query.search("title", "ca"), Query.offset(1), Query.limit(1))));
        assertEquals(3, db.listDocuments(DB, MOVIES, List.of(Query.search("title", "ca"), Query.limit(1))).getTotal());
        assertEquals(List.of("marvel"), ids(List.of(Query.or(List.of(Query.search("title", "marvel"),
                Query.equal("title", "nothing"))))));
    }

    @Test
    void createsUpdatesUpsertsAndDeletesAreReflectedImmediately() {
        db.createDocument(DB, MOVIES, "thor", Map.of("title", "Thor: Ragnarok"));
        assertEquals(List.of("thor"), search("ragnarok"));
        db.updateDocument(DB, MOVIES, "thor", Map.of("title", "Thor: Love and Thunder"), null);
        assertEquals(List.of(), search("ragnarok"));
        assertEquals(List.of("thor"), search("thunder"));
        db.upsertDocument(DB, MOVIES, "thor", Map.of("title", "Thor: The Dark World"), null);
        assertEquals(List.of(), search("thunder"));
        assertEquals(List.of("thor"), search("\"dark world\""));
        db.upsertDocument(DB, MOVIES, "loki", Map.of("title", "Loki"), null);
        assertEquals(List.of("loki"), search("loki"));
        db.updateDocument(DB, MOVIES, "loki", Map.of("plot", "The god of mischief."), null);
        assertEquals(List.of("loki"), search("loki"));
        db.deleteDocument(DB, MOVIES, "thor");
        assertEquals(List.of(), search("thor"));
        Map<String, Object> untitled = new HashMap<>();
        untitled.put("title", null);
        db.updateDocument(DB, MOVIES, "loki", untitled, null);
        assertEquals(List.of(), search("loki"));
    }

    @Test
    void aFailedWriteLeavesTheIndexAsItWas() {
        db.createStringAttribute(DB, MOVIES, "code", 16, false, null, false);
        db.createIndex(DB, MOVIES, "unique_code", IndexType.UNIQUE, List.of("code"), null, null);
        db.updateDocument(DB, MOVIES, "jack", Map.of("code", "POTC"), null);
        assertThrows(QuireException.class, () -> db.createDocument(DB, MOVIES, "copy",
                Map.of("title", "Unique Snowflake", "code", "POTC")));
        assertEquals(List.of(), search("snowflake"));
        assertThrows(QuireException.class, () -> db.updateDocument(DB, MOVIES, "marvel",
                Map.of("title", "Snowflake", "code", "POTC"), null));
        assertEquals(List.of(), search("snowflake"));
        assertEquals(List.of("marvel"), search("marvel"));
    }

    @Test
    void deletingTheIndexOrTheAttributeEndsSearch() {
        db.deleteIndex(DB, MOVIES, "title_search");
        assertThrows(QuireException.class, () -> search("captain"));
        db.createIndex(DB, MOVIES, "title_search", IndexType.FULLTEXT, List.of("title"), null, null);
        assertEquals(List.of("marvel", "america"), search("captain"));
        db.deleteAttribute(DB, MOVIES, "title");
        assertEquals(0, db.listIndexes(DB, MOVIES, null).getTotal());
    }

    @Test
    void theIdMayBeSearched() {
        db.createIndex(DB, MOVIES, "id_search", IndexType.FULLTEXT, List.of("$id"), null, null);
        db.createDocument(DB, MOVIES, "captain-nemo", Map.of("title", "Twenty Thousand Leagues"));
        db.updateDocument(DB, MOVIES, "captain-nemo", Map.of("title", "Nautilus"), null);
        assertEquals(List.of("captain-nemo"), ids(List.of(Query.search("$id", "nemo"))));
        assertEquals(List.of("america", "amelie"), ids(List.of(Query.search("$id", "ame"))));
    }

    @Test
    void renamingTheAttributeKeepsItsIndex() {
        db.updateStringAttribute(DB, MOVIES, "title", false, null, null, "name");
        assertEquals(List.of("name"), db.getIndex(DB, MOVIES, "title_search").getAttributes());
        assertEquals(List.of("marvel"), ids(List.of(Query.search("name", "marvel"))));
    }
}
