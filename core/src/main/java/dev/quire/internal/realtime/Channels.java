package dev.quire.internal.realtime;

import dev.quire.internal.Errors;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Appwrite's realtime channel names for documents and rows: the ones a subscriber may ask for, and the ones a
 * committed write is published on. A subscription matches an event when they share a name exactly; channels
 * have no wildcards (those belong to event names).
 */
public final class Channels {
    /** Appwrite's id rule (as in {@code Keys}); ids may hold dots, which the patterns below allow for. */
    private static final String ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,35}";
    private static final String ACTION = "(?:\\.(?:create|update|upsert|delete))?";
    private static final List<Pattern> KNOWN = List.of(
            Pattern.compile("(?:documents|rows)" + ACTION),
            Pattern.compile("databases\\." + ID + "\\.collections\\." + ID + "\\.documents(?:\\." + ID + ")?" + ACTION),
            Pattern.compile("(?:databases|tablesdb)\\." + ID + "\\.tables\\." + ID + "\\.rows(?:\\." + ID + ")?" + ACTION));
    /**
     * Channels whose last or second-to-last segment is one of these also get an action-suffixed copy
     * ({@code AW@1.9.6 Messaging/Adapter/Realtime.php}, {@code RESOURCE_LEAF_NAMES}, narrowed to databases).
     */
    private static final Set<String> RESOURCE_LEAVES = Set.of("documents", "rows");

    private Channels() {
    }

    /**
     * Checks the channels a subscriber asks for.
     *
     * @param channels channel names as Appwrite writes them
     * @return the distinct names, in the order given
     * @throws dev.quire.QuireException {@code general_argument_invalid} when the list is empty or a name is not
     *                                  one Quire publishes on
     */
    public static Set<String> parse(List<String> channels) {
        if (channels == null || channels.isEmpty()) {
            throw Errors.argument("Missing channels: subscribe to at least one channel, for example \"documents\"");
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (String channel : channels) {
            if (channel == null || KNOWN.stream().noneMatch(p -> p.matcher(channel).matches())) {
                throw Errors.unknownChannel(channel);
            }
            distinct.add(channel);
        }
        return Collections.unmodifiableSet(distinct);
    }

    /**
     * The channels a document or row event goes to, as Appwrite 1.9.5+ publishes them: the legacy, tables and
     * tablesdb families, then each again with the action appended (16 names for ordinary ids).
     */
    public static List<String> forDocument(String databaseId, String collectionId, String documentId, Action action) {
        Set<String> channels = new LinkedHashSet<>(List.of(
                "documents",
                "databases." + databaseId + ".collections." + collectionId + ".documents",
                "databases." + databaseId + ".collections." + collectionId + ".documents." + documentId,
                "rows",
                "databases." + databaseId + ".tables." + collectionId + ".rows",
                "databases." + databaseId + ".tables." + collectionId + ".rows." + documentId,
                "tablesdb." + databaseId + ".tables." + collectionId + ".rows",
                "tablesdb." + databaseId + ".tables." + collectionId + ".rows." + documentId));
        List<String> suffixed = new ArrayList<>();
        for (String channel : channels) {
            int last = channel.lastIndexOf('.');
            int previous = last < 0 ? -1 : channel.lastIndexOf('.', last - 1);
            if (RESOURCE_LEAVES.contains(channel.substring(last + 1))
                    || last >= 0 && RESOURCE_LEAVES.contains(channel.substring(previous + 1, last))) {
                suffixed.add(channel + "." + action.appwriteName());
            }
        }
        channels.addAll(suffixed);
        return List.copyOf(channels);
    }
}
