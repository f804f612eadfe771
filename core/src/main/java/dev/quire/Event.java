package dev.quire;

import dev.quire.internal.Json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A change delivered to a {@link Subscription}: Appwrite's realtime event, with its event names, the channels it
 * was published on, when it was committed, and the document as the API returns it. Immutable.
 *
 * <pre>{@code
 * db.subscribe(List.of("databases.app.collections.movies.documents"), event -> {
 *     if (event.isError()) {                     // the subscription fell behind and is now closed
 *         log.warn("resync needed", event.getError());
 *     } else if (event.getEvents().contains("databases.app.collections.movies.documents.*.create")) {
 *         String title = (String) event.getPayload().get("title");
 *     }
 * });
 * }</pre>
 *
 * <p>A subscription's last event may be an error ({@link #isError()}): the subscriber fell too far behind, the
 * events after it were not kept, and the subscription has closed. Nothing is ever dropped without it.
 */
public final class Event {
    private final List<String> events;
    private final List<String> channels;
    private final String timestamp;
    private final Map<String, Object> payload;
    private final QuireException error;

    /**
     * A change event, for example to test a callback.
     *
     * @param events    event names, such as {@code databases.app.collections.movies.documents.up.create}
     * @param channels  the channels it was published on, such as {@code documents}
     * @param timestamp when it was committed, {@code 2020-10-15T06:38:00.000+00:00}
     * @param payload   the document in Appwrite's JSON shape; kept as given, so pass an immutable map
     */
    public Event(List<String> events, List<String> channels, String timestamp, Map<String, ?> payload) {
        this(List.copyOf(events), List.copyOf(channels), Objects.requireNonNull(timestamp, "timestamp"),
                Collections.unmodifiableMap(payload), null);
    }

    private Event(List<String> events, List<String> channels, String timestamp, Map<String, ?> payload,
                  QuireException error) {
        this.events = events;
        this.channels = channels;
        this.timestamp = timestamp;
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) payload;
        this.payload = values;
        this.error = error;
    }

    /**
     * The error event that ends a subscription.
     *
     * @param error     what went wrong, with Appwrite's realtime error type and code
     * @param channels  the subscription's channels
     * @param timestamp when it happened
     * @return an event for which {@link #isError()} is true
     */
    public static Event error(QuireException error, List<String> channels, String timestamp) {
        return new Event(List.of(), List.copyOf(channels), Objects.requireNonNull(timestamp, "timestamp"), Map.of(),
                Objects.requireNonNull(error, "error"));
    }

    /** @return Appwrite's event names, from the most specific ({@code …documents.ID.create}) to {@code databases.*} */
    public List<String> getEvents() {
        return events;
    }

    /** @return every channel the change was published on, not only the subscribed ones, as Appwrite sends them */
    public List<String> getChannels() {
        return channels;
    }

    /** @return when the change was committed, for example {@code 2020-10-15T06:38:00.000+00:00} */
    public String getTimestamp() {
        return timestamp;
    }

    /**
     * @return the document as the API returns it ({@code $id}, {@code $sequence}, {@code $collectionId}, …, then
     *         the attributes; relationship attributes left out, as Appwrite does); for a delete, the document as it
     *         was; empty for an error event
     */
    public Map<String, Object> getPayload() {
        return payload;
    }

    /** @return whether this is the error that ends the subscription */
    public boolean isError() {
        return error != null;
    }

    /** @return the error that ended the subscription, or {@code null} for a change event */
    public QuireException getError() {
        return error;
    }

    /**
     * @return the {@code data} of Appwrite's realtime message: {@code events}, {@code channels}, {@code timestamp}
     *         and {@code payload} for a change, {@code code} and {@code message} for an error
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        if (error != null) {
            map.put("code", error.getCode());
            map.put("message", error.getMessage());
            return map;
        }
        map.put("events", events);
        map.put("channels", channels);
        map.put("timestamp", timestamp);
        map.put("payload", payload);
        return map;
    }

    /** @return {@link #toMap()} as JSON */
    public String toJson() {
        return Json.write(toMap());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Event other && events.equals(other.events) && channels.equals(other.channels)
                && timestamp.equals(other.timestamp) && payload.equals(other.payload)
                && Objects.equals(error, other.error);
    }

    @Override
    public int hashCode() {
        return Objects.hash(events, channels, timestamp, payload);
    }

    @Override
    public String toString() {
        return error != null ? "Event[error " + error + "]" : "Event" + toMap();
    }
}
