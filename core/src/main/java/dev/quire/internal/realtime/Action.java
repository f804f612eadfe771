package dev.quire.internal.realtime;

/** What a committed write did to a document, named as Appwrite names the last segment of its events. */
public enum Action {
    CREATE("create"),
    UPDATE("update"),
    UPSERT("upsert"),
    DELETE("delete");

    private final String appwriteName;

    Action(String appwriteName) {
        this.appwriteName = appwriteName;
    }

    /** @return {@code create}, {@code update}, {@code upsert} or {@code delete} */
    public String appwriteName() {
        return appwriteName;
    }
}
