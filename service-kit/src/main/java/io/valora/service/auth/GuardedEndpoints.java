package io.valora.service.auth;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the JAX-RS resource methods of a package that state no access rule: neither
 * {@code @RolesAllowed}, {@code @PermitAll} nor {@code @DenyAll}, on the method or its class. A
 * service's test asserts the list is empty, so no endpoint is open (or closed) by omission;
 * {@code quarkus.security.jaxrs.deny-unannotated-endpoints} denies such a method at run time too.
 */
public final class GuardedEndpoints {

    private static final List<Class<? extends Annotation>> HTTP_METHODS =
            List.of(GET.class, POST.class, PUT.class, DELETE.class, PATCH.class, HEAD.class, OPTIONS.class, Path.class);
    private static final List<Class<? extends Annotation>> RULES = List.of(RolesAllowed.class, PermitAll.class, DenyAll.class);

    private GuardedEndpoints() {
    }

    /** The resource methods found under {@code packageName} (compiled classes on the class path). */
    public static List<Method> resourceMethods(String packageName) {
        List<Method> methods = new ArrayList<>();
        for (Class<?> type : classes(packageName)) {
            for (Method method : type.getDeclaredMethods()) {
                if (HTTP_METHODS.stream().anyMatch(method::isAnnotationPresent)) {
                    methods.add(method);
                }
            }
        }
        return methods;
    }

    /** {@code Class#method} of every resource method under {@code packageName} without an access rule. */
    public static List<String> unguarded(String packageName) {
        return resourceMethods(packageName).stream()
                .filter(m -> RULES.stream().noneMatch(r -> m.isAnnotationPresent(r) || m.getDeclaringClass().isAnnotationPresent(r)))
                .map(m -> m.getDeclaringClass().getName() + "#" + m.getName())
                .sorted().toList();
    }

    private static List<Class<?>> classes(String packageName) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        List<Class<?>> found = new ArrayList<>();
        try {
            for (URL root : Collections.list(loader.getResources(packageName.replace('.', '/')))) {
                if (!"file".equals(root.getProtocol())) {
                    continue;
                }
                java.nio.file.Path dir = Paths.get(root.toURI());
                try (Stream<java.nio.file.Path> files = Files.walk(dir)) {
                    for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                        String relative = dir.relativize(file).toString().replace(java.io.File.separatorChar, '.');
                        String name = packageName + "." + relative.substring(0, relative.length() - ".class".length());
                        found.add(Class.forName(name, false, loader));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot list the classes of " + packageName, e);
        }
        return found;
    }
}
