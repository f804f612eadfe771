package dev.quire.junit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives every test method a fresh in-memory Quire store, closed when the method ends. The store reaches the
 * test as a {@code Databases} parameter of the test method (or of a {@code @BeforeEach} method), or in every
 * non-static, non-final {@code Databases} field of the test instance.
 *
 * <pre>{@code
 * @QuireTest(schema = "appwrite.json", data = "fixtures/movies.json")
 * class MoviesTest {
 *     @Test
 *     void findsMoviesOfAYear(Databases db) {
 *         DocumentList found = db.listDocuments("app", "movies", List.of(Query.equal("year", 2009)));
 *         assertEquals(1, found.getTotal());
 *     }
 * }
 * }</pre>
 *
 * <p>On a class it applies to every test method; on a method it replaces the class's settings for that
 * method. Stores are private to their test, so tests may run in parallel (JUnit's
 * {@code junit.jupiter.execution.parallel.enabled}).
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(QuireExtension.class)
public @interface QuireTest {
    /**
     * An Appwrite CLI {@code appwrite.json} to apply to each new store (legacy {@code collections} or 1.8
     * {@code tables} form): a classpath resource such as {@code "appwrite.json"} for
     * {@code src/test/resources/appwrite.json}, or else a file path. Empty for none.
     */
    String schema() default "";

    /**
     * Fixture files loaded after the schema, in order: each a JSON array of documents in Appwrite's shape
     * ({@code $id}, {@code $databaseId}, {@code $collectionId} or {@code $tableId}, optional
     * {@code $permissions}, then the attributes). Classpath resources, or else file paths.
     */
    String[] data() default {};
}
