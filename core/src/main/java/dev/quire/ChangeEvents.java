package dev.quire;

import dev.quire.internal.realtime.Action;
import dev.quire.internal.realtime.Change;
import dev.quire.internal.realtime.ReadAccess;
import dev.quire.internal.realtime.Realtime;
import dev.quire.internal.schema.CollectionSchema;
import dev.quire.internal.storage.UnitOfWork;
import dev.quire.permissions.Permissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Set;

/**
 * The documents service's side of change events: a written document is described while its schema is at hand,
 * and published when its unit of work commits, in commit order. Nothing is described while no one is
 * subscribed, and nothing is published for a unit that rolls back.
 */
final class ChangeEvents implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeEvents.class);
    /** Databases made through the Databases API; TablesDB's are {@code tablesdb}, once the store records types. */
    private static final String LEGACY = "legacy";

    final Realtime realtime = new Realtime();

    /**
     * Records a document write of the unit, to be published when it commits.
     *
     * @param document the document as written; for a delete, as it was
     * @return {@code document}
     */
    Document wrote(UnitOfWork unit, Action action, CollectionSchema schema, Document document) {
        if (realtime.hasSubscribers()) {
            Change change = new Change(action, LEGACY, schema.database().id(), schema.id(), document.getId(),
                    Change.payload(document.toMap(), Set.of()),
                    new ReadAccess(schema.permissions(), schema.documentSecurity(),
                            Permissions.forDocument(document.getPermissions())));
            unit.atCommit(() -> publish(change));
        }
        return document;
    }

    /** Runs after the commit: a failure here must not turn a committed write into a failed call. */
    private void publish(Change change) {
        try {
            realtime.publish(List.of(change));
        } catch (RuntimeException e) {
            LOG.error("Change event for {} lost", change.documentId(), e);
        }
    }

    /** Ends every subscription once what was committed is delivered. */
    @Override
    public void close() {
        realtime.close();
    }
}
