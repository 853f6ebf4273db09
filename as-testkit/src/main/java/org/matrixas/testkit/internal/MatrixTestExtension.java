package org.matrixas.testkit.internal;

import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.matrixas.testkit.MatrixTest;
import org.matrixas.testkit.TestBridge;
import org.matrixas.testkit.TestHomeserver;
import org.matrixas.testkit.TestIrc;

/**
 * The JUnit 5 extension behind {@link MatrixTest}: resolves {@link TestHomeserver}, {@link TestIrc} and
 * {@link TestBridge} parameters of test methods, starting one {@link Kit} per test method on first use.
 */
public final class MatrixTestExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MatrixTestExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == TestHomeserver.class || type == TestIrc.class || type == TestBridge.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (context.getTestMethod().isEmpty()) {
            throw new ParameterResolutionException("@MatrixTest servers are per test method; declare them as test method parameters");
        }
        Kit kit = context.getStore(NAMESPACE).getOrComputeIfAbsent("kit", k -> new Kit(settings(context)), Kit.class);
        Class<?> type = parameter.getParameter().getType();
        Object value = type == TestHomeserver.class ? kit.homeserver() : type == TestIrc.class ? kit.irc() : kit.bridge();
        if (value == null) {
            throw new ParameterResolutionException("this @MatrixTest starts no " + type.getSimpleName()
                    + (type == TestIrc.class ? ": set irc" : ": set bridge = true and irc"));
        }
        return value;
    }

    private static MatrixTest settings(ExtensionContext context) {
        return find(context.getElement()).or(() -> context.getTestClass().flatMap(MatrixTestExtension::findOnClass))
                .orElseThrow(() -> new ParameterResolutionException("no @MatrixTest on the test method or class"));
    }

    private static Optional<MatrixTest> findOnClass(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            Optional<MatrixTest> found = AnnotationSupport.findAnnotation(c, MatrixTest.class);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<MatrixTest> find(Optional<AnnotatedElement> element) {
        return element.flatMap(e -> AnnotationSupport.findAnnotation(e, MatrixTest.class));
    }
}
