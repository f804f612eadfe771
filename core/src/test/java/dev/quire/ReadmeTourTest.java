package dev.quire;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's tour, as printed there, compiles with the imports it shows and runs without an error. */
class ReadmeTourTest {
    @TempDir
    Path directory;

    @Test
    void theTourCompilesAndRuns() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("```java", readme.indexOf("## A tour")) + "```java".length();
        String tour = readme.substring(start, readme.indexOf("```", start));
        List<String> imports = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<String> body = new ArrayList<>();
        for (String line : tour.strip().split("\n")) {
            (line.startsWith("import ") ? imports : line.startsWith("record ") ? types : body).add(line);
        }
        assertTrue(imports.contains("import dev.quire.*;                 // Databases, Document, DocumentList, ID, QuireException, …"),
                "the tour shows its imports");
        String store = directory.resolve("app").toString().replace("\\", "\\\\");
        String source = String.join("\n", imports) + "\npublic class Tour {\n" + String.join("\n", types)
                + "\npublic static void run() throws Exception {\n"
                + String.join("\n", body).replace("Path.of(\"data/app\")", "Path.of(\"" + store + "\")")
                + "\n}\n}\n";
        Path file = directory.resolve("Tour.java");
        Files.writeString(file, source);

        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = compiler.run(null, null, errors, "-proc:none", "-cp", System.getProperty("java.class.path"),
                "-d", directory.toString(), file.toString());
        assertEquals(0, status, errors.toString(StandardCharsets.UTF_8) + "\n" + source);

        try (URLClassLoader loader = new URLClassLoader(new URL[]{directory.toUri().toURL()},
                getClass().getClassLoader())) {
            Method run = loader.loadClass("Tour").getMethod("run");
            run.invoke(null);
        }
        assertTrue(Files.isRegularFile(directory.resolve("app.mv.db")));
    }
}
