package dev.quire.junit;

import dev.quire.DataFiles;
import dev.quire.Databases;
import dev.quire.Schemas;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ModifierSupport;
import org.junit.platform.commons.support.ReflectionSupport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The extension behind {@link QuireTest}: opens a store before each test, applies the schema and the
 * fixtures, injects the store, and closes it after the test. Register it through {@link QuireTest}.
 *
 * <p>Classpath resources are read once and kept as bytes; every test parses and applies them to its own
 * store, so nothing is shared between tests but those bytes.
 */
public final class QuireExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(QuireExtension.class);
    private static final Map<String, byte[]> RESOURCES = new ConcurrentHashMap<>();

    /** Creates the extension; JUnit does this for {@link QuireTest}. */
    public QuireExtension() {
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IllegalAccessException {
        QuireTest settings = settings(context);
        Databases db = Databases.inMemory();
        // Stored first, so that afterEach closes it even when the schema or the fixtures fail.
        context.getStore(NAMESPACE).put(Databases.class, db);
        ClassLoader loader = context.getRequiredTestClass().getClassLoader();
        if (!settings.schema().isEmpty()) {
            Schemas.apply(db, open(loader, settings.schema(), "schema"), settings.schema());
        }
        for (String data : settings.data()) {
            DataFiles.load(db, open(loader, data, "data"), data);
        }
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            for (Field field : ReflectionSupport.findFields(instance.getClass(),
                    f -> f.getType() == Databases.class && ModifierSupport.isNotStatic(f) && ModifierSupport.isNotFinal(f),
                    HierarchyTraversalMode.TOP_DOWN)) {
                field.setAccessible(true);
                field.set(instance, db);
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Databases db = context.getStore(NAMESPACE).remove(Databases.class, Databases.class);
        if (db != null) {
            db.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Databases.class && parameter.getDeclaringExecutable() instanceof Method;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Databases db = context.getStore(NAMESPACE).get(Databases.class, Databases.class);
        if (db == null) {
            throw new ExtensionConfigurationException("@QuireTest gives a Databases to test methods and "
                    + "@BeforeEach/@AfterEach methods only, not to " + parameter.getDeclaringExecutable());
        }
        return db;
    }

    /** The method's annotation, else the nearest one on its class or an enclosing class. */
    private static QuireTest settings(ExtensionContext context) {
        Optional<QuireTest> onMethod = AnnotationSupport.findAnnotation(context.getTestMethod(), QuireTest.class);
        if (onMethod.isPresent()) {
            return onMethod.get();
        }
        for (Class<?> type = context.getRequiredTestClass(); type != null; type = type.getEnclosingClass()) {
            Optional<QuireTest> found = AnnotationSupport.findAnnotation(type, QuireTest.class);
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new ExtensionConfigurationException("QuireExtension needs @QuireTest on the test class or method");
    }

    /** A classpath resource, as test resources are found (read once), or else a file (read each time). */
    private static InputStream open(ClassLoader loader, String name, String attribute) {
        URL resource = loader.getResource(name.startsWith("/") ? name.substring(1) : name);
        try {
            if (resource != null) {
                return new ByteArrayInputStream(RESOURCES.computeIfAbsent(resource.toString(), url -> read(resource)));
            }
            Path file = Path.of(name);
            if (Files.isRegularFile(file)) {
                return Files.newInputStream(file);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new ExtensionConfigurationException("Cannot read @QuireTest(" + attribute + " = \"" + name + "\")", e);
        }
        throw new ExtensionConfigurationException("@QuireTest(" + attribute + " = \"" + name
                + "\") is neither a classpath resource nor a file");
    }

    private static byte[] read(URL resource) {
        try (InputStream in = resource.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
