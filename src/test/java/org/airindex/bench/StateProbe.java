package org.airindex.bench;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import com.sun.management.GarbageCollectionNotificationInfo;
import org.apache.flink.runtime.checkpoint.Checkpoints;
import org.apache.flink.runtime.checkpoint.OperatorState;
import org.apache.flink.runtime.checkpoint.metadata.CheckpointMetadata;
import org.apache.flink.runtime.jobgraph.OperatorID;
import org.apache.flink.shaded.guava33.com.google.common.hash.Hashing;

/**
 * What a running job holds: the largest completed checkpoint written under a folder, per operator uid (the
 * bytes a restore reads), and the heap still in use after each garbage collection (the live set), watched
 * while the job runs.
 */
final class StateProbe implements AutoCloseable {
    private final Path checkpoints;
    private final Map<OperatorID, String> uids = new HashMap<>();
    private final Set<Path> seen = new HashSet<>();
    private final Thread poller;
    private final NotificationListener gcListener = this::afterGc;
    private final long heapBefore;
    private volatile boolean stop;
    private volatile long liveHeapPeak;
    private volatile Exception lastFailure;
    private long largestTotal = -1;
    private Map<String, Long> largest = Map.of();

    /** @param uids the job's operator uids: a checkpoint knows its operators by the hash Flink makes of each */
    StateProbe(Path checkpoints, List<String> uids) {
        this.checkpoints = checkpoints;
        for (String uid : uids) {
            this.uids.put(new OperatorID(Hashing.murmur3_128(0).hashString(uid, StandardCharsets.UTF_8).asBytes()), uid);
        }
        System.gc();
        heapBefore = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener(gcListener, null, null);
        }
        poller = new Thread(this::poll, "checkpoint probe");
        poller.setDaemon(true);
        poller.start();
    }

    private void afterGc(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (!pool.getKey().contains("Metaspace") && !pool.getKey().contains("Code") && !pool.getKey().contains("Class")) {
                used += pool.getValue().getUsed();
            }
        }
        liveHeapPeak = Math.max(liveHeapPeak, used);
    }

    private void poll() {
        while (!stop) {
            scan();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
        scan();
    }

    private void scan() {
        try (Stream<Path> metadata = Files.walk(checkpoints)) {
            for (Path m : metadata.filter(p -> p.getFileName().toString().equals("_metadata")).toList()) {
                if (!seen.contains(m)) {
                    read(m);
                    seen.add(m);
                }
            }
        } catch (IOException | RuntimeException e) {
            // a checkpoint still being written, or subsumed while read: read again, or the next one instead
            lastFailure = e;
        }
    }

    private void read(Path metadata) throws IOException {
        long total;
        try (Stream<Path> files = Files.walk(metadata.getParent())) {
            total = files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
        Map<String, Long> byUid = new TreeMap<>();
        try (InputStream in = Files.newInputStream(metadata)) {
            CheckpointMetadata m = Checkpoints.loadCheckpointMetadata(new DataInputStream(in),
                    StateProbe.class.getClassLoader(), metadata.getParent().toString());
            for (OperatorState s : m.getOperatorStates()) {
                if (s.getStateSize() > 0) {
                    byUid.merge(uids.getOrDefault(s.getOperatorID(), "(operator " + s.getOperatorID() + ")"),
                            s.getStateSize(), Long::sum);
                }
            }
        }
        synchronized (this) {
            if (total > largestTotal) {
                largestTotal = total;
                largest = byUid;
            }
        }
    }

    /** Bytes of the largest checkpoint's files, or -1 when none completed. */
    synchronized long largestCheckpointBytes() {
        return largestTotal;
    }

    /** That checkpoint's state bytes per operator uid. */
    synchronized Map<String, Long> largestByUid() {
        return largest;
    }

    /** Why a checkpoint could not be read, the last time one could not; null if none failed. */
    Exception lastFailure() {
        return lastFailure;
    }

    long liveHeapPeak() {
        return liveHeapPeak;
    }

    long heapBefore() {
        return heapBefore;
    }

    @Override
    public void close() throws InterruptedException {
        stop = true;
        poller.join();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            try {
                ((NotificationEmitter) gc).removeNotificationListener(gcListener);
            } catch (javax.management.ListenerNotFoundException e) {
                // never added to this one
            }
        }
    }
}
