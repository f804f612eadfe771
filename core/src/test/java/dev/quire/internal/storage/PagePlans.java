package dev.quire.internal.storage;

import dev.quire.query.Method;
import dev.quire.query.QueryPlan;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Test support: H2's plans for the page and count statements a root {@code listDocuments} runs, taken by
 * preparing an {@code EXPLAIN} beside every statement the storage layer prepares, with the same parameters.
 */
public final class PagePlans {
    private PagePlans() {
    }

    /** The plans of the page statement and then the count statement for these queries. */
    public static List<String> of(Store store, DocumentTable table, String... queries) {
        QueryPlan plan = QueryPlan.of(List.of(queries), table.schema().querySchema());
        List<String> plans = new ArrayList<>();
        store.read(connection -> {
            StoredDocument cursor = plan.cursor() == null ? null
                    : table.find(connection, plan.cursor().documentId(), false).orElseThrow();
            PageRequest request = new PageRequest(plan.filters(), plan.orders(), false, plan.select(), cursor,
                    plan.cursor() != null && plan.cursor().method() == Method.CURSOR_BEFORE,
                    plan.limit() == null ? 25 : plan.limit(), plan.offset() == null ? 0 : plan.offset(), null);
            Connection explaining = explaining(connection, plans);
            table.page(explaining, request);
            table.count(explaining, request);
            return null;
        });
        if (plans.size() != 2) {
            throw new AssertionError("Expected a page and a count statement: " + plans);
        }
        return plans;
    }

    /** A connection whose prepared statements record the plan of what they run. */
    private static Connection explaining(Connection connection, List<String> plans) {
        return (Connection) Proxy.newProxyInstance(PagePlans.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    Object result = invoke(method, connection, args);
                    if (!method.getName().equals("prepareStatement")) {
                        return result;
                    }
                    PreparedStatement real = (PreparedStatement) result;
                    PreparedStatement explain = connection.prepareStatement("EXPLAIN " + args[0]);
                    return Proxy.newProxyInstance(PagePlans.class.getClassLoader(),
                            new Class<?>[]{PreparedStatement.class}, (p, m, a) -> {
                                if (m.getName().startsWith("set") && a != null && a.length == 2 && a[0] instanceof Integer) {
                                    invoke(m, explain, a);
                                }
                                if (m.getName().equals("executeQuery")) {
                                    try (ResultSet row = explain.executeQuery()) {
                                        row.next();
                                        plans.add(row.getString(1));
                                    }
                                }
                                if (m.getName().equals("close")) {
                                    explain.close();
                                }
                                return invoke(m, real, a);
                            });
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
