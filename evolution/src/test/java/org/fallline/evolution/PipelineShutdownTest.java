package org.fallline.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.fallline.evolution.internal.AccumulationPipeline;
import org.fallline.evolution.io.PhenotypeCsv;
import org.junit.jupiter.api.Test;

/**
 * A failed, cancelled or interrupted analysis leaves no accumulating worker thread behind: after it,
 * no live thread is named {@code fallline-selection-sums}.
 */
class PipelineShutdownTest {

    private static final String WORKER = "fallline-selection-sums";

    private static List<Thread> workers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().equals(WORKER))
                .collect(Collectors.toList());
    }

    @Test
    void badCellLateInALargeTableStopsTheWorker() {
        // 20 000 rows: several batches of 4096 have been handed to the worker before the bad cell
        String text = Tables.random(20_000, 3);
        String[] lines = text.split("\n", -1);
        lines[19_000] = lines[19_000].replaceFirst(",[^,]*$", ",abc");
        SelectionException e = assertThrows(SelectionException.class,
                () -> new SelectionAnalysis().analyze(PhenotypeCsv.of("big.csv", String.join("\n", lines)),
                        SelectionOptions.builder().fitness("W").traits("a", "b", "c").build()));
        assertTrue(e.getMessage().startsWith("big.csv:19001:"), e.getMessage());
        assertEquals(List.of(), workers());
    }

    @Test
    void failingAccumulationStopsTheWorkerAndIsReported() {
        IllegalStateException boom = new IllegalStateException("boom");
        AccumulationPipeline pipeline = new AccumulationPipeline(2, (g, w, x) -> {
            throw boom;
        });
        RuntimeException seen = assertThrows(RuntimeException.class, () -> {
            for (int i = 0; i < 100_000; i++) {
                pipeline.accept(null, 1, new double[] {i, -i});
            }
            pipeline.finish();
        });
        assertSame(boom, seen);
        pipeline.abandon();
        assertEquals(List.of(), workers());
    }

    @Test
    void interruptedReaderStopsTheWorkerAndKeepsItsInterruptFlag() {
        AccumulationPipeline pipeline = new AccumulationPipeline(1, (g, w, x) -> {
        });
        Thread.currentThread().interrupt();
        try {
            assertThrows(IllegalStateException.class, () -> {
                for (int i = 0; i < 100_000; i++) {
                    pipeline.accept(null, 1, new double[] {i});
                }
            });
            pipeline.abandon();
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
        assertEquals(List.of(), workers());
    }
}
