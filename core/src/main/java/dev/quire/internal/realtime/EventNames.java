package dev.quire.internal.realtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code events} list of a document or row event, written as Appwrite writes it: every combination of a
 * concrete id and {@code *}, the shorter forms down to {@code databases.D}, and the tables/rows mirror of each.
 *
 * <p>A port of {@code Event::generateEvents}, {@code getDatabaseTypeEvents} and {@code mirrorCollectionEvents}
 * ({@code AW@1.9.6:src/Appwrite/Event/Event.php}) for the one pattern shape databases use,
 * {@code type.[databaseId].subType.[collectionId].subSubType.[documentId].action}; the loops keep Appwrite's
 * order, so the first name is the concrete one and the list reads the same as a server's. Ids replace whole
 * placeholders here, where PHP's {@code str_replace} would also rewrite an id that happens to contain the name
 * of a later parameter.
 *
 * <p>The port runs once per database type, pattern and action, on marker characters instead of ids; an event
 * then only fills the ids into those templates. Generating from scratch costs about 1,200 string builds per
 * event (the loops try every pair and triple of five parameters), too much for the writer's thread. The ids
 * cannot change the outcome: every document event names a collection or table, so the mirror always applies,
 * and segment renaming never touches an id.
 */
public final class EventNames {
    /** Database types whose events Appwrite renames ({@code getDatabaseTypeEvents}). */
    private static final Map<String, String> TABLESDB_NAMES = Map.of("databases", "tablesdb", "documents", "rows",
            "collections", "tables", "attributes", "columns");
    private static final Map<String, String> COLLECTIONS_TO_TABLES = Map.of("documents", "rows",
            "collections", "tables", "attributes", "columns");
    private static final Map<String, String> TABLES_TO_COLLECTIONS = Map.of("rows", "documents",
            "tables", "collections", "columns", "attributes");
    private static final Map<String, String> TABLESDB_TO_DATABASES = Map.of("tablesdb", "databases",
            "tables", "collections", "rows", "documents", "columns", "attributes");

    /** Stand-ins for the ids while the templates are made; ids never hold control characters. */
    private static final char DATABASE = '\u0001';
    private static final char COLLECTION = '\u0002';
    private static final char DOCUMENT = '\u0003';
    private static final Map<String, List<String>> TEMPLATES = new ConcurrentHashMap<>();

    private EventNames() {
    }

    /**
     * The events of a write made through the Databases API (and of every create, which Appwrite's TablesDB
     * route also reports with the documents pattern).
     *
     * @param databaseType {@code legacy}, or {@code tablesdb} for a database made through TablesDB
     */
    public static List<String> forDocument(String databaseType, String databaseId, String collectionId,
                                           String documentId, Action action) {
        return render(templates(databaseType, "collections", action), databaseId, collectionId, documentId);
    }

    /** The events of an update, upsert or delete made through TablesDB, whose pattern names tables and rows. */
    public static List<String> forRow(String databaseType, String databaseId, String tableId, String rowId,
                                      Action action) {
        return render(templates(databaseType, "tables", action), databaseId, tableId, rowId);
    }

    private static List<String> templates(String databaseType, String family, Action action) {
        String type = "tablesdb".equals(databaseType) ? "tablesdb" : "legacy";
        return TEMPLATES.computeIfAbsent(type + "." + family + "." + action.appwriteName(), key -> {
            String database = String.valueOf(DATABASE);
            String collection = String.valueOf(COLLECTION);
            String document = String.valueOf(DOCUMENT);
            List<String> pattern = family.equals("collections")
                    ? List.of("databases", "[databaseId]", "collections", "[collectionId]", "documents",
                    "[documentId]", action.appwriteName())
                    : List.of("databases", "[databaseId]", "tables", "[tableId]", "rows", "[rowId]",
                    action.appwriteName());
            return generate(pattern, params(database, collection, document), type);
        });
    }

