package dev.quire.internal.storage;

import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Works around a crash-recovery defect of H2 2.5.252's file store. When a commit's chunk is written into reused
 * space at a place the previous chunk did not predict, {@code RandomAccessStore.writeChunk} rewrites the store
 * header, but before {@code FileStore.storeBuffer} has made the new chunk the last one, so the header names the
 * previous chunk. Recovery after a kill starts at that chunk, follows its (wrong) prediction, stops, and opens the
 * store at the previous version: the commit and every commit chained after it are gone although they are complete
 * in the file. H2 2.4.240 and earlier set the last chunk first. Rewriting the header after the commit, when it
 * does not name the newest chunk, restores that.
 *
 * <p>Uses H2 internals by reflection; if they are not there (another H2 version), it does nothing.
 */
final class StoreHeaderRepair {
    private static final Logger LOG = LoggerFactory.getLogger(StoreHeaderRepair.class);

    private final Object fileStore;
    private final Method writeStoreHeader;
    private final ReentrantLock saveChunkLock;
    private final Field lastChunk;
    private final Field chunkId;
    private final Map<String, Object> header;

    private StoreHeaderRepair(Object fileStore, Method writeStoreHeader, ReentrantLock saveChunkLock, Field lastChunk,
            Field chunkId, Map<String, Object> header) {
        this.fileStore = fileStore;
        this.writeStoreHeader = writeStoreHeader;
        this.saveChunkLock = saveChunkLock;
        this.lastChunk = lastChunk;
        this.chunkId = chunkId;
        this.header = header;
    }

    /** The repair for this store, or {@code null} when the H2 internals it needs are not there. */
    static StoreHeaderRepair of(MVStore store) {
        try {
            Object fileStore = store.getFileStore();
            if (!(fileStore instanceof org.h2.mvstore.RandomAccessStore)) {
                return null;
            }
            Method write = org.h2.mvstore.RandomAccessStore.class.getDeclaredMethod("writeStoreHeader");
            write.setAccessible(true);
            Field lock = org.h2.mvstore.FileStore.class.getDeclaredField("saveChunkLock");
            lock.setAccessible(true);
            Field last = org.h2.mvstore.FileStore.class.getDeclaredField("lastChunk");
            last.setAccessible(true);
            Field id = Class.forName("org.h2.mvstore.Chunk").getDeclaredField("id");
            id.setAccessible(true);
            return new StoreHeaderRepair(fileStore, write, (ReentrantLock) lock.get(fileStore), last, id,
                    ((org.h2.mvstore.FileStore<?>) fileStore).getStoreHeader());
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("H2 store header repair unavailable ({}); a kill may lose the newest commits", e.toString());
            return null;
        }
    }

    /**
     * After a commit: makes the store header name the newest chunk, if it does not already. The commit itself
     * has succeeded by now, so a failure here (the store closing at that moment) is logged, not thrown.
     */
    void afterCommit() {
        saveChunkLock.lock();
        try {
            Object last = lastChunk.get(fileStore);
            if (last == null) {
                return;
            }
            Object named = header.get("chunk");
            int namedId = named == null ? -1
                    : named instanceof Number number ? number.intValue() : Integer.parseInt(named.toString(), 16);
            if (namedId != chunkId.getInt(last)) {
                writeStoreHeader.invoke(fileStore);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            Throwable cause = e instanceof InvocationTargetException invocation ? invocation.getCause() : e;
            LOG.warn("Could not rewrite the H2 store header after a commit", cause);
        } finally {
            saveChunkLock.unlock();
        }
    }
}
