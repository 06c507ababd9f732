package org.airindex.io;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where a secret lives (an environment variable or a file), never the secret itself.
 *
 * <p>Settings travel inside serialized Flink jobs and end up in logs and the web UI; only the reference
 * does, and each task manager reads the value itself when it opens a connection.
 */
public final class SecretRef implements Serializable {

    private static final long serialVersionUID = 1L;

    private enum Kind { ENV, FILE }

    private final Kind kind;
    private final String location;

    private SecretRef(Kind kind, String location) {
        this.kind = kind;
        this.location = Objects.requireNonNull(location, "location");
        if (location.isBlank()) {
            throw new IllegalArgumentException("secret location must not be blank");
        }
    }

    /** The secret is the value of environment variable {@code name}. */
    public static SecretRef env(String name) {
        return new SecretRef(Kind.ENV, name);
    }

    /** The secret is the content of {@code path}, without the trailing line break editors add. */
    public static SecretRef file(Path path) {
        return new SecretRef(Kind.FILE, path.toString());
    }

    /** Reads the secret from the process environment or the file system. */
    public String resolve() {
        return resolve(System.getenv());
    }

    /**
     * Reads the secret, taking environment variables from {@code environment}. A reference that names
     * nothing is a configuration error, so it fails instead of quietly connecting without credentials.
     */
    public String resolve(Map<String, String> environment) {
        if (kind == Kind.ENV) {
            String value = environment.get(location);
            if (value == null || value.isEmpty()) {
                throw new IllegalStateException("environment variable " + location + " is not set");
            }
            return value;
        }
        try {
            String value = Files.readString(Path.of(location), StandardCharsets.UTF_8).replaceFirst("[\\r\\n]+$", "");
            if (value.isEmpty()) {
                throw new IllegalStateException("secret file " + location + " is empty");
            }
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read secret file " + location, e);
        }
    }

    /** Names where the secret lives, which is safe to log; the value is never read here. */
    @Override
    public String toString() {
        return kind == Kind.ENV ? "env:" + location : "file:" + location;
    }
}