    private static List<String> render(List<String> templates, String databaseId, String collectionId,
                                       String documentId) {
        List<String> events = new ArrayList<>(templates.size());
        StringBuilder event = new StringBuilder(96);
        for (String template : templates) {
            event.setLength(0);
            for (int i = 0; i < template.length(); i++) {
                char c = template.charAt(i);
                switch (c) {
                    case DATABASE -> event.append(databaseId);
                    case COLLECTION -> event.append(collectionId);
                    case DOCUMENT -> event.append(documentId);
                    default -> event.append(c);
                }
            }
            events.add(event.toString());
        }
        return List.copyOf(events);
    }

    /** The parameters in the order Appwrite's document actions set them. */
    private static Map<String, String> params(String databaseId, String collectionId, String documentId) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("databaseId", databaseId);
        params.put("collectionId", collectionId);
        params.put("tableId", collectionId);
        params.put("documentId", documentId);
        params.put("rowId", documentId);
        return params;
    }

    private static List<String> generate(List<String> parsed, Map<String, String> params, String databaseType) {
        List<String> parts = new ArrayList<>(parsed);
        if ("tablesdb".equals(databaseType)) {
            parts.replaceAll(part -> TABLESDB_NAMES.getOrDefault(part, part));
        }
        String pattern = String.join(".", parsed);
        Set<List<String>> patterns = new LinkedHashSet<>();
        patterns.add(parts);
        patterns.add(parts.subList(0, 6));
        patterns.add(parts.subList(0, 4));
        patterns.add(parts.subList(0, 2));

        List<String> keys = List.copyOf(params.keySet());
        Set<String> events = new LinkedHashSet<>();
        for (List<String> eventPattern : patterns) {
            events.add(fill(eventPattern, params, Set.of()));
            events.add(fill(eventPattern, params, params.keySet()));
            for (String key : keys) {
                for (String current : keys) {
                    for (String subCurrent : keys) {
                        if (subCurrent.equals(current) || subCurrent.equals(key)) {
                            continue;
                        }
                        events.add(fill(eventPattern, params, Set.of(subCurrent)));
                        events.add(fill(eventPattern, params, Set.of(subCurrent, current)));
                        events.add(fill(eventPattern, params, Set.of(current)));
                    }
                }
            }
        }
        return mirror(pattern, new ArrayList<>(events));
    }

    /** The pattern with each {@code [key]} replaced by its value, or by {@code *} for the starred keys. */
    private static String fill(List<String> pattern, Map<String, String> params, Set<String> starred) {
        StringBuilder event = new StringBuilder();
        for (String part : pattern) {
            if (!event.isEmpty()) {
                event.append('.');
            }
            if (part.startsWith("[") && part.endsWith("]")) {
                String key = part.substring(1, part.length() - 1);
                event.append(starred.contains(key) ? "*" : params.get(key));
            } else {
                event.append(part);
            }
        }
        return event.toString();
    }

    /** Adds the collections/tables counterpart of every event, and both legacy forms of tablesdb ones. */
    private static List<String> mirror(String pattern, List<String> events) {
        String first = events.get(0);
        // Substring tests, as in Appwrite.
        if (!(pattern.contains("databases.") && (first.contains("collections") || first.contains("tables"))
                || first.contains("tablesdb."))) {
            return List.copyOf(events);
        }
        Set<String> paired = new LinkedHashSet<>();
        for (String event : events) {
            paired.add(event);
            if (event.contains("tablesdb")) {
                String databasesSide = replaceSegments(event, TABLESDB_TO_DATABASES);
                paired.add(databasesSide);
                paired.add(replaceSegments(databasesSide, COLLECTIONS_TO_TABLES));
            } else if (event.contains("collections")) {
                paired.add(replaceSegments(event, COLLECTIONS_TO_TABLES));
            } else if (event.contains("tables")) {
                paired.add(replaceSegments(event, TABLES_TO_COLLECTIONS));
            }
        }
        return List.copyOf(paired);
    }

    private static String replaceSegments(String event, Map<String, String> names) {
        String[] segments = event.split("\\.", -1);
        for (int i = 0; i < segments.length; i++) {
            segments[i] = names.getOrDefault(segments[i], segments[i]);
        }
        return String.join(".", segments);
    }
}
