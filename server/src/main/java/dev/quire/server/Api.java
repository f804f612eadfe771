package dev.quire.server;

import dev.quire.Databases;
import dev.quire.IndexType;
import dev.quire.server.Route.Call;
import dev.quire.server.Route.Handler;
import dev.quire.server.Route.Reply;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Appwrite's Databases and TablesDB REST routes, each a thin call into {@link Databases}: parameters are read
 * and type-checked here, everything else (ids, schema, permissions, queries) is the store's to check. Paths,
 * body keys and status codes follow Appwrite 1.9 and node-appwrite 27.1.0 (reference section 7).
 */
final class Api {
    private static final List<String> ATTRIBUTE_TYPES =
            List.of("string", "integer", "float", "boolean", "email", "url", "ip", "enum", "datetime", "varchar",
                    "text", "mediumtext", "longtext", "bigint");
    /** Types Appwrite 1.8/1.9 has and Quire does not: their routes answer {@code general_not_implemented}. */
    private static final List<String> UNSUPPORTED_TYPES =
            List.of("point", "line", "polygon", "relationship");

    private final List<Route> routes = new ArrayList<>();

    Api() {
        for (Service service : Service.values()) {
            register(service);
        }
    }

    /** The route for a verb and path, or {@code null}; fills {@code ids} with the path's captured ids. */
    Route find(String method, List<String> segments, Map<String, String> ids) {
        for (Route route : routes) {
            if (route.method().equals(method)) {
                Map<String, String> captured = route.match(segments);
                if (captured != null) {
                    ids.putAll(captured);
                    return route;
                }
            }
        }
        return null;
    }

    private void add(Service service, String method, String path, Handler handler) {
        List<String> pattern = new ArrayList<>();
        pattern.add(service.path);
        if (!path.isEmpty()) {
            pattern.addAll(Arrays.asList(path.split("/")));
        }
        routes.add(new Route(method, List.copyOf(pattern), service, handler));
    }

    private void unsupported(Service service, String method, String path, String what) {
        add(service, method, path, call -> {
            throw HttpErrors.notImplemented(what);
        });
    }

