package org.airindex.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Headless Chromium (Debian's {@code chromium}) with one page, driven over the DevTools protocol, for tests
 * that look at a file as a browser renders it. One screenshot pixel is one CSS pixel. Chromium writes outside
 * its profile too (crash reports under ~/.config, dconf under ~/.cache, a socket folder in /tmp), so its HOME
 * and TMPDIR are also in its temporary folder, which goes with the browser on close.
 */
public final class HeadlessChromium implements AutoCloseable {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** Chromium starts in a second or two, but the machine may be loaded. */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP = Duration.ofSeconds(10);

    private final Path home;
    private final Process process;
    private DevToolsSocket devTools;
    private String page;
    private int document;

    /** A font that drew some of a node's text, as {@code CSS.getPlatformFontsForNode} reports it. */
    public record PlatformFont(String familyName, String postScriptName, boolean custom, int glyphCount) {
    }

    private HeadlessChromium(Path home, Process process) {
        this.home = home;
        this.process = process;
    }

    public static HeadlessChromium start() throws IOException, InterruptedException {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException("headless Chromium is missing (" + CHROMIUM
                    + "): install it with apt-get install -y chromium (jobs/test.sh does)");
        }
        Path home = Files.createTempDirectory("airindex-chromium-");
        Path profile = Files.createDirectories(home.resolve("profile"));
        ProcessBuilder b = new ProcessBuilder(CHROMIUM.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--remote-debugging-port=0", "--user-data-dir=" + profile, "--no-first-run", "--hide-scrollbars",
                "--window-size=1280,1024", "--force-device-scale-factor=1", "about:blank");
        b.environment().put("HOME", home.toString());
        b.environment().put("TMPDIR", Files.createDirectories(home.resolve("tmp")).toString());
        b.redirectErrorStream(true).redirectOutput(home.resolve("chromium.log").toFile());
        HeadlessChromium chromium;
        try {
            chromium = new HeadlessChromium(home, b.start());
        } catch (IOException e) {
            delete(home);
            throw e;
        }
        try {
            chromium.connect(profile.resolve("DevToolsActivePort"));
            return chromium;
        } catch (IOException | RuntimeException | InterruptedException e) {
            String log = chromium.logTail();
            chromium.close();
            throw new IOException("headless Chromium did not start: " + e.getMessage() + "\nits log ends:\n" + log, e);
        }
    }

    /** Chromium picks a free port and writes it, with the browser's WebSocket path, into its profile. */
    private void connect(Path activePort) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        List<String> lines = List.of();
        while (lines.size() < 2) {
            if (!process.isAlive()) {
                throw new IOException("chromium exited with status " + process.exitValue());
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("no " + activePort + " within " + TIMEOUT.toSeconds() + " s");
            }
            Thread.sleep(100);
            if (Files.exists(activePort)) {
                lines = Files.readAllLines(activePort);
            }
        }
        devTools = DevToolsSocket.connect(URI.create("ws://127.0.0.1:" + lines.get(0).trim() + lines.get(1).trim()),
                TIMEOUT);
        String target = devTools.send(null, "Target.createTarget", devTools.params().put("url", "about:blank"))
                .path("targetId").asText();
        page = devTools.send(null, "Target.attachToTarget", devTools.params().put("targetId", target)
                .put("flatten", true)).path("sessionId").asText();
        send("Page.enable", devTools.params());
        // The CSS domain answers only for nodes the DOM domain has handed out.
        send("DOM.enable", devTools.params());
        send("CSS.enable", devTools.params());
    }

    /** Opens the file and waits for its load event (its images loaded) and for its fonts. */
    public void open(Path file) throws IOException {
        CompletableFuture<JsonNode> loaded = devTools.event(page, "Page.loadEventFired");
        JsonNode navigated = send("Page.navigate", devTools.params().put("url", file.toUri().toString()));
        if (navigated.has("errorText")) {
            throw new IOException("Chromium cannot open " + file + ": " + navigated.get("errorText").asText());
        }
        devTools.await(loaded, "loading " + file);
        evaluate("document.fonts.ready.then(() => true)");
        document = send("DOM.getDocument", devTools.params().put("depth", 0)).path("root").path("nodeId").asInt();
    }

    /** The value of a JavaScript expression in the page, a promise awaited; an exception in it fails. */
    public JsonNode evaluate(String expression) throws IOException {
        JsonNode r = send("Runtime.evaluate", devTools.params().put("expression", expression)
                .put("returnByValue", true).put("awaitPromise", true));
        if (r.has("exceptionDetails")) {
            throw new IOException("JavaScript failed: " + expression + ": " + r.get("exceptionDetails"));
        }
        return r.path("result").path("value");
    }

    /** The DevTools ids of the page's elements that match a CSS selector, in document order. */
    public List<Integer> nodes(String selector) throws IOException {
        List<Integer> ids = new ArrayList<>();
        send("DOM.querySelectorAll", devTools.params().put("nodeId", document).put("selector", selector))
                .path("nodeIds").forEach(id -> ids.add(id.asInt()));
        return ids;
    }

    public String text(int node) throws IOException {
        String object = send("DOM.resolveNode", devTools.params().put("nodeId", node)).path("object")
                .path("objectId").asText();
        return send("Runtime.callFunctionOn", devTools.params().put("objectId", object)
                .put("functionDeclaration", "function() { return this.textContent; }").put("returnByValue", true))
                .path("result").path("value").asText();
    }

    /** The fonts that drew the node's own text, each with the number of glyphs it drew. */
    public List<PlatformFont> platformFonts(int node) throws IOException {
        List<PlatformFont> fonts = new ArrayList<>();
        for (JsonNode f : send("CSS.getPlatformFontsForNode", devTools.params().put("nodeId", node)).path("fonts")) {
            fonts.add(new PlatformFont(f.path("familyName").asText(), f.path("postScriptName").asText(),
                    f.path("isCustomFont").asBoolean(), f.path("glyphCount").asInt()));
        }
        return fonts;
    }

    /** A PNG of the whole page, not only of the window: its width and height are the page's in CSS pixels. */
    public byte[] screenshot() throws IOException {
        JsonNode size = send("Page.getLayoutMetrics", devTools.params()).path("cssContentSize");
        ObjectNode params = devTools.params().put("format", "png").put("captureBeyondViewport", true);
        params.putObject("clip").put("x", 0).put("y", 0).put("width", size.path("width").asDouble())
                .put("height", size.path("height").asDouble()).put("scale", 1);
        return Base64.getDecoder().decode(send("Page.captureScreenshot", params).path("data").asText());
    }

    private JsonNode send(String method, ObjectNode params) throws IOException {
        return devTools.send(page, method, params);
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(home.resolve("chromium.log"), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Closes the browser as a user would, so that it cleans up after itself; it is killed only if it hangs. */
    @Override
    public void close() {
        // Its renderers and zygotes are orphaned, no longer its descendants, once it has exited.
        List<ProcessHandle> spawned = process.descendants().toList();
        if (devTools != null) {
            try {
                devTools.send(null, "Browser.close", devTools.params());
            } catch (IOException closedFirst) {
                // It may drop the connection before it answers.
            }
            devTools.close();
        }
        stop(process.toHandle());
        spawned.forEach(HeadlessChromium::stop);
        delete(home);
    }

    private static void stop(ProcessHandle p) {
        if (exited(p)) {
            return;
        }
        p.destroy();
        if (!exited(p)) {
            p.destroyForcibly();
            exited(p);
        }
    }

    private static boolean exited(ProcessHandle p) {
        try {
            p.onExit().get(STOP.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException stillRunning) {
            return !p.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !p.isAlive();
        }
    }

    /** Retried, because a process of the browser may still be writing there for a moment after it exits. */
    private static void delete(Path dir) {
        IOException failure = null;
        for (int attempt = 0; attempt < 10 && Files.exists(dir); attempt++) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            } catch (IOException | UncheckedIOException e) {
                failure = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
                try {
                    Thread.sleep(200);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        if (Files.exists(dir)) {
            throw new UncheckedIOException(new IOException("cannot delete Chromium's folder " + dir, failure));
        }
    }
}
