package org.fallline.evolution.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Hands complete individuals from the thread that reads and parses the table to one worker thread
 * that accumulates them, in batches of primitive arrays recycled through a pool (nothing crosses the
 * threads but numbers). The downstream sink sees exactly the sequence of individuals a
 * single-threaded pass would give it, so results do not depend on the threading; on two cores
 * reading and accumulating overlap.
 *
 * <p>Use: {@link #accept} from the reading thread, then {@link #finish()} (or {@link #abandon()} when
 * the reading failed) on the same thread.
 */
public final class AccumulationPipeline implements IndividualSink {

    private static final int BATCH = 4096;
    private static final int BATCHES = 8;

    private static final class Batch {
        final GroupAccumulator[] groups = new GroupAccumulator[BATCH];
        final double[] w = new double[BATCH];
        final double[] x;
        int size;

        Batch(int k) {
            x = new double[BATCH * k];
        }
    }

    private final int k;
    private final IndividualSink downstream;
    private final BlockingQueue<Batch> full = new ArrayBlockingQueue<>(BATCHES + 1);
    private final BlockingQueue<Batch> free = new ArrayBlockingQueue<>(BATCHES);
    private final Batch end;
    private final Thread worker;
    private volatile Throwable failure;
    private Batch current;

    /**
     * @param k          traits per individual
     * @param downstream the accumulating sink, called on the worker thread only
     */
    public AccumulationPipeline(int k, IndividualSink downstream) {
        this.k = k;
        this.downstream = downstream;
        for (int i = 0; i < BATCHES; i++) {
            free.add(new Batch(k));
        }
        this.end = new Batch(0);
        this.current = take(free);
        this.worker = new Thread(this::work, "fallline-selection-sums");
        this.worker.setDaemon(true);
        this.worker.start();
    }

    @Override
    public void accept(GroupAccumulator group, double w, double[] x) {
        Batch b = current;
        int i = b.size;
        b.groups[i] = group;
        b.w[i] = w;
        System.arraycopy(x, 0, b.x, i * k, k);
        if (++b.size == BATCH) {
            hand(b);
            current = take(free);
        }
    }

    private void hand(Batch b) {
        if (failure != null) {
            rethrow(failure);
        }
        put(full, b);
    }

    /**
     * Hands over the last individuals, waits for the worker and reports its failure, if any. If the
     * hand-over itself fails (the worker failed, or this thread was interrupted) the worker is stopped
     * as by {@link #abandon()} before the failure propagates.
     */
    public void finish() {
        try {
            if (current.size > 0) {
                hand(current);
            }
            put(full, end);
            joinWorker();
        } catch (RuntimeException | Error e) {
            abandon();
            throw e;
        }
        if (failure != null) {
            rethrow(failure);
        }
    }

    /**
     * Stops the worker after a failed or interrupted read; what was accumulated is to be thrown away.
     * The worker is interrupted rather than sent the end marker, so that this works even when the
     * queue is full or this thread's interrupt flag is set; the flag is restored on return.
     */
    public void abandon() {
        worker.interrupt();
        boolean interrupted = false;
        while (true) {
            try {
                worker.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void joinWorker() {
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while accumulating the phenotype table", e);
        }
    }

    private void work() {
        double[] x = new double[k];
        while (true) {
            Batch b;
            try {
                b = full.take();
            } catch (InterruptedException e) {
                failure = e;
                return;
            }
            if (b == end) {
                return;
            }
            if (failure == null) {
                try {
                    for (int i = 0; i < b.size; i++) {
                        System.arraycopy(b.x, i * k, x, 0, k);
                        downstream.accept(b.groups[i], b.w[i], x);
                    }
                } catch (RuntimeException | Error e) {
                    failure = e;
                }
            }
            b.size = 0;
            java.util.Arrays.fill(b.groups, null);
            // never blocks: the pool holds at most the BATCHES batches it was made with, and offer
            // (unlike put) does not throw when abandon() has interrupted this thread
            free.offer(b);
        }
    }

    private static <T> T take(BlockingQueue<T> q) {
        try {
            return q.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the phenotype table", e);
        }
    }

    private static <T> void put(BlockingQueue<T> q, T item) {
        try {
            q.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the phenotype table", e);
        }
    }

    private static void rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException("accumulation failed", t);
    }
}
