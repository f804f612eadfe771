package dev.quire.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The REST harness runs every scenario, over HTTP and in process, and reports each one. */
class RestLoopbackTest {
    @Test
    void everyScenarioRunsAndIsReported() throws Exception {
        List<RestLoopback.Result> results = RestLoopback.run(100, 0.05, 0.1);

        assertEquals(8, results.size());
        assertTrue(results.stream().allMatch(r -> r.perSecond() > 0 && r.p99() >= r.p50()), results::toString);
        assertEquals(6, RestLoopback.table(results).size());
    }
}
