package dev.quire.junit;

import dev.quire.Databases;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/** Settings that cannot work fail the test with a message naming the file and the entry. */
class MisconfiguredTest {
    @QuireTest(schema = "no-such-schema.json")
    static class MissingSchema {
        @Test
        void test(Databases db) {
        }
    }

    @QuireTest(schema = "appwrite.json", data = "fixtures/refused.json")
    static class RefusedFixture {
        @Test
        void test(Databases db) {
        }
    }

    /** Runs one class and returns the message of its one failure. */
    private static String failureOf(Class<?> testClass) {
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(request().selectors(selectClass(testClass)).build(), listener);
        TestExecutionSummary summary = listener.getSummary();
        assertEquals(1, summary.getTotalFailureCount());
        return summary.getFailures().get(0).getException().getMessage();
    }

    @Test
    void aMissingSchemaIsNamed() {
        assertEquals("@QuireTest(schema = \"no-such-schema.json\") is neither a classpath resource nor a file",
                failureOf(MissingSchema.class));
    }

    @Test
    void aRefusedFixtureNamesItsFileAndPosition() {
        String message = failureOf(RefusedFixture.class);
        assertEquals(true, message.startsWith("fixtures/refused.json, document 2: "), message);
    }
}
