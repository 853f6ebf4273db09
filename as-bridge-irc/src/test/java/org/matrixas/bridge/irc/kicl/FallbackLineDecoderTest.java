package org.matrixas.bridge.irc.kicl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DelimiterBasedFrameDecoder;
import io.netty.handler.codec.string.StringDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FallbackLineDecoderTest {
    private static final Charset CP1252 = Charset.forName("windows-1252");

    private static String decode(byte[] bytes, Charset fallback) {
        return FallbackLineDecoder.decode(ByteBuffer.wrap(bytes), fallback);
    }

    @Test
    void decode_validUtf8_keptAsUtf8() {
        assertEquals("café ✓", decode("café ✓".getBytes(StandardCharsets.UTF_8), CP1252));
    }

    @Test
    void decode_latin1Bytes_readWithFallback() {
        assertEquals(":bob!b@h PRIVMSG #c :café",
                decode(":bob!b@h PRIVMSG #c :caf\u00e9".getBytes(StandardCharsets.ISO_8859_1), CP1252));
        assertEquals("€5", decode(new byte[] {(byte) 0x80, '5'}, CP1252));
        assertEquals("€5", decode(new byte[] {(byte) 0xA4, '5'}, Charset.forName("iso-8859-15")));
    }

    @Test
    void decode_byteTheFallbackLeavesUndefined_readAsLatin1NeverReplacement() {
        String s = decode(new byte[] {'a', (byte) 0x81, (byte) 0xE9}, CP1252);
        assertEquals("a\u0081é", s);
        assertFalse(s.contains("\uFFFD"));
    }

    @Test
    void hook_replacesKiclDecoder_linesDecodedInPipeline() {
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.pipeline().addLast("[INPUT] Line splitter", new DelimiterBasedFrameDecoder(9001,
                Unpooled.wrappedBuffer(new byte[] {'\r', '\n'})));
        ch.pipeline().addLast(FallbackLineDecoder.KICL_STRING_DECODER, new StringDecoder(StandardCharsets.UTF_8));
        FallbackLineDecoder.hook(CP1252).accept(ch);
        ch.writeInbound(Unpooled.wrappedBuffer("caf\u00e9\r\n".getBytes(StandardCharsets.ISO_8859_1)));
        ch.writeInbound(Unpooled.wrappedBuffer("naïve ✓\r\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("café", ch.readInbound());
        assertEquals("naïve ✓", ch.readInbound());
        ch.finishAndReleaseAll();
    }
}
