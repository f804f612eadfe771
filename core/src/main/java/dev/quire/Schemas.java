package dev.quire;

import dev.quire.internal.Json;
import dev.quire.internal.schemafile.SchemaFile;
import dev.quire.internal.schemafile.SchemaFile.AttributeEntry;
import dev.quire.internal.schemafile.SchemaFile.CollectionEntry;
import dev.quire.internal.schemafile.SchemaFile.DatabaseEntry;
import dev.quire.internal.schemafile.SchemaFile.IndexEntry;
import dev.quire.query.Query;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Schemas as the Appwrite CLI keeps them in {@code appwrite.json}: apply one to a store, or write a store's
 * schema as one.
 *
 * <pre>{@code
 * try (Databases db = Databases.open(Path.of("data/app"))) {
 *     Schemas.apply(db, Path.of("appwrite.json"));      // databases, collections, attributes, indexes
 *     Schemas.export(db, Path.of("appwrite.json"));     // and back
 * }
 * }</pre>
 *
 * <p>Both forms of the file are read: the legacy one ({@code databases}, {@code collections},
 * {@code attributes}, {@code documentSecurity}) and Appwrite 1.8's ({@code tablesDB}, {@code tables},
 * {@code columns}, {@code rowSecurity}); the rest of the file (functions, buckets, …) is ignored.
 * Attribute types are {@code string} (with the formats {@code email}, {@code url}, {@code ip}, {@code enum}),
 * {@code varchar}, {@code text}, {@code mediumtext}, {@code longtext}, {@code integer}, {@code bigint},
 * {@code double}, {@code boolean} and {@code datetime}; relationships and spatial types are refused by name.
 */
public final class Schemas {
    private static final int PAGE = 100;

    /** Which form {@link #export(Databases, Path, Form)} writes. */
    public enum Form {
        /** {@code databases}, {@code collections}, {@code attributes}, {@code documentSecurity}: Appwrite CLI before 1.8. */
        COLLECTIONS,
        /** {@code tablesDB}, {@code tables}, {@code columns}, {@code rowSecurity}: Appwrite 1.8 and later. */
        TABLES
    }

    private Schemas() {
    }

