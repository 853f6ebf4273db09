package org.matrixas.bridge.irc.irc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.codec.DecoderException;
import java.io.IOException;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class DisconnectReasonTest {

    @Test
    void of_noCause_isClosed() {
        assertEquals("closed", DisconnectReason.of(Optional.empty()));
    }

    @Test
    void of_ioError_isItsMessage() {
        assertEquals("Connection reset", DisconnectReason.of(Optional.of(new IOException("Connection reset"))));
    }

    @Test
    void of_messageless_isTheExceptionType() {
        assertEquals("java.io.IOException", DisconnectReason.of(new IOException()));
    }

    @Test
    void of_wrappedHandshakeFailure_namesTlsAndTheTrustSetting() {
        String reason = DisconnectReason.of(
                new DecoderException(new SSLHandshakeException("PKIX path building failed")));
        assertTrue(reason.startsWith("TLS handshake failed: PKIX path building failed;"), reason);
        assertTrue(reason.contains("networks[].tls_ca_file"), reason);
        assertTrue(reason.contains("host"), reason);
    }
}
