package dev.quire;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The JSON shape the {@code *List} models share with Appwrite's: {@code {"total": n, "<items>": [...]}}. */
final class ModelJson {
    private ModelJson() {
    }

    static <T> Map<String, Object> page(long total, String itemsKey, List<T> items,
                                        Function<T, Map<String, Object>> toMap) {
        List<Map<String, Object>> maps = new ArrayList<>(items.size());
        items.forEach(item -> maps.add(toMap.apply(item)));
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("total", total);
        page.put(itemsKey, maps);
        return page;
    }
}
