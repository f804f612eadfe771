package dev.quire.junit;

import dev.quire.Databases;
import dev.quire.Document;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import java.util.List;
import java.util.Map;

import static dev.quire.junit.DocumentAssertions.assertDocument;
import static dev.quire.junit.DocumentAssertions.assertDocumentEquals;
import static dev.quire.junit.DocumentAssertions.assertDocumentsEqual;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuireTest(schema = "appwrite.json")
class DocumentAssertionsTest {
    @Test
    void documentsThatDifferOnlyInTimestampsAreEqual(Databases db) throws InterruptedException {
        Document before = db.createDocument("app", "movies", "up", Map.of("title", "Up"), null);
        Thread.sleep(2);
        db.updateDocument("app", "movies", "up", Map.of("title", "Down"), null);
        Document after = db.updateDocument("app", "movies", "up", Map.of("title", "Up"), null);

        assertTrue(!before.getUpdatedAt().equals(after.getUpdatedAt()));
        assertDocumentEquals(before, after);
        assertDocumentsEqual(List.of(before), db.listDocuments("app", "movies", null).getDocuments());
    }

    @Test
    void aDifferentAttributeIsNamed(Databases db) {
        Document up = db.createDocument("app", "movies", "up", Map.of("title", "Up"), null);
        Document changed = db.updateDocument("app", "movies", "up", Map.of("title", "Down"), null);

        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> assertDocumentEquals(up, changed));
        assertTrue(e.getMessage().startsWith("\"title\" differs: expected <Up> but was <Down>"), e.getMessage());
    }

    @Test
    void expectedFieldsCompareByValueAndOthersAreIgnored(Databases db) {
        db.createDocument("app", "movies", "up", Map.of("title", "Up", "year", 2009, "rating", 8.0), null);

        assertDocument(Map.of("$id", "up", "year", 2009, "rating", 8), db.getDocument("app", "movies", "up"));
        assertThrows(AssertionFailedError.class,
                () -> assertDocument(Map.of("year", 2010), db.getDocument("app", "movies", "up")));
    }
}
