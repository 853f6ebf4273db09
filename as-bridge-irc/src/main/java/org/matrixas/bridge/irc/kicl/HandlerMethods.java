package org.matrixas.bridge.irc.kicl;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.engio.mbassy.listener.Handler;

/**
 * The {@code @Handler} methods of a listener class, found once per class and shared by every client: with
 * thousands of clients registering the same KICL listeners, per-client reflection and subscription objects
 * (what MBassador keeps) would dominate each connection's heap.
 */
final class HandlerMethods {
    private static final ClassValue<List<HandlerMethod>> BY_CLASS = new ClassValue<>() {
        @Override
        protected List<HandlerMethod> computeValue(Class<?> type) {
            return scan(type);
        }
    };

    private HandlerMethods() {
    }

    /** One handler: the method, the event type it takes, and its filter annotations by type (filled lazily). */
    record HandlerMethod(Method method, Class<?> eventType, int priority, boolean rejectSubtypes,
            Map<Class<? extends Annotation>, Annotation[]> annotations) {

        boolean accepts(Object event) {
            return rejectSubtypes ? event.getClass() == eventType : eventType.isInstance(event);
        }

        Annotation[] annotationsOf(Class<? extends Annotation> type) {
            return annotations.computeIfAbsent(type, method::getAnnotationsByType);
        }
    }

    static List<HandlerMethod> of(Class<?> listenerType) {
        return BY_CLASS.get(listenerType);
    }

    private static List<HandlerMethod> scan(Class<?> type) {
        List<HandlerMethod> found = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                Handler h = m.getAnnotation(Handler.class);
                String signature = m.getName() + java.util.Arrays.toString(m.getParameterTypes());
                if (h == null || !h.enabled() || m.getParameterCount() != 1 || Modifier.isStatic(m.getModifiers())
                        || seen.contains(signature)) {
                    continue;
                }
                seen.add(signature);
                m.setAccessible(true);
                found.add(new HandlerMethod(m, m.getParameterTypes()[0], h.priority(), h.rejectSubtypes(),
                        new ConcurrentHashMap<>()));
            }
        }
        found.sort(Comparator.comparingInt(HandlerMethod::priority).reversed());
        return List.copyOf(found);
    }
}
