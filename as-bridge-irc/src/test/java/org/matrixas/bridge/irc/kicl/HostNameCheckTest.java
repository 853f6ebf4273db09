package org.matrixas.bridge.irc.kicl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Test;

class HostNameCheckTest {

    @Test
    void apply_tlsPipeline_turnsOnHttpsIdentification() throws SSLException {
        SslContext context = SslContextBuilder.forClient().build();
        EmbeddedChannel channel = new EmbeddedChannel();
        // As KICL builds it: host and port given (for SNI), no identification algorithm.
        SslHandler ssl = context.newHandler(channel.alloc(), "irc.example.org", 6697);
        channel.pipeline().addFirst(ssl);
        assertNull(ssl.engine().getSSLParameters().getEndpointIdentificationAlgorithm());

        HostNameCheck.apply(channel);

        assertEquals("HTTPS", ssl.engine().getSSLParameters().getEndpointIdentificationAlgorithm());
        assertEquals("irc.example.org", ssl.engine().getPeerHost());
        channel.finishAndReleaseAll();
    }

    @Test
    void apply_plainPipeline_changesNothing() {
        EmbeddedChannel channel = new EmbeddedChannel();
        HostNameCheck.apply(channel);
        assertNull(channel.pipeline().get(SslHandler.class));
        channel.finishAndReleaseAll();
    }
}