    private void register(Service s) {
        String table = "{db}/" + s.containers + "/{table}";
        String fields = table + "/" + s.fields;
        String items = table + "/" + s.items;

        // transactions (Appwrite 1.8): not in Quire yet; declared first so "transactions" is never a database id
        unsupported(s, "GET", "transactions", "transactions");
        unsupported(s, "POST", "transactions", "transactions");
        unsupported(s, "GET", "transactions/{id}", "transactions");
        unsupported(s, "PATCH", "transactions/{id}", "transactions");
        unsupported(s, "DELETE", "transactions/{id}", "transactions");
        unsupported(s, "POST", "transactions/{id}/operations", "transactions");

        // databases
        add(s, "GET", "", c -> {
            c.params().unsupported("search", "the search param; filter with queries");
            return Reply.ok(c.db().list(c.params().strings("queries")));
        });
        add(s, "POST", "", c -> Reply.created(c.db().create(c.params().requiredString("databaseId"),
                c.params().requiredString("name"), c.params().bool("enabled", true))));
        add(s, "GET", "{db}", c -> Reply.ok(c.db().get(c.id("db"))));
        add(s, "PUT", "{db}", c -> Reply.ok(c.db().update(c.id("db"), c.params().string("name"),
                c.params().bool("enabled"))));
        add(s, "DELETE", "{db}", c -> {
            c.db().delete(c.id("db"));
            return Reply.noContent();
        });

        // collections / tables
        add(s, "GET", "{db}/" + s.containers, c -> {
            c.params().unsupported("search", "the search param; filter with queries");
            return Reply.ok(c.db().listCollections(c.id("db"), c.params().strings("queries")));
        });
        add(s, "POST", "{db}/" + s.containers, c -> {
            Params p = c.params();
            p.unsupported(s.fields, "creating " + s.fields + " with the " + s.containers.substring(0, s.containers.length() - 1));
            p.unsupported("indexes", "creating indexes with the " + s.containers.substring(0, s.containers.length() - 1));
            return Reply.created(c.db().createCollection(c.id("db"), p.requiredString(s.containerId),
                    p.requiredString("name"), p.strings("permissions"), p.bool(s.security, false),
                    p.bool("enabled", true)));
        });
        add(s, "GET", table, c -> Reply.ok(c.db().getCollection(c.id("db"), c.id("table"))));
        add(s, "PUT", table, c -> {
            Params p = c.params();
            p.unsupported("purge", "the purge param (Quire keeps no list cache)");
            return Reply.ok(c.db().updateCollection(c.id("db"), c.id("table"), p.string("name"),
                    p.strings("permissions"), p.bool(s.security), p.bool("enabled")));
        });
        add(s, "DELETE", table, c -> {
            c.db().deleteCollection(c.id("db"), c.id("table"));
            return Reply.noContent();
        });

        // attributes / columns
        add(s, "GET", fields, c -> Reply.ok(c.db().listAttributes(c.id("db"), c.id("table"),
                c.params().strings("queries"))));
        for (String type : ATTRIBUTE_TYPES) {
            add(s, "POST", fields + "/" + type, c -> Reply.accepted(createAttribute(c, type)));
            add(s, "PATCH", fields + "/" + type + "/{key}", c -> Reply.ok(updateAttribute(c, type)));
        }
        for (String type : UNSUPPORTED_TYPES) {
            unsupported(s, "POST", fields + "/" + type, type + " " + s.fields);
            unsupported(s, "PATCH", fields + "/" + type + "/{key}", type + " " + s.fields);
        }
        unsupported(s, "PATCH", fields + "/{key}/relationship", "relationship " + s.fields);
        add(s, "GET", fields + "/{key}", c -> Reply.ok(c.db().getAttribute(c.id("db"), c.id("table"), c.id("key"))));
        add(s, "DELETE", fields + "/{key}", c -> {
            c.db().deleteAttribute(c.id("db"), c.id("table"), c.id("key"));
            return Reply.noContent();
        });

        // indexes
        add(s, "GET", table + "/indexes", c -> Reply.ok(c.db().listIndexes(c.id("db"), c.id("table"),
                c.params().strings("queries"))));
        add(s, "POST", table + "/indexes", c -> {
            Params p = c.params();
            String indexFields = s == Service.TABLES_DB ? "columns" : "attributes";
            List<String> keys = p.strings(indexFields);
            if (keys == null) {
                throw HttpErrors.missingParam(indexFields);
            }
            return Reply.accepted(c.db().createIndex(c.id("db"), c.id("table"), p.requiredString("key"),
                    indexType(p.requiredString("type")), keys, p.strings("orders"), p.integers("lengths")));
        });
        add(s, "GET", table + "/indexes/{key}", c -> Reply.ok(c.db().getIndex(c.id("db"), c.id("table"),
                c.id("key"))));
        add(s, "DELETE", table + "/indexes/{key}", c -> {
            c.db().deleteIndex(c.id("db"), c.id("table"), c.id("key"));
            return Reply.noContent();
        });

        // documents / rows
        add(s, "GET", items, c -> {
            Params p = c.params();
            noTransaction(p);
            return Reply.ok(c.db().listDocuments(c.id("db"), c.id("table"), p.strings("queries"),
                    p.bool("total", true)));
        });
        add(s, "POST", items, c -> {
            Params p = c.params();
            noTransaction(p);
            p.unsupported(s.items, "bulk create");
            return Reply.created(c.db().createDocument(c.id("db"), c.id("table"), p.requiredString(s.itemId),
                    data(p), p.strings("permissions")));
        });
        unsupported(s, "PUT", items, "bulk upsert");
        unsupported(s, "PATCH", items, "bulk update");
        unsupported(s, "DELETE", items, "bulk delete");
        add(s, "GET", items + "/{id}", c -> {
            noTransaction(c.params());
            return Reply.ok(c.db().getDocument(c.id("db"), c.id("table"), c.id("id"), c.params().strings("queries")));
        });
        add(s, "PUT", items + "/{id}", c -> {
            noTransaction(c.params());
            return Reply.ok(c.db().upsertDocument(c.id("db"), c.id("table"), c.id("id"), optionalData(c.params()),
                    c.params().strings("permissions")));
        });
        add(s, "PATCH", items + "/{id}", c -> {
            noTransaction(c.params());
            return Reply.ok(c.db().updateDocument(c.id("db"), c.id("table"), c.id("id"), optionalData(c.params()),
                    c.params().strings("permissions")));
        });
        add(s, "DELETE", items + "/{id}", c -> {
            noTransaction(c.params());
            c.db().deleteDocument(c.id("db"), c.id("table"), c.id("id"));
            return Reply.noContent();
        });
        unsupported(s, "PATCH", items + "/{id}/{field}/increment", "increment");
        unsupported(s, "PATCH", items + "/{id}/{field}/decrement", "decrement");
    }

    private static Object createAttribute(Call c, String type) {
        Params p = c.params();
        Databases db = c.db();
        String database = c.id("db");
        String table = c.id("table");
        String key = p.requiredString("key");
        boolean required = p.requiredBool("required");
        boolean array = p.bool("array", false);
        return switch (type) {
            case "string" -> {
                p.unsupported("encrypt", "encrypted " + c.service().fields);
                yield db.createStringAttribute(database, table, key, size(p, true), required, p.string("default"),
                        array);
            }
            case "integer" -> db.createIntegerAttribute(database, table, key, required, p.integer("min"),
                    p.integer("max"), p.integer("default"), array);
            case "float" -> db.createFloatAttribute(database, table, key, required, p.decimal("min"),
                    p.decimal("max"), p.decimal("default"), array);
            case "boolean" -> db.createBooleanAttribute(database, table, key, required, p.bool("default"), array);
            case "email" -> db.createEmailAttribute(database, table, key, required, p.string("default"), array);
            case "url" -> db.createUrlAttribute(database, table, key, required, p.string("default"), array);
            case "ip" -> db.createIpAttribute(database, table, key, required, p.string("default"), array);
            case "enum" -> db.createEnumAttribute(database, table, key, requiredStrings(p, "elements"), required,
                    p.string("default"), array);
            case "datetime" -> db.createDatetimeAttribute(database, table, key, required, p.string("default"), array);
            case "varchar" -> {
                p.unsupported("encrypt", "encrypted " + c.service().fields);
                yield db.createVarcharAttribute(database, table, key, size(p, true), required, p.string("default"),
                        array);
            }
            case "text", "mediumtext", "longtext" -> {
                p.unsupported("encrypt", "encrypted " + c.service().fields);
                String xdefault = p.string("default");
                yield switch (type) {
                    case "text" -> db.createTextAttribute(database, table, key, required, xdefault, array);
                    case "mediumtext" -> db.createMediumtextAttribute(database, table, key, required, xdefault, array);
                    default -> db.createLongtextAttribute(database, table, key, required, xdefault, array);
                };
            }
            case "bigint" -> db.createBigIntAttribute(database, table, key, required, p.integer("min"),
                    p.integer("max"), p.integer("default"), array);
            default -> throw new IllegalArgumentException(type);
        };
    }

