package org.reprolab.kernel.protocol;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonDeserializationContext;
import com.google.gson.JsonDeserializer;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dflib.jjava.jupyter.kernel.ExpressionValue;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.KernelTimestamp;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.ReplyType;
import org.dflib.jjava.jupyter.messages.adapters.ExpressionValueAdapter;
import org.dflib.jjava.jupyter.messages.adapters.HeaderAdapter;
import org.dflib.jjava.jupyter.messages.adapters.HistoryEntryAdapter;
import org.dflib.jjava.jupyter.messages.adapters.HistoryRequestAdapter;
import org.dflib.jjava.jupyter.messages.adapters.KernelTimestampAdapter;
import org.dflib.jjava.jupyter.messages.adapters.MessageTypeAdapter;
import org.dflib.jjava.jupyter.messages.adapters.PublishStatusAdapter;
import org.dflib.jjava.jupyter.messages.adapters.ReplyTypeAdapter;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;

/**
 * Turns the frames of one incoming message into jjava's {@link Message}, or says why not ({@link BadMessage}):
 * framing first, then the signature (a wrongly signed message is never parsed), then the JSON. Parsing is
 * jjava-jupyter's (its own Gson adapters, as in {@code JupyterSocket.readMessage}), except that an
 * execute_request gets the protocol's defaults for missing fields ({@code store_history}, {@code allow_stdin}
 * and {@code stop_on_error} are true) and its flags must be JSON booleans, its code and expressions not
 * objects or arrays.
 */
final class MessageCodec {

    private static final Gson REPLY_GSON = new GsonBuilder()
            .registerTypeAdapter(HistoryEntry.class, HistoryEntryAdapter.INSTANCE)
            .registerTypeAdapter(ExpressionValue.class, ExpressionValueAdapter.INSTANCE)
            .create();
    private static final Gson GSON = new GsonBuilder()
            .registerTypeAdapter(KernelTimestamp.class, KernelTimestampAdapter.INSTANCE)
            .registerTypeAdapter(Header.class, HeaderAdapter.INSTANCE)
            .registerTypeAdapter(MessageType.class, MessageTypeAdapter.INSTANCE)
            .registerTypeAdapter(PublishStatus.class, PublishStatusAdapter.INSTANCE)
            .registerTypeAdapter(HistoryRequest.class, HistoryRequestAdapter.INSTANCE)
            .registerTypeAdapter(ExecuteRequest.class, new ExecuteRequestAdapter())
            .registerTypeHierarchyAdapter(ReplyType.class, new ReplyTypeAdapter(REPLY_GSON))
            .create();
    private static final Type MAP = new TypeToken<Map<String, Object>>() { }.getType();

    /**
     * A decoded message.
     *
     * @param message the message, as jjava's handlers take it
     * @param type its msg_type as sent (jjava maps unknown ones to {@code none})
     */
    record Incoming(Message<?> message, String type) { }

    private final HMACGenerator hmac;

    MessageCodec(HMACGenerator hmac) {
        this.hmac = hmac;
    }

    HMACGenerator hmac() {
        return hmac;
    }

    /** The message in {@code frames}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    Incoming decode(List<byte[]> frames) throws BadMessage {
        WireMessage w = WireMessage.of(frames);
        if (!w.signedBy(hmac)) {
            throw new BadMessage("wrong signature");
        }
        JsonObject header;
        try {
            header = JsonParser.parseString(text(w.header())).getAsJsonObject();
        } catch (RuntimeException | StackOverflowError e) {
            throw new BadMessage("header is not a JSON object: " + problem(e));
        }
        String type = string(header, "msg_type");
        String id = string(header, "msg_id");
        if (type == null || id == null) {
            throw new BadMessage("header has no msg_type or msg_id string");
        }
        try {
            Header<?> h = GSON.fromJson(header, Header.class);
            JsonElement parentJson = JsonParser.parseString(text(w.parent()));
            Header<?> parent = parentJson.isJsonObject() && !parentJson.getAsJsonObject().isEmpty()
                    ? GSON.fromJson(parentJson, Header.class) : null;
            Map<String, Object> metadata = GSON.fromJson(text(w.metadata()), MAP);
            Object content = GSON.fromJson(text(w.content()), h.getType().getContentType());
            return new Incoming(new Message(w.identities(), h, parent, metadata, content, w.buffers()), type);
        } catch (RuntimeException | StackOverflowError e) {
            String session = string(header, "session");
            BadMessage.Request request = type.endsWith("_request")
                    ? new BadMessage.Request(w.identities(), w.header(), session == null ? "" : session, type) : null;
            throw new BadMessage(type + " " + id + " does not parse: " + problem(e), request);
        }
    }

    private static String text(byte[] json) {
        return new String(json, StandardCharsets.UTF_8);
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString() ? e.getAsString() : null;
    }

    private static String problem(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    /** execute_request content with the protocol's defaults, and its fields with their JSON types. */
    static final class ExecuteRequestAdapter implements JsonDeserializer<ExecuteRequest> {
        @Override
        public ExecuteRequest deserialize(JsonElement json, Type type, JsonDeserializationContext ctx) {
            if (!json.isJsonObject()) {
                throw new JsonParseException("content is not a JSON object");
            }
            JsonObject o = json.getAsJsonObject();
            boolean silent = bool(o, "silent", false);
            return new ExecuteRequest(code(o), silent, bool(o, "store_history", !silent), expressions(o),
                    bool(o, "allow_stdin", true), bool(o, "stop_on_error", true));
        }

        private static String code(JsonObject o) {
            JsonElement e = o.get("code");
            if (e == null || e.isJsonNull()) {
                return "";
            }
            if (!e.isJsonPrimitive()) {
                throw new JsonParseException("code is not a string");
            }
            return e.getAsString();
        }

        private static boolean bool(JsonObject o, String key, boolean fallback) {
            JsonElement e = o.get(key);
            if (e == null || e.isJsonNull()) {
                return fallback;
            }
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
                throw new JsonParseException(key + " is not a boolean");
            }
            return e.getAsBoolean();
        }

        private static Map<String, String> expressions(JsonObject o) {
            JsonElement e = o.get("user_expressions");
            Map<String, String> out = new LinkedHashMap<>();
            if (e == null || e.isJsonNull()) {
                return out;
            }
            if (!e.isJsonObject()) {
                throw new JsonParseException("user_expressions is not an object");
            }
            for (Map.Entry<String, JsonElement> x : e.getAsJsonObject().entrySet()) {
                if (!x.getValue().isJsonPrimitive()) {
                    throw new JsonParseException("user_expressions['" + x.getKey() + "'] is not a string");
                }
                out.put(x.getKey(), x.getValue().getAsString());
            }
            return out;
        }
    }
}
