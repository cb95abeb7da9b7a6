package org.fallline.evolution.internal;

import java.util.List;
import java.util.Map;

/**
 * The data sets of reference/make_logistic_reference.R and of the synthetic reference, rebuilt from the
 * copies in test resources exactly as the R scripts build them (traits standardised with divisor n − 1).
 */
final class Datasets {

    /** Fitness, standardised traits and trait names of one analysed data set. */
    record Data(String name, double[] w, double[][] z, String[] traits) {
        int n() {
            return w.length;
        }
    }

    static final String[] TRAITS9 = {"TotalLength_mm", "AlarExtent_mm", "Weight_g", "SkullL_mm", "HumerusL_in",
        "FemurL_in", "TibioTarL_in", "SkullW_in", "SternumL_in"};
    static final String[] TRAITS3 = {"TotalLength_mm", "Weight_g", "HumerusL_in"};
    static final String[] KP = {"bw", "gest"};
    static final String[] SYNTHETIC = {"body_length_mm", "mass_g", "wing_mm"};

    /** Names of the real-data sets in reference_real_data.csv. */
    static final List<String> REAL = List.of("bumpus_all_9traits", "bumpus_female_9traits", "bumpus_all_3traits",
        "bumpus_female_3traits", "karn_penrose");

    private Datasets() {
    }

    static Data get(String name) {
        switch (name) {
            case "bumpus_all_9traits":
                return bumpus(name, TRAITS9, false);
            case "bumpus_female_9traits":
                return bumpus(name, TRAITS9, true);
            case "bumpus_all_3traits":
                return bumpus(name, TRAITS3, false);
            case "bumpus_female_3traits":
                return bumpus(name, TRAITS3, true);
            case "karn_penrose": {
                Map<String, double[]> c = Reference.columns("/data/karn_penrose_neonatal.csv", "nns", "bw", "gest");
                return new Data(name, c.get("nns"), Reference.standardise(Reference.matrix(c, KP)), KP);
            }
            case "synthetic_n2000_3traits": {
                Map<String, double[]> c = Reference.columns("/data/synthetic_selection_n2000.csv",
                    "W", "body_length_mm", "mass_g", "wing_mm");
                return new Data(name, c.get("W"), Reference.standardise(Reference.matrix(c, SYNTHETIC)), SYNTHETIC);
            }
            default:
                throw new AssertionError("unknown data set " + name);
        }
    }

    /** Raw synthetic traits (not standardised), for resampling tests that re-standardise. */
    static double[][] syntheticRaw() {
        Map<String, double[]> c = Reference.columns("/data/synthetic_selection_n2000.csv", SYNTHETIC);
        return Reference.matrix(c, SYNTHETIC);
    }

    private static Data bumpus(String name, String[] traits, boolean femalesOnly) {
        String[] cols = new String[traits.length + 2];
        cols[0] = "Sex";
        cols[1] = "W";
        System.arraycopy(traits, 0, cols, 2, traits.length);
        Map<String, double[]> c = Reference.columns("/data/bumpus.csv", cols);
        double[] sex = c.get("Sex");
        boolean[] keep = new boolean[sex.length];
        for (int i = 0; i < sex.length; i++) {
            keep[i] = !femalesOnly || sex[i] == 0;
        }
        double[][] x = Reference.select(Reference.matrix(c, traits), keep);
        double[] w = Reference.select(c.get("W"), keep);
        return new Data(name, w, Reference.standardise(x), traits);
    }
}