    private static Object updateAttribute(Call c, String type) {
        Params p = c.params();
        Databases db = c.db();
        String database = c.id("db");
        String table = c.id("table");
        String key = c.id("key");
        boolean required = p.requiredBool("required");
        String newKey = p.string("newKey");
        return switch (type) {
            case "string" -> {
                Long size = p.integer("size");
                yield db.updateStringAttribute(database, table, key, required, p.string("default"),
                        size == null ? null : size(p, false), newKey);
            }
            case "integer" -> db.updateIntegerAttribute(database, table, key, required, p.integer("default"),
                    p.integer("min"), p.integer("max"), newKey);
            case "float" -> db.updateFloatAttribute(database, table, key, required, p.decimal("default"),
                    p.decimal("min"), p.decimal("max"), newKey);
            case "boolean" -> db.updateBooleanAttribute(database, table, key, required, p.bool("default"), newKey);
            case "email" -> db.updateEmailAttribute(database, table, key, required, p.string("default"), newKey);
            case "url" -> db.updateUrlAttribute(database, table, key, required, p.string("default"), newKey);
            case "ip" -> db.updateIpAttribute(database, table, key, required, p.string("default"), newKey);
            case "enum" -> db.updateEnumAttribute(database, table, key, requiredStrings(p, "elements"), required,
                    p.string("default"), newKey);
            case "datetime" -> db.updateDatetimeAttribute(database, table, key, required, p.string("default"),
                    newKey);
            case "varchar" -> {
                Long size = p.integer("size");
                yield db.updateVarcharAttribute(database, table, key, required, p.string("default"),
                        size == null ? null : size(p, false), newKey);
            }
            case "text" -> db.updateTextAttribute(database, table, key, required, p.string("default"), newKey);
            case "mediumtext" -> db.updateMediumtextAttribute(database, table, key, required, p.string("default"),
                    newKey);
            case "longtext" -> db.updateLongtextAttribute(database, table, key, required, p.string("default"),
                    newKey);
            case "bigint" -> db.updateBigIntAttribute(database, table, key, required, p.integer("default"),
                    p.integer("min"), p.integer("max"), newKey);
            default -> throw new IllegalArgumentException(type);
        };
    }

    private static int size(Params p, boolean required) {
        Long size = required ? requiredInteger(p, "size") : p.integer("size");
        if (size < 1 || size > Integer.MAX_VALUE) {
            throw HttpErrors.invalidParam("size", "Value must be a valid range between 1 and 1,073,741,824");
        }
        return size.intValue();
    }

    private static Long requiredInteger(Params p, String name) {
        Long value = p.integer(name);
        if (value == null) {
            throw HttpErrors.missingParam(name);
        }
        return value;
    }

    private static List<String> requiredStrings(Params p, String name) {
        List<String> value = p.strings(name);
        if (value == null) {
            throw HttpErrors.missingParam(name);
        }
        return value;
    }

    private static IndexType indexType(String type) {
        return switch (type) {
            case "key", "unique", "fulltext" -> IndexType.valueOf(type.toUpperCase(Locale.ROOT));
            case "spatial" -> throw HttpErrors.notImplemented("spatial indexes");
            default -> throw HttpErrors.invalidParam("type", "Value must be one of (key, fulltext, unique, spatial)");
        };
    }

    private static Map<String, Object> data(Params p) {
        Map<String, Object> data = p.object("data");
        if (data == null) {
            throw HttpErrors.missingParam("data");
        }
        return data;
    }

    private static Map<String, Object> optionalData(Params p) {
        Map<String, Object> data = p.object("data");
        return data == null ? Map.of() : data;
    }

    /**
     * Quire has no staged transactions yet, so a {@code transactionId} can only name one that does not exist:
     * Appwrite's answer to that is {@code transaction_not_found}.
     */
    private static void noTransaction(Params p) {
        if (p.has("transactionId")) {
            throw HttpErrors.transactionNotFound();
        }
    }
}
