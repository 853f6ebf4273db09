package org.matrixas.bridge.irc.kicl;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Decodes each IRC line as UTF-8 and, when it is not valid UTF-8, with the network's fallback charset
 * ({@code encoding_fallback}, e.g. windows-1252), so {@code caf\xe9} from an old client arrives as {@code café}
 * instead of {@code caf\uFFFD}. It takes the place of KICL's UTF-8 {@code StringDecoder} in the pipeline, right
 * after the line splitter. A byte the fallback does not define either (windows-1252 leaves five undefined) is
 * read as ISO-8859-1, which defines them all: no line ever holds U+FFFD that was not sent as one.
 */
public final class FallbackLineDecoder extends MessageToMessageDecoder<ByteBuf> {
    /** The name of KICL's string decoder, which this one replaces. */
    static final String KICL_STRING_DECODER = "[INPUT] String decoder";
    static final String NAME = "[INPUT] UTF-8 or fallback decoder";
    private final Charset fallback;

    FallbackLineDecoder(Charset fallback) {
        this.fallback = Objects.requireNonNull(fallback, "fallback is null");
    }

    /** A pipeline hook (see {@link KiclParts#apply}) that puts this decoder in place of KICL's. */
    public static Consumer<Channel> hook(Charset fallback) {
        // Checked here, not on the event loop when the first connection is built.
        Objects.requireNonNull(fallback, "fallback is null");
        return ch -> ch.pipeline().replace(KICL_STRING_DECODER, NAME, new FallbackLineDecoder(fallback));
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf line, List<Object> out) {
        out.add(decode(line.nioBuffer(), fallback));
    }

    /** {@code line} as UTF-8 if it is valid UTF-8, else in {@code fallback} (or ISO-8859-1 where that fails). */
    static String decode(ByteBuffer line, Charset fallback) {
        String text = strict(line.duplicate(), StandardCharsets.UTF_8);
        if (text == null) {
            text = strict(line.duplicate(), fallback);
        }
        return text != null ? text : StandardCharsets.ISO_8859_1.decode(line.duplicate()).toString();
    }

    private static String strict(ByteBuffer bytes, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
