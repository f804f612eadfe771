package dev.quire;

import dev.quire.query.Operator;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.List;
import java.util.Map;

/**
 * Run in its own JVM by {@link BulkMemoryTest}: creates, updates and deletes 100,000 documents with one bulk
 * call each in a file store, then prints the peak heap the JVM used. The documents to create are made on
 * demand, so the heap holds only what Quire keeps: the documents it returns, one JDBC batch, and H2's
 * transaction.
 */
public final class BulkMemoryProbe {
    static final int DOCUMENTS = 100_000;

    private BulkMemoryProbe() {
    }

    public static void main(String[] args) {
        try (Databases db = Databases.open(Path.of(args[0]))) {
            db.create("app", "App");
            db.createCollection("app", "items", "Items");
            db.createStringAttribute("app", "items", "name", 64, true, null, false);
            db.createIntegerAttribute("app", "items", "count", false, null, null, null, false);
            List<Map<String, Object>> items = new AbstractList<>() {
                @Override
                public Map<String, Object> get(int i) {
                    return Map.of("$id", "i" + i, "name", "Item number " + i, "count", i);
                }

                @Override
                public int size() {
                    return DOCUMENTS;
                }
            };
            long created = db.createDocuments("app", "items", items).getTotal();
            long updated = db.updateDocuments("app", "items", Map.of("count", Operator.increment()), null).getTotal();
            long deleted = db.deleteDocuments("app", "items", null).getTotal();
            System.out.println("created=" + created + " updated=" + updated + " deleted=" + deleted
                    + " peakHeapMiB=" + peakHeap() / (1024 * 1024));
        }
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
