package org.airindex.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Chrome DevTools Protocol over one WebSocket to the browser: commands answered by id, events awaited by
 * name; a page's commands and events carry the session id of {@code Target.attachToTarget} (flat mode).
 */
final class DevToolsSocket implements WebSocket.Listener, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> answers = new ConcurrentHashMap<>();
    private final List<Awaited> events = new CopyOnWriteArrayList<>();
    private final StringBuilder message = new StringBuilder();
    private final Duration timeout;
    private WebSocket socket;

    private record Awaited(String session, String method, CompletableFuture<JsonNode> params) {
    }

    private DevToolsSocket(Duration timeout) {
        this.timeout = timeout;
    }

    static DevToolsSocket connect(URI url, Duration timeout) throws IOException {
        DevToolsSocket d = new DevToolsSocket(timeout);
        d.socket = await(HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(timeout)
                .buildAsync(url, d), timeout, "connecting to " + url);
        return d;
    }

    ObjectNode params() {
        return JSON.createObjectNode();
    }

    /** Runs a command of the browser (session null) or of a page and returns its result. */
    JsonNode send(String session, String method, ObjectNode params) throws IOException {
        int id = ids.incrementAndGet();
        ObjectNode command = JSON.createObjectNode().put("id", id).put("method", method);
        command.set("params", params);
        if (session != null) {
            command.put("sessionId", session);
        }
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        answers.put(id, answer);
        try {
            // The WebSocket client allows one outstanding send at a time.
            synchronized (this) {
                await(socket.sendText(JSON.writeValueAsString(command), true), timeout, "sending " + method);
            }
            JsonNode reply = await(answer, timeout, method);
            if (reply.has("error")) {
                throw new IOException(method + " failed: " + reply.get("error"));
            }
            return reply.path("result");
        } finally {
            answers.remove(id);
        }
    }

    /** An event still to come; ask for it before the command that causes it, so it cannot be missed. */
    CompletableFuture<JsonNode> event(String session, String method) {
        CompletableFuture<JsonNode> params = new CompletableFuture<>();
        events.add(new Awaited(session, method, params));
        return params;
    }

    <T> T await(CompletableFuture<T> future, String what) throws IOException {
        return await(future, timeout, what);
    }

    private static <T> T await(CompletableFuture<T> future, Duration timeout, String what) throws IOException {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IOException("Chromium did not answer within " + timeout.toSeconds() + " s: " + what, e);
        } catch (ExecutionException e) {
            throw new IOException("Chromium: " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + what, e);
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence part, boolean last) {
        message.append(part);
        if (last) {
            String text = message.toString();
            message.setLength(0);
            dispatch(text);
        }
        webSocket.request(1);
        return null;
    }

    private void dispatch(String text) {
        JsonNode m;
        try {
            m = JSON.readTree(text);
        } catch (IOException e) {
            fail(new IOException("not JSON from Chromium: " + text, e));
            return;
        }
        if (m.has("id")) {
            CompletableFuture<JsonNode> answer = answers.get(m.get("id").asInt());
            if (answer != null) {
                answer.complete(m);
            }
            return;
        }
        String session = m.path("sessionId").isMissingNode() ? null : m.get("sessionId").asText();
        for (Awaited a : events) {
            if (a.method().equals(m.path("method").asText()) && Objects.equals(a.session(), session)) {
                events.remove(a);
                a.params().complete(m.path("params"));
            }
        }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        fail(new IOException("Chromium closed the DevTools connection (" + statusCode + " " + reason + ")"));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        fail(error);
    }

    /** Whatever is still awaited fails at once rather than at its timeout. */
    private void fail(Throwable error) {
        answers.values().forEach(a -> a.completeExceptionally(error));
        events.forEach(e -> e.params().completeExceptionally(error));
        events.clear();
    }

    @Override
    public void close() {
        socket.abort();
    }
}
