package dev.quire.reliability;

import dev.quire.Databases;
import dev.quire.IndexType;
import dev.quire.QuireException;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The process {@link SchemaCrashTest} kills: makes random schema changes as fast as it can (create and delete
 * databases, collections, integer and string attributes, key, unique and full-text indexes, and documents so
 * that indexes have something to build), on a few ids so that changes meet what earlier ones left. Prints
 * {@code READY}, then one line per change begun, so the parent can kill it in the middle of one.
 */
public final class SchemaChanger {
    static final int DATABASES = 2;
    static final int COLLECTIONS = 3;
    static final int ATTRIBUTES = 4;

    private SchemaChanger() {
    }

    /** Arguments: the store path, a random seed. */
    public static void main(String[] args) {
        Random random = new Random(Long.parseLong(args[1]));
        PrintStream out = new PrintStream(System.out, true);
        try (Databases db = Databases.open(Path.of(args[0]))) {
            out.println("READY");
            for (int i = 0; ; i++) {
                String database = "d" + random.nextInt(DATABASES);
                String collection = "c" + random.nextInt(COLLECTIONS);
                String attribute = "a" + random.nextInt(ATTRIBUTES);
                int kind = random.nextInt(20);
                out.println(i + " " + kind);
                try {
                    change(db, random, kind, database, collection, attribute);
                } catch (QuireException expected) {
                    // not found, already exists, duplicate values for a unique index: the change did nothing
                }
            }
        }
    }

    private static void change(Databases db, Random random, int kind, String database, String collection,
                               String attribute) {
        switch (kind) {
            case 0 -> db.create(database, database);
            case 1 -> db.delete(database);
            case 2, 3 -> db.createCollection(database, collection, collection);
            case 4 -> db.deleteCollection(database, collection);
            case 5, 6 -> {
                if (attribute.hashCode() % 2 == 0) {
                    db.createIntegerAttribute(database, collection, attribute, false, null, null, null, false);
                } else {
                    db.createStringAttribute(database, collection, attribute, 64, false, null, false);
                }
            }
            case 7, 8 -> db.deleteAttribute(database, collection, attribute);
            case 9, 10 -> db.createIndex(database, collection, "i" + attribute,
                    IndexType.values()[random.nextInt(IndexType.values().length)], List.of(attribute), null, null);
            case 11 -> db.createIndex(database, collection, "pair", IndexType.KEY,
                    List.of(attribute, "a" + random.nextInt(ATTRIBUTES)), null, null);
            case 12, 13 -> db.deleteIndex(database, collection, "i" + attribute);
            case 14 -> db.deleteIndex(database, collection, "pair");
            default -> db.createDocument(database, collection, "unique()", Map.of(attribute,
                    attribute.hashCode() % 2 == 0 ? (Object) (long) random.nextInt(5) : "word" + random.nextInt(5)),
                    null);
        }
    }
}
