package org.fallline.samples;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.fallline.evolution.IndividualObserver;

/**
 * What the figures of a selection analysis need from the individuals, gathered during the analysis's one pass in
 * memory that does not grow with the table: per group, a uniform random sample of at most {@link #CAPACITY}
 * individuals (reservoir sampling, Vitter 1985, Algorithm R, with a fixed seed so that figures are reproducible)
 * and the count seen. Below the capacity the sample is every individual; above it, binned means and a few thousand
 * points drawn from it represent the data with sampling error far below what a figure can show.
 */
final class SelectionSample implements IndividualObserver {

    /** Individuals kept per group. */
    static final int CAPACITY = 5000;

    private final int traits;
    private final long seed;
    private final Map<String, Group> groups = new LinkedHashMap<>();

    /** Fitness and traits of the sampled individuals of one group. */
    static final class Group {
        private final int k;
        private double[] fitness = new double[16];
        private double[][] traits = new double[16][];
        private final SplittableRandom random;
        private long seen;

        Group(int k, long seed) {
            this.k = k;
            random = new SplittableRandom(seed);
        }

        void add(double w, double[] x) {
            int slot;
            if (seen < CAPACITY) {
                slot = (int) seen;
                if (slot == fitness.length) {
                    // grow by doubling up to the capacity: many small groups stay small
                    int n = Math.min(CAPACITY, 2 * slot);
                    fitness = java.util.Arrays.copyOf(fitness, n);
                    traits = java.util.Arrays.copyOf(traits, n);
                }
                traits[slot] = new double[k];
            } else {
                long r = random.nextLong(seen + 1);
                slot = r < CAPACITY ? (int) r : -1;
            }
            seen++;
            if (slot >= 0) {
                fitness[slot] = w;
                System.arraycopy(x, 0, traits[slot], 0, x.length);
            }
        }

        /** Individuals in the sample. */
        int size() {
            return (int) Math.min(seen, CAPACITY);
        }

        /** Individuals of the group in the analysis. */
        long seen() {
            return seen;
        }

        /** Absolute fitness W of sampled individual r. */
        double fitness(int r) {
            return fitness[r];
        }

        /** Trait i (analysed units) of sampled individual r. */
        double trait(int r, int i) {
            return traits[r][i];
        }

        /** True when every sampled fitness is 0 or 1 (survival, mating success as yes/no). */
        boolean binary() {
            for (int r = 0; r < size(); r++) {
                if (fitness[r] != 0 && fitness[r] != 1) {
                    return false;
                }
            }
            return true;
        }

        /** True when every sampled fitness is a whole number (counts of offspring, of matings). */
        boolean counts() {
            for (int r = 0; r < size(); r++) {
                if (fitness[r] != Math.rint(fitness[r])) {
                    return false;
                }
            }
            return true;
        }
    }

    SelectionSample(int traits, long seed) {
        this.traits = traits;
        this.seed = seed;
    }

    @Override
    public void individual(String group, double fitness, double[] x) {
        groups.computeIfAbsent(group, g -> new Group(traits, seed ^ g.hashCode())).add(fitness, x);
    }

    /** The sample of a group, or null when the group had no individuals. */
    Group group(String label) {
        return groups.get(label);
    }
}
