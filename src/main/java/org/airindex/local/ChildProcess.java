package org.airindex.local;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server started as a separate OS process with its output in a log file inside its own work folder.
 *
 * <p>A JVM does not kill its children when it exits, so a shutdown hook does, unless the caller asked to
 * {@link #keep()} the server for use after this JVM is gone.
 */
final class ChildProcess implements AutoCloseable {

    private static final int TAIL_BYTES = 4000;

    private final String name;
    private final List<String> command;
    private Process process;
    private final Path workDir;
    private final Path log;
    private final Thread shutdownHook;
    private boolean kept;
    private boolean closed;

    private ChildProcess(String name, List<String> command, Process process, Path workDir, Path log) {
        this.name = name;
        this.command = List.copyOf(command);
        this.process = process;
        this.workDir = workDir;
        this.log = log;
        this.shutdownHook = new Thread(this::stopAndDelete, name + "-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    static ChildProcess start(String name, List<String> command, Path workDir, Path log) throws IOException {
        return new ChildProcess(name, command, launch(command, workDir, log), workDir, log);
    }

    private static Process launch(List<String> command, Path workDir, Path log) throws IOException {
        return new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    synchronized boolean isAlive() {
        return process.isAlive();
    }

    synchronized long pid() {
        return process.pid();
    }

    /** Stops the server as an outage would (its data and ports stay), to be {@linkplain #startAgain started again}. */
    synchronized void stop() {
        terminate();
    }

    /** Starts the same command again, on the same folder and ports, after {@link #stop()}. */
    synchronized void startAgain() throws IOException {
        if (closed || process.isAlive()) {
            throw new IllegalStateException(name + " is " + (closed ? "closed" : "still running"));
        }
        process = launch(command, workDir, log);
    }

    /** The end of the log, so a start failure explains itself without anyone hunting for the file. */
    String logTail() {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(0, file.length() - TAIL_BYTES);
            byte[] bytes = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(log " + log + " unreadable: " + e.getMessage() + ")";
        }
    }

    /**
     * Leaves the process and its folder in place on {@link #close()} and when this JVM exits, so a
     * try-with-resources caller can still hand the server over to whoever runs next.
     */
    synchronized void keep() {
        if (!kept && !closed) {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
            kept = true;
        }
    }

    @Override
    public synchronized void close() {
        if (closed || kept) {
            return;
        }
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
        stopAndDelete();
    }

    private synchronized void stopAndDelete() {
        if (closed) {
            return;
        }
        closed = true;
        terminate();
        deleteRecursively(workDir);
    }

    /** SIGTERM, then SIGKILL after a grace period. */
    private void terminate() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + name + " folder " + dir, e);
        }
    }
}
