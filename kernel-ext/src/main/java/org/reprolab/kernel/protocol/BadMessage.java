package org.reprolab.kernel.protocol;

import java.util.List;

/**
 * A message the kernel drops: not framed as the protocol says, wrongly signed, or not parseable. When it is
 * correctly signed and its header names a request ({@code *_request}) and its id, {@link #request} says whom
 * an error reply would go to; a wrongly signed message never gets one.
 */
final class BadMessage extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * A request that can be answered although it did not parse.
     *
     * @param identities its routing frames
     * @param header its header, as received (the reply's parent header)
     * @param session its session id, or empty
     * @param type its msg_type, e.g. {@code execute_request}
     */
    record Request(List<byte[]> identities, byte[] header, String session, String type) {
        /** The msg_type of its reply: {@code execute_request} is answered by {@code execute_reply}. */
        String replyType() {
            return type.substring(0, type.length() - "_request".length()) + "_reply";
        }
    }

    private final transient Request request;

    BadMessage(String reason) {
        this(reason, null);
    }

    BadMessage(String reason, Request request) {
        super(reason, null, false, false);
        this.request = request;
    }

    /** The request to answer with an error reply, or null when none can be sent. */
    Request request() {
        return request;
    }
}
