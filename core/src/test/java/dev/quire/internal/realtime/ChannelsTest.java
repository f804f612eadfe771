package dev.quire.internal.realtime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static dev.quire.QuireAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ChannelsTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "documents", "rows", "documents.create", "rows.delete",
            "databases.app.collections.movies.documents",
            "databases.app.collections.movies.documents.up",
            "databases.app.collections.movies.documents.up.update",
            "databases.app.collections.movies.documents.upsert",
            "databases.app.tables.movies.rows", "databases.app.tables.movies.rows.up.delete",
            "tablesdb.app.tables.movies.rows", "tablesdb.app.tables.movies.rows.up",
            "tablesdb.app.tables.movies.rows.create",
            "databases.my.app.collections.the_movies-2.documents.id.with.dots"})
    void acceptsTheChannelsQuirePublishesOn(String channel) {
        assertEquals(List.of(channel), List.copyOf(Channels.parse(List.of(channel))));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "account", "files", "buckets.b.files", "executions", "console", "teams", "presences",
            "documents.created", "document", "databases", "databases.app",
            "databases.app.collections.movies", "databases.app.collections.movies.rows",
            "databases.*.collections.*.documents", "databases.app.collections.movies.documents.*",
            "tablesdb.app.collections.movies.documents", "databases.app.tables.movies.documents",
            " documents", "documents ", "", "databases..collections.movies.documents",
            "databases._app.collections.movies.documents"})
    void refusesAnyOtherNameWithAnArgumentError(String channel) {
        var e = assertError("general_argument_invalid", 400, () -> Channels.parse(List.of("documents", channel)));
        assertEquals(true, e.getMessage().startsWith("Unknown channel \"" + channel + "\""), e.getMessage());
    }

    @Test
    void refusesNoChannels() {
        assertError("general_argument_invalid", 400, () -> Channels.parse(List.of()));
        assertError("general_argument_invalid", 400, () -> Channels.parse(null));
    }

    @Test
    void refusesANullChannel() {
        assertError("general_argument_invalid", 400, () -> Channels.parse(Arrays.asList("documents", null)));
    }

    @Test
    void keepsEachChannelOnceInTheOrderGiven() {
        assertEquals(List.of("rows", "documents"), List.copyOf(Channels.parse(List.of("rows", "documents", "rows"))));
    }

    @Test
    void theParsedSetIsUnmodifiable() {
        assertThrows(UnsupportedOperationException.class, () -> Channels.parse(List.of("rows")).add("documents"));
    }

    @Test
    void aDocumentEventGoesToSixteenChannelsAsInAppwrite195() {
        assertEquals(List.of(
                "documents",
                "databases.D.collections.C.documents",
                "databases.D.collections.C.documents.X",
                "rows",
                "databases.D.tables.C.rows",
                "databases.D.tables.C.rows.X",
                "tablesdb.D.tables.C.rows",
                "tablesdb.D.tables.C.rows.X",
                "documents.create",
                "databases.D.collections.C.documents.create",
                "databases.D.collections.C.documents.X.create",
                "rows.create",
                "databases.D.tables.C.rows.create",
                "databases.D.tables.C.rows.X.create",
                "tablesdb.D.tables.C.rows.create",
                "tablesdb.D.tables.C.rows.X.create"), Channels.forDocument("D", "C", "X", Action.CREATE));
    }

    @Test
    void everyChannelAnEventGoesToIsOneASubscriberMayAskFor() {
        for (Action action : Action.values()) {
            List<String> channels = Channels.forDocument("my.db", "movies", "doc-1", action);
            assertEquals(16, channels.size());
            assertEquals(channels, List.copyOf(Channels.parse(channels)));
        }
    }
}
