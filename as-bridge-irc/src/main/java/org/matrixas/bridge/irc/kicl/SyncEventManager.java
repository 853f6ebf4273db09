package org.matrixas.bridge.irc.kicl;

import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.kitteh.irc.client.library.feature.EventManager;
import org.kitteh.irc.client.library.feature.filter.CommandFilter;
import org.kitteh.irc.client.library.feature.filter.EchoMessage;
import org.kitteh.irc.client.library.feature.filter.FilterProcessor;
import org.kitteh.irc.client.library.feature.filter.NumericFilter;
import org.kitteh.irc.client.library.feature.filter.ToSelfOnly;
import org.matrixas.bridge.irc.kicl.HandlerMethods.HandlerMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An event manager that calls {@code @Handler} methods on the thread that raises the event (KICL's input
 * processor), in priority order, honouring KICL's filter annotations ({@code @CommandFilter},
 * {@code @NumericFilter}, ...). KICL's default (MBassador) starts two dispatcher threads per client and keeps
 * tens of kilobytes of subscription objects per client; here a client holds one small entry per handler and the
 * reflection is shared ({@link HandlerMethods}). A failing handler is logged and the others still run.
 */
final class SyncEventManager implements EventManager {
    private static final Logger LOG = LoggerFactory.getLogger(SyncEventManager.class);
    private final String clientName;
    private final Map<Class<? extends Annotation>, FilterProcessor<?, ? extends Annotation>> filters =
            new ConcurrentHashMap<>(4);
    private final Set<Object> listeners = ConcurrentHashMap.newKeySet();
    private volatile List<Bound> handlers = List.of();

    private record Bound(Object listener, HandlerMethod handler) {
    }

    SyncEventManager(String clientName) {
        this.clientName = clientName;
        registerAnnotationFilter(CommandFilter.class, new CommandFilter.Processor());
        registerAnnotationFilter(EchoMessage.class, new EchoMessage.Processor());
        registerAnnotationFilter(NumericFilter.class, new NumericFilter.Processor());
        registerAnnotationFilter(ToSelfOnly.class, new ToSelfOnly.Processor());
    }

    @Override
    public void callEvent(Object event) {
        for (Bound b : handlers) {
            if (b.handler.accepts(event) && passesFilters(b.handler, event)) {
                invoke(b, event);
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private boolean passesFilters(HandlerMethod handler, Object event) {
        for (Map.Entry<Class<? extends Annotation>, FilterProcessor<?, ? extends Annotation>> f : filters.entrySet()) {
            Annotation[] annotations = handler.annotationsOf(f.getKey());
            if (annotations.length > 0 && !((FilterProcessor) f.getValue()).accepts(event, annotations)) {
                return false;
            }
        }
        return true;
    }

    private void invoke(Bound b, Object event) {
        try {
            b.handler.method().invoke(b.listener, event);
        } catch (InvocationTargetException e) {
            LOG.warn("[{}] IRC event handler {} failed on {}", clientName, b.handler.method().getName(),
                    event.getClass().getSimpleName(), e.getCause());
        } catch (IllegalAccessException e) {
            LOG.warn("[{}] IRC event handler {} is not accessible", clientName, b.handler.method(), e);
        }
    }

    @Override
    public Set<Object> getRegisteredEventListeners() {
        return Set.copyOf(listeners);
    }

    @Override
    public Map<Class<? extends Annotation>, FilterProcessor<?, ? extends Annotation>> getAnnotationFilters() {
        return Map.copyOf(filters);
    }

    @Override
    public <A extends Annotation> void registerAnnotationFilter(Class<A> annotation, FilterProcessor<?, A> processor) {
        filters.put(annotation, processor);
    }

    @Override
    public synchronized void registerEventListener(Object listener) {
        if (!listeners.add(listener)) {
            return;
        }
        List<Bound> next = new ArrayList<>(handlers);
        HandlerMethods.of(listener.getClass()).forEach(h -> next.add(new Bound(listener, h)));
        next.sort(Comparator.comparingInt((Bound b) -> b.handler.priority()).reversed());
        handlers = List.copyOf(next);
    }

    @Override
    public synchronized void unregisterEventListener(Object listener) {
        if (listeners.remove(listener)) {
            handlers = handlers.stream().filter(b -> b.listener != listener).toList();
        }
    }
}
