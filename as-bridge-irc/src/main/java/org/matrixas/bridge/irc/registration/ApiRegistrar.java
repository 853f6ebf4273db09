package org.matrixas.bridge.irc.registration;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.matrixas.bridge.irc.config.BridgeConfig;
import org.matrixas.bridge.irc.mapping.Mappings;
import org.matrixas.bridge.irc.runtime.Backoff;
import org.matrixas.bridge.irc.runtime.Timeouts;
import org.matrixas.protocol.client.HomeserverClient;
import org.matrixas.protocol.error.MatrixException;
import org.matrixas.protocol.registration.RegisterRequest;
import org.matrixas.protocol.registration.RegisterResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 1 of the draft: {@code POST /_matrix/appservice/v1/register} with the {@code as_token}, the URL and the
 * namespaces, retried with back-off until the homeserver answers with an {@code hs_token}.
 */
@Singleton
public final class ApiRegistrar implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiRegistrar.class);
    private final BridgeConfig config;
    private final Mappings mappings;
    private final Backoff backoff;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bridge-registrar");
        t.setDaemon(true);
        return t;
    });

    @Inject
    ApiRegistrar(BridgeConfig config, Mappings mappings, Timeouts timeouts) {
        this.config = config;
        this.mappings = mappings;
        this.backoff = new Backoff(timeouts.registerInitial(), timeouts.registerMax());
    }

    /** Registers in the background; {@code onToken} gets the {@code hs_token} once the homeserver accepted. */
    public void start(String url, Consumer<String> onToken) {
        scheduler.execute(() -> attempt(url, onToken));
    }

    private void attempt(String url, Consumer<String> onToken) {
        HomeserverClient hs = HomeserverClient.anonymous(config.homeserver().url());
        try {
            RegisterResponse r = hs.registerAppService(new RegisterRequest(url, config.appservice().asToken(),
                    mappings.namespaces(), config.appservice().id(), config.appservice().senderLocalpart()));
            if (r.hsToken() == null || r.hsToken().isBlank()) {
                throw new IllegalStateException("the homeserver answered without an hs_token");
            }
            LOG.info("registered with {} as {}", config.homeserver().url(), url);
            onToken.accept(r.hsToken());
        } catch (MatrixException | IllegalStateException e) {
            Duration delay = backoff.next();
            LOG.warn("registering with {} failed ({}); retrying in {} ms", config.homeserver().url(), e.getMessage(),
                    delay.toMillis());
            try {
                scheduler.schedule(() -> attempt(url, onToken), delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopped) {
                LOG.debug("registrar stopped; no more attempts");
            }
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
