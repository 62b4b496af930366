package fr.sesame.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ConversationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Everything the portal keeps in a session or a Faces view can travel to another node of a cluster: each
 * session-, view- or conversation-scoped bean is {@code Serializable}, and so is every field it keeps, down to
 * the portal's own types they hold; injected beans are of a normal scope (CDI then keeps a serializable proxy).
 */
class ReplicatedStateTest {

    private static final Path CLASSES = Path.of(System.getProperty("sesame.project.dir", "."), "target", "classes");

    @Test
    void everyBeanKeptInASessionOrAViewIsSerializableThroughout() {
        List<Class<?>> beans = portalClasses().stream()
                .filter(type -> type.isAnnotationPresent(SessionScoped.class) || type.isAnnotationPresent(ViewScoped.class)
                        || type.isAnnotationPresent(ConversationScoped.class))
                .toList();
        List<String> problems = new ArrayList<>();
        for (Class<?> bean : beans) {
            check(bean, bean.getSimpleName(), problems, new HashSet<>());
        }

        assertTrue(beans.size() >= 10, "found " + beans);
        assertEquals(List.of(), problems);
    }

    private static void check(Class<?> type, String path, List<String> problems, Set<Class<?>> seen) {
        if (!seen.add(type)) {
            return;
        }
        if (!Serializable.class.isAssignableFrom(type)) {
            problems.add(path + ": " + type.getName() + " is not Serializable");
            return;
        }
        for (Class<?> declaring = type; declaring != null && isPortal(declaring); declaring = declaring.getSuperclass()) {
            for (Field field : declaring.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers)) {
                    continue;
                }
                String fieldPath = path + "." + field.getName();
                if (field.isAnnotationPresent(Inject.class)) {
                    checkInjected(field.getType(), fieldPath, problems);
                } else {
                    checkValue(field.getGenericType(), fieldPath, problems, seen);
                }
            }
        }
    }

    private static void checkValue(Type type, String path, List<String> problems, Set<Class<?>> seen) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            if (Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw)) {
                for (Type argument : parameterized.getActualTypeArguments()) {
                    checkValue(argument, path + "<>", problems, seen);
                }
                return;
            }
            checkValue(raw, path, problems, seen);
        } else if (type instanceof WildcardType wildcard) {
            for (Type bound : wildcard.getUpperBounds()) {
                checkValue(bound, path, problems, seen);
            }
        } else if (type instanceof Class<?> plain) {
            Class<?> element = plain.isArray() ? plain.getComponentType() : plain;
            if (element.isPrimitive()) {
                return;
            }
            if (isPortal(element)) {
                check(element, path, problems, seen);
                for (Class<?> permitted : element.isSealed() ? element.getPermittedSubclasses() : new Class<?>[0]) {
                    check(permitted, path + "(" + permitted.getSimpleName() + ")", problems, seen);
                }
            } else if (!Serializable.class.isAssignableFrom(element)) {
                problems.add(path + ": " + element.getName() + " is not Serializable");
            }
        }
    }

    private static void checkInjected(Class<?> type, String path, List<String> problems) {
        boolean normalScoped = type.isAnnotationPresent(ApplicationScoped.class) || type.isAnnotationPresent(RequestScoped.class)
                || type.isAnnotationPresent(SessionScoped.class);
        if (isPortal(type) && !normalScoped && !Serializable.class.isAssignableFrom(type)) {
            problems.add(path + ": injects " + type.getName() + ", neither of a normal scope nor Serializable");
        }
    }

    private static boolean isPortal(Class<?> type) {
        return type.getName().startsWith("fr.sesame.");
    }

    private static List<Class<?>> portalClasses() {
        try (Stream<Path> files = Files.walk(CLASSES.resolve("fr/sesame"))) {
            return files.map(CLASSES::relativize)
                    .map(Path::toString)
                    .filter(name -> name.endsWith(".class") && !name.contains("package-info"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .map(ReplicatedStateTest::load)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ReplicatedStateTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
