package dev.quire.internal.storage;

import java.util.List;
import java.util.Map;

/**
 * One operation staged in a transaction, as it is replayed at commit.
 *
 * @param data        attribute values (no {@code $} keys)
 * @param permissions the permissions to write, resolved when staged (a user's defaults included); {@code null}
 *                    keeps a document's permissions on update and upsert
 * @param stagedAt    when it was staged: a document changed after this conflicts at commit
 */
public record StagedOperation(Action action, String databaseId, String collectionId, String documentId,
                              Map<String, Object> data, List<String> permissions, String stagedAt) {
    /** The actions Appwrite stages; only the single-document ones run in Quire so far. */
    public enum Action {
        CREATE("create"), UPDATE("update"), UPSERT("upsert"), DELETE("delete");

        private final String value;

        Action(String value) {
            this.value = value;
        }

        /** @return Appwrite's name for the action */
        public String value() {
            return value;
        }

        /** @return the action Appwrite names so, or {@code null} */
        public static Action of(String value) {
            for (Action action : values()) {
                if (action.value.equals(value)) {
                    return action;
                }
            }
            return null;
        }
    }
}
