package org.reprolab.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.junit.jupiter.api.Test;

/** Incoming frames: framing, then the signature, then JSON; what can be answered and what is dropped unread. */
class MessageCodecTest {

    private static final String HEADER = "{\"msg_id\":\"m1\",\"username\":\"u\",\"session\":\"s\","
            + "\"date\":\"2026-01-01T00:00:00.000Z\",\"msg_type\":\"%s\",\"version\":\"5.3\"}";

    private final HMACGenerator hmac = hmac("secret");
    private final MessageCodec codec = new MessageCodec(hmac);

    private static HMACGenerator hmac(String key) {
        try {
            return new HMACGenerator("hmac-sha256", key);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<byte[]> frames(HMACGenerator signer, String type, String content) {
        byte[][] parts = {b(String.format(HEADER, type)), b("{}"), b("{}"), b(content)};
        List<byte[]> f = new ArrayList<>(List.of(b("client-id"), WireMessage.DELIMITER,
                b(signer.calculateSignature(parts))));
        f.addAll(List.of(parts));
        return f;
    }

    @Test
    void anExecuteRequestGetsTheProtocolsDefaults() throws Exception {
        MessageCodec.Incoming in = codec.decode(frames(hmac, "execute_request", "{\"code\":\"1 + 1\"}"));
        assertEquals(MessageType.EXECUTE_REQUEST, in.message().getHeader().getType());
        ExecuteRequest r = (ExecuteRequest) in.message().getContent();
        assertEquals("1 + 1", r.getCode());
        assertFalse(r.isSilent());
        assertTrue(r.shouldStoreHistory());
        assertTrue(r.isStdinEnabled());
        assertTrue(r.shouldStopOnError(), "stop_on_error defaults to true, as in the protocol");
        assertEquals("client-id", new String(in.message().getIdentities().get(0), StandardCharsets.UTF_8));
    }

    @Test
    void badFramingAndWrongSignaturesAreDroppedWithoutAReply() {
        List<byte[]> good = frames(hmac, "execute_request", "{\"code\":\"1\"}");
        var noDelimiter = assertThrows(BadMessage.class, () -> codec.decode(good.subList(2, good.size())));
        assertTrue(noDelimiter.getMessage().startsWith("no <IDS|MSG> delimiter"), noDelimiter.getMessage());
        assertThrows(BadMessage.class, () -> codec.decode(good.subList(0, 5)));
        var unsigned = assertThrows(BadMessage.class,
                () -> codec.decode(frames(hmac("other key"), "execute_request", "{\"code\":\"1\"}")));
        assertEquals("wrong signature", unsigned.getMessage());
        assertNull(unsigned.request(), "a wrongly signed message is never answered");
    }

    @Test
    void aSignedRequestThatDoesNotParseCanBeAnswered() {
        for (String content : new String[] {"{nope", "[1, 2]", "{\"code\": {\"a\": 1}}", "{\"silent\": \"yes\"}",
                "[".repeat(100_000) + "]".repeat(100_000)}) {
            var e = assertThrows(BadMessage.class, () -> codec.decode(frames(hmac, "execute_request", content)));
            assertNotNull(e.request(), content);
            assertEquals("execute_reply", e.request().replyType());
            assertEquals("s", e.request().session());
        }
        var notARequest = assertThrows(BadMessage.class, () -> codec.decode(frames(hmac, "comm_msg", "{nope")));
        assertNull(notARequest.request(), "only requests have replies");
    }

    @Test
    void theLogOfAFloodIsAFewLines() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChannelLog log = new ChannelLog("shell", new PrintStream(out, true, StandardCharsets.UTF_8));
        for (int i = 0; i < 10_000; i++) {
            log.log("dropped a message: wrong signature");
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.startsWith("reprolab kernel: shell: dropped a message: wrong signature"), text);
    }
}
