package dev.quire.examples;

import dev.quire.Databases;
import dev.quire.Document;
import dev.quire.DocumentList;
import dev.quire.ID;
import dev.quire.QuireException;
import dev.quire.permissions.Caller;
import dev.quire.permissions.Permission;
import dev.quire.permissions.Role;
import dev.quire.query.Query;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The README's first command: opens an H2 file store under {@code ./quire-demo/}, defines a collection,
 * writes and queries documents as two different users, shows a refused write with its Appwrite error, and
 * prints what happened. Running it again starts from a fresh database in the same file.
 */
public final class Demo {
    private static final String DB = "library";
    private static final String BOOKS = "books";

    private Demo() {
    }

    public static void main(String[] args) {
        Path path = Path.of("quire-demo", "store");
        try (Databases root = Databases.open(path)) {
            System.out.println("Opened " + path.toAbsolutePath() + ".mv.db");
            resetDatabase(root);

            // Anyone signed in may add books; with document security each book also carries its own permissions.
            root.createCollection(DB, BOOKS, "Books",
                    List.of(Permission.create(Role.users())), true, true);
            root.createStringAttribute(DB, BOOKS, "title", 200, true, null, false);
            root.createIntegerAttribute(DB, BOOKS, "year", false, 0L, 2100L, null, false);
            root.createFloatAttribute(DB, BOOKS, "rating", false, 0.0, 5.0, null, false);
            root.createBooleanAttribute(DB, BOOKS, "available", false, true, false);
            root.createEnumAttribute(DB, BOOKS, "shelf", List.of("fiction", "science", "history"), false, null, false);
            root.createStringAttribute(DB, BOOKS, "tags", 32, false, null, true);
            root.createDatetimeAttribute(DB, BOOKS, "addedOn", false, null, false);
            System.out.println("Created collection '" + BOOKS + "' with "
                    + root.getCollection(DB, BOOKS).getAttributes().size() + " attributes");

            Databases alice = root.as(Caller.user("alice"));
            Databases bob = root.as(Caller.user("bob"));

            // Alice's books are private to her (the default for a user's document) except one she shares.
            alice.createDocument(DB, BOOKS, ID.unique(), Map.of("title", "Dune", "year", 1965, "rating", 4.5,
                    "shelf", "fiction", "tags", List.of("classic", "space"), "addedOn", "2024-03-01T10:00:00Z"), null);
            alice.createDocument(DB, BOOKS, ID.unique(), Map.of("title", "Cosmos", "year", 1980, "rating", 4.8,
                    "shelf", "science", "tags", List.of("space")), List.of(
                    Permission.read(Role.any()), Permission.update(Role.user("alice")),
                    Permission.delete(Role.user("alice"))));
            bob.createDocument(DB, BOOKS, ID.unique(), Map.of("title", "SPQR", "year", 2015, "rating", 4.1,
                    "shelf", "history"), null);
            System.out.println("alice wrote 2 books (one shared with everyone), bob wrote 1");

            show("alice sees", alice.listDocuments(DB, BOOKS, List.of(Query.orderAsc("year"))));
            show("bob sees", bob.listDocuments(DB, BOOKS, List.of(Query.orderAsc("year"))));
            show("bob, space books", bob.listDocuments(DB, BOOKS, List.of(Query.contains("tags", "space"))));
            show("root, rated above 4.2, newest first", root.listDocuments(DB, BOOKS,
                    List.of(Query.greaterThan("rating", 4.2), Query.orderDesc("year"))));

            try {
                alice.createDocument(DB, BOOKS, ID.unique(), Map.of("title", "Untitled", "year", 3000), null);
            } catch (QuireException e) {
                System.out.println("refused write: " + e.getType() + " (" + e.getCode() + "): " + e.getMessage());
            }
            Document cosmos = bob.listDocuments(DB, BOOKS, List.of(Query.equal("title", "Cosmos")))
                    .getDocuments().get(0);
            try {
                bob.updateDocument(DB, BOOKS, cosmos.getId(), Map.of("rating", 1.0), null);
            } catch (QuireException e) {
                System.out.println("refused update: " + e.getType() + " (" + e.getCode() + "): " + e.getMessage());
            }
            System.out.println("as JSON: " + cosmos.toJson());
        }
    }

    private static void resetDatabase(Databases root) {
        try {
            root.delete(DB);
        } catch (QuireException e) {
            if (!"database_not_found".equals(e.getType())) {
                throw e;
            }
        }
        root.create(DB, "Library");
    }

    private static void show(String label, DocumentList list) {
        System.out.println(label + " (" + list.getTotal() + "):");
        for (Document book : list.getDocuments()) {
            System.out.println("  " + book.get("title") + " (" + book.get("year") + "), rating " + book.get("rating")
                    + ", " + book.get("shelf") + ", permissions " + book.getPermissions());
        }
    }
}