    /**
     * Creates what an {@code appwrite.json} declares and the store lacks. The whole file is read and checked
     * against the store first; an entry that is unknown, unsupported, declared twice, refers to a database
     * neither the file nor the store has, or contradicts what the store already holds is reported by name and
     * nothing is applied. Should the store refuse an entry midway (an index over duplicated values, say),
     * what this call created is removed again before the error is thrown.
     *
     * <p>Applying is additive and idempotent: entries the store already holds with the same definition are
     * left alone (applying a file twice changes nothing), a database's or collection's name, permissions,
     * security and enabled flag are set to the file's, and attributes or indexes the file does not mention
     * are kept.
     *
     * @param db   a root handle
     * @param file an {@code appwrite.json} (or {@code appwrite.config.json}) in either form
     * @throws QuireException {@code general_argument_invalid} naming the entry at fault, or the store's own
     *                        error prefixed with the entry it was applying
     */
    public static void apply(Databases db, Path file) {
        Objects.requireNonNull(file, "file");
        // Messages name the file, not its path: they may travel further than the machine's paths should.
        String name = String.valueOf(file.getFileName());
        try (InputStream in = Files.newInputStream(file)) {
            apply(db, in, name);
        } catch (IOException e) {
            throw new QuireException("general_argument_invalid", 400, "Cannot read " + name + ": "
                    + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * Applies an {@code appwrite.json} read from a stream (a classpath resource, say); see
     * {@link #apply(Databases, Path)}.
     *
     * @param source names the file in error messages
     */
    public static void apply(Databases db, InputStream in, String source) {
        Objects.requireNonNull(db, "db");
        SchemaFile schema = SchemaFile.read(Objects.requireNonNull(in, "in"), Objects.requireNonNull(source, "source"));
        List<Step> steps = plan(db, schema, source);
        List<Step> done = new ArrayList<>();
        for (Step step : steps) {
            try {
                step.apply.run();
                done.add(step);
            } catch (QuireException e) {
                for (int i = done.size() - 1; i >= 0; i--) {
                    try {
                        done.get(i).undo.run();
                    } catch (QuireException undoFailed) {
                        e.addSuppressed(undoFailed);
                    }
                }
                throw new QuireException(e.getType(), e.getCode(), source + ": " + step.entry + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Writes every database of the store, with its collections, attributes, indexes, permissions and
     * document security, as an Appwrite 1.8 {@code appwrite.json} ({@code tablesDB} and {@code tables}).
     * Applying the file to an empty store builds the same schema.
     */
    public static void export(Databases db, Path file) {
        export(db, file, Form.TABLES);
    }

    /** Writes the store's schema as an {@code appwrite.json} of the given form. */
    public static void export(Databases db, Path file, Form form) {
        Objects.requireNonNull(file, "file");
        Map<String, Object> json = toJson(db, Objects.requireNonNull(form, "form"));
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
        } catch (IOException e) {
            throw new QuireException("general_server_error", 500, "Cannot write " + file.getFileName() + ": "
                    + e.getClass().getSimpleName(), e);
        }
    }

    // ---- reading a store ------------------------------------------------------------------------------

    /** The store's schema as the JSON tree of an {@code appwrite.json}. */
    static Map<String, Object> toJson(Databases db, Form form) {
        return read(db).toJson(form == Form.TABLES);
    }

    private static SchemaFile read(Databases db) {
        List<DatabaseEntry> databases = new ArrayList<>();
        List<CollectionEntry> collections = new ArrayList<>();
        for (Database database : all(cursor -> db.list(cursor).getDatabases(), Database::getId)) {
            databases.add(new DatabaseEntry(database.getId(), database.getName(), database.isEnabled()));
            for (Collection collection : all(cursor -> db.listCollections(database.getId(), cursor).getCollections(),
                    Collection::getId)) {
                collections.add(entryOf(collection));
            }
        }
        return new SchemaFile(databases, collections);
    }

    /** Every item of a list call, page by page. */
    static <T> List<T> all(Function<List<String>, List<T>> page, Function<T, String> id) {
        List<T> items = new ArrayList<>();
        List<T> batch = page.apply(List.of(Query.limit(PAGE)));
        items.addAll(batch);
        while (batch.size() == PAGE) {
            batch = page.apply(List.of(Query.limit(PAGE), Query.cursorAfter(id.apply(batch.get(batch.size() - 1)))));
            items.addAll(batch);
        }
        return items;
    }

    private static CollectionEntry entryOf(Collection collection) {
        return new CollectionEntry(collection.getDatabaseId(), collection.getId(), collection.getName(),
                collection.isEnabled(), collection.isDocumentSecurity(), collection.getPermissions(),
                collection.getAttributes().stream().map(Schemas::entryOf).toList(),
                collection.getIndexes().stream().map(index -> new IndexEntry(index.getKey(), index.getType(),
                        index.getAttributes(), index.getOrders(), index.getLengths())).toList());
    }

    private static AttributeEntry entryOf(Attribute attribute) {
        String type = attribute.getType();
        boolean string = type.equals("string");
        // The text types have a fixed size, which the Appwrite CLI does not write.
        boolean sized = string || type.equals("varchar");
        return new AttributeEntry(attribute.getKey(), type, string ? attribute.getFormat() : null,
                sized ? attribute.getSize() : null, attribute.isRequired(), attribute.isArray(), attribute.getMin(),
                attribute.getMax(), attribute.getDefault(), attribute.getElements());
    }

    // ---- planning -------------------------------------------------------------------------------------

    /** One change to the store and how to take it back. */
    private record Step(String entry, Runnable apply, Runnable undo) {
    }

    /** Every step the file needs, after checking the whole file against the store; throws before any step runs. */
    private static List<Step> plan(Databases db, SchemaFile schema, String source) {
        List<Step> steps = new ArrayList<>();
        Set<String> databaseIds = new HashSet<>();
        for (DatabaseEntry entry : schema.databases()) {
            databaseIds.add(entry.id().toLowerCase(Locale.ROOT));
            Optional<Database> existing = find(() -> db.get(entry.id()), "database_not_found");
            if (existing.isEmpty()) {
                steps.add(new Step(entry.describe(), () -> db.create(entry.id(), entry.name(), entry.enabled()),
                        () -> db.delete(entry.id())));
            } else if (!existing.get().getName().equals(entry.name()) || existing.get().isEnabled() != entry.enabled()) {
                Database before = existing.get();
                steps.add(new Step(entry.describe(), () -> db.update(entry.id(), entry.name(), entry.enabled()),
                        () -> db.update(before.getId(), before.getName(), before.isEnabled())));
            }
        }
        Map<String, Boolean> inStore = new HashMap<>();
        for (CollectionEntry entry : schema.collections()) {
            boolean stored = inStore.computeIfAbsent(entry.databaseId().toLowerCase(Locale.ROOT),
                    id -> find(() -> db.get(entry.databaseId()), "database_not_found").isPresent());
            if (!stored && !databaseIds.contains(entry.databaseId().toLowerCase(Locale.ROOT))) {
                throw invalid(source + ": " + entry.describe() + ": the database \"" + entry.databaseId()
                        + "\" is declared neither in the file nor in the store");
            }
            Collection existing = stored ? find(() -> db.getCollection(entry.databaseId(), entry.id()),
                    "collection_not_found").orElse(null) : null;
            planCollection(db, entry, existing, source, steps);
        }
        return steps;
    }

    private static void planCollection(Databases db, CollectionEntry entry, Collection existing, String source,
                                       List<Step> steps) {
        String databaseId = entry.databaseId();
        String id = entry.id();
        if (existing == null) {
            steps.add(new Step(entry.describe(), () -> db.createCollection(databaseId, id, entry.name(),
                    entry.permissions(), entry.documentSecurity(), entry.enabled()),
                    () -> db.deleteCollection(databaseId, id)));
        } else if (!existing.getName().equals(entry.name()) || existing.isEnabled() != entry.enabled()
                || existing.isDocumentSecurity() != entry.documentSecurity()
                || !Set.copyOf(existing.getPermissions()).equals(Set.copyOf(entry.permissions()))) {
            steps.add(new Step(entry.describe(), () -> db.updateCollection(databaseId, id, entry.name(),
                    entry.permissions(), entry.documentSecurity(), entry.enabled()),
                    () -> db.updateCollection(databaseId, id, existing.getName(), existing.getPermissions(),
                            existing.isDocumentSecurity(), existing.isEnabled())));
        }
        Set<String> known = new HashSet<>(Set.of("$id", "$createdat", "$updatedat"));
        for (AttributeEntry attribute : entry.attributes()) {
            known.add(attribute.key().toLowerCase(Locale.ROOT));
            String where = entry.describe() + ": attribute \"" + attribute.key() + "\"";
            Attribute current = existing == null ? null : existing.getAttributes().stream()
                    .filter(a -> a.getKey().equalsIgnoreCase(attribute.key())).findFirst().orElse(null);
            if (current == null) {
                steps.add(new Step(where, () -> createAttribute(db, databaseId, id, attribute),
                        () -> db.deleteAttribute(databaseId, id, attribute.key())));
            } else {
                String difference = difference(normalised(entryOf(current)), normalised(attribute));
                if (difference != null) {
                    throw invalid(source + ": " + where + " differs from the store's: " + difference);
                }
            }
        }
        if (existing != null) {
            existing.getAttributes().forEach(a -> known.add(a.getKey().toLowerCase(Locale.ROOT)));
        }
        for (IndexEntry index : entry.indexes()) {
            String where = entry.describe() + ": index \"" + index.key() + "\"";
            for (String attribute : index.attributes()) {
                if (!known.contains(attribute.toLowerCase(Locale.ROOT))) {
                    throw invalid(source + ": " + where + " names the attribute \"" + attribute
                            + "\", which the collection does not have");
                }
            }
            Index current = existing == null ? null : existing.getIndexes().stream()
                    .filter(i -> i.getKey().equalsIgnoreCase(index.key())).findFirst().orElse(null);
            if (current == null) {
                steps.add(new Step(where, () -> db.createIndex(databaseId, id, index.key(),
                        IndexType.valueOf(index.type().toUpperCase(Locale.ROOT)), index.attributes(),
                        index.orders().isEmpty() ? null : index.orders(),
                        index.lengths().isEmpty() ? null : index.lengths()),
                        () -> db.deleteIndex(databaseId, id, index.key())));
            } else if (!current.getType().equals(index.type()) || !current.getAttributes().equals(index.attributes())
                    || !orders(current.getOrders(), current.getAttributes().size())
                    .equals(orders(index.orders(), index.attributes().size()))) {
                throw invalid(source + ": " + where + " differs from the store's: " + current.getType() + " on "
                        + current.getAttributes() + " " + orders(current.getOrders(), current.getAttributes().size())
                        + " in the store, " + index.type() + " on " + index.attributes() + " "
                        + orders(index.orders(), index.attributes().size()) + " in the file");
            }
        }
    }

    private static void createAttribute(Databases db, String databaseId, String collectionId, AttributeEntry a) {
        String key = a.key();
        switch (a.type()) {
            case "string" -> {
                String xdefault = (String) a.xdefault();
                switch (a.format() == null ? "" : a.format()) {
                    case "email" -> db.createEmailAttribute(databaseId, collectionId, key, a.required(), xdefault, a.array());
                    case "url" -> db.createUrlAttribute(databaseId, collectionId, key, a.required(), xdefault, a.array());
                    case "ip" -> db.createIpAttribute(databaseId, collectionId, key, a.required(), xdefault, a.array());
                    case "enum" -> db.createEnumAttribute(databaseId, collectionId, key, a.elements(), a.required(),
                            xdefault, a.array());
                    default -> db.createStringAttribute(databaseId, collectionId, key, Math.toIntExact(a.size()),
                            a.required(), xdefault, a.array());
                }
            }
            case "varchar" -> db.createVarcharAttribute(databaseId, collectionId, key, Math.toIntExact(a.size()),
                    a.required(), (String) a.xdefault(), a.array());
            case "text" -> db.createTextAttribute(databaseId, collectionId, key, a.required(), (String) a.xdefault(),
                    a.array());
            case "mediumtext" -> db.createMediumtextAttribute(databaseId, collectionId, key, a.required(),
                    (String) a.xdefault(), a.array());
            case "longtext" -> db.createLongtextAttribute(databaseId, collectionId, key, a.required(),
                    (String) a.xdefault(), a.array());
            case "integer" -> db.createIntegerAttribute(databaseId, collectionId, key, a.required(), (Long) a.min(),
                    (Long) a.max(), (Long) a.xdefault(), a.array());
            case "bigint" -> db.createBigIntAttribute(databaseId, collectionId, key, a.required(), (Long) a.min(),
                    (Long) a.max(), (Long) a.xdefault(), a.array());
            case "double" -> db.createFloatAttribute(databaseId, collectionId, key, a.required(), (Double) a.min(),
                    (Double) a.max(), (Double) a.xdefault(), a.array());
            case "boolean" -> db.createBooleanAttribute(databaseId, collectionId, key, a.required(),
                    (Boolean) a.xdefault(), a.array());
            case "datetime" -> db.createDatetimeAttribute(databaseId, collectionId, key, a.required(),
                    (String) a.xdefault(), a.array());
            default -> throw new IllegalStateException("unchecked type " + a.type());
        }
    }

    /** An attribute with Quire's defaults filled in, so that a file that leaves them out matches the store. */
    private static AttributeEntry normalised(AttributeEntry a) {
        Number min = a.min();
        Number max = a.max();
        if (SchemaFile.INTEGRAL.contains(a.type())) {
            min = min == null ? Long.MIN_VALUE : min.longValue();
            max = max == null ? Long.MAX_VALUE : max.longValue();
        } else if (a.type().equals("double")) {
            min = min == null ? -Double.MAX_VALUE : min.doubleValue();
            max = max == null ? Double.MAX_VALUE : max.doubleValue();
        }
        boolean sized = a.type().equals("string") && a.format() == null || a.type().equals("varchar");
        return new AttributeEntry(a.key(), a.type(), a.format(), sized ? a.size() : null, a.required(),
                a.array(), min, max, a.xdefault(), "enum".equals(a.format()) ? a.elements() : null);
    }

    /** The first field that differs, as "field: store value in the store, file value in the file". */
    private static String difference(AttributeEntry store, AttributeEntry file) {
        Object[][] fields = {
                {"type", store.type(), file.type()}, {"format", store.format(), file.format()},
                {"size", store.size(), file.size()}, {"required", store.required(), file.required()},
                {"array", store.array(), file.array()}, {"min", store.min(), file.min()},
                {"max", store.max(), file.max()}, {"default", store.xdefault(), file.xdefault()},
                {"elements", store.elements(), file.elements()}};
        for (Object[] field : fields) {
            if (!Objects.equals(field[1], field[2])) {
                return field[0] + " " + field[1] + " in the store, " + field[2] + " in the file";
            }
        }
        return null;
    }

    /** Orders as Appwrite applies them: one per attribute, {@code ASC} where none is given. */
    private static List<String> orders(List<String> orders, int attributes) {
        List<String> complete = new ArrayList<>();
        for (int i = 0; i < attributes; i++) {
            String order = orders != null && i < orders.size() ? orders.get(i) : null;
            complete.add(order == null ? "ASC" : order.toUpperCase(Locale.ROOT));
        }
        return complete;
    }

    private interface Lookup<T> {
        T get();
    }

    /** The entity, or empty when the store reports it missing with the given error type. */
    private static <T> Optional<T> find(Lookup<T> lookup, String notFound) {
        try {
            return Optional.of(lookup.get());
        } catch (QuireException e) {
            if (e.getType().equals(notFound)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static QuireException invalid(String message) {
        return new QuireException("general_argument_invalid", 400, message);
    }
}
