package dev.quire;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every row of every table of a closed file store, as text, read with plain JDBC: two dumps are equal when
 * the store holds the same data. (Identity counters are not data: H2 does not hand out a rolled-back value
 * again, which no caller can observe.)
 */
final class StoreDump {
    private StoreDump() {
    }

    static List<String> of(Path store) throws SQLException {
        String url = "jdbc:h2:file:" + store.toAbsolutePath() + ";ACCESS_MODE_DATA=r";
        List<String> lines = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES "
                    + "WHERE TABLE_SCHEMA = 'PUBLIC' ORDER BY TABLE_NAME")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                lines.add("table " + table);
                try (ResultSet rows = statement.executeQuery("SELECT * FROM \"" + table + "\" ORDER BY 1")) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= columns; i++) {
                            Object value = rows.getObject(i);
                            row.append(value instanceof java.sql.Array array
                                    ? Arrays.toString((Object[]) array.getArray()) : String.valueOf(value)).append(" | ");
                        }
                        lines.add(row.toString());
                    }
                }
            }
        }
        return lines;
    }
}
