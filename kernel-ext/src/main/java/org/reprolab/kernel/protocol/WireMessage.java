package org.reprolab.kernel.protocol;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.zeromq.ZMQ;

/**
 * One Jupyter message as ZeroMQ frames (wire protocol v5): routing identities, the {@code <IDS|MSG>} delimiter,
 * the HMAC signature, header, parent header, metadata, content, then any buffers. Nothing is parsed here: a
 * message is split and its signature checked before a byte of its JSON is read.
 *
 * @param identities routing frames before the delimiter
 * @param signature hex HMAC of the next four parts (empty when the connection has no key)
 * @param header the header JSON
 * @param parent the parent header JSON
 * @param metadata the metadata JSON
 * @param content the content JSON
 * @param buffers extra binary frames
 */
record WireMessage(List<byte[]> identities, byte[] signature, byte[] header, byte[] parent, byte[] metadata,
        byte[] content, List<byte[]> buffers) {

    static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.US_ASCII);

    /** Splits the frames of one message; {@link BadMessage} when there is no delimiter or too few frames. */
    static WireMessage of(List<byte[]> frames) throws BadMessage {
        int d = 0;
        while (d < frames.size() && !Arrays.equals(frames.get(d), DELIMITER)) {
            d++;
        }
        if (d == frames.size()) {
            throw new BadMessage("no <IDS|MSG> delimiter among its " + frames.size() + " frames");
        }
        int parts = frames.size() - d - 1;
        if (parts < 5) {
            throw new BadMessage(parts + " frames after the delimiter, 5 needed (signature, header, parent header, "
                    + "metadata, content)");
        }
        return new WireMessage(List.copyOf(frames.subList(0, d)), frames.get(d + 1), frames.get(d + 2),
                frames.get(d + 3), frames.get(d + 4), frames.get(d + 5), List.copyOf(frames.subList(d + 6,
                        frames.size())));
    }

    /** Whether the signature is {@code hmac}'s over header, parent, metadata and content (constant-time check). */
    boolean signedBy(HMACGenerator hmac) {
        byte[] expected = hmac.calculateSignature(header, parent, metadata, content)
                .getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature);
    }

    /**
     * Sends a message from its JSON parts, signed with {@code hmac}, with empty metadata. The lock is the
     * socket's own, the one jjava's {@code JupyterSocket.sendMessage} holds, so frames of two messages never mix.
     */
    static void send(ZMQ.Socket socket, HMACGenerator hmac, List<byte[]> identities, byte[] header, byte[] parent,
            byte[] content) {
        String signature = hmac.calculateSignature(header, parent, EMPTY_OBJECT, content);
        synchronized (socket) {
            identities.forEach(socket::sendMore);
            socket.sendMore(DELIMITER);
            socket.sendMore(signature.getBytes(StandardCharsets.US_ASCII));
            socket.sendMore(header);
            socket.sendMore(parent);
            socket.sendMore(EMPTY_OBJECT);
            socket.send(content);
        }
    }
}
