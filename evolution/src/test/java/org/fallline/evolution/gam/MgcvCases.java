package org.fallline.evolution.gam;

import com.opencsv.CSVReader;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The cases of {@code gam/mgcv_reference.R}: their data (standardised as the script does) and mgcv's results. */
final class MgcvCases {

    /** One case: traits standardised with divisor n − 1, the response, the family. */
    record Case(String name, List<String> traits, double[][] z, double[] y, GamFamily family, boolean additive,
            List<String> covariates, double[][] c) {
    }

    private MgcvCases() {
    }

    static List<String[]> csv(String resource) {
        try (Reader r = new InputStreamReader(MgcvCases.class.getResourceAsStream(resource), StandardCharsets.UTF_8);
                CSVReader c = new CSVReader(r)) {
            return c.readAll();
        } catch (Exception e) {
            throw new IllegalStateException(resource, e);
        }
    }

    static Case load(String name) {
        return switch (name) {
            case "neonatal_te" -> of(name, "/data/karn_penrose_neonatal.csv", "nns", List.of("bw", "gest"),
                    GamFamily.BINOMIAL, false, false);
            case "bumpus_weight_s" -> of(name, "/data/bumpus.csv", "W", List.of("Weight_g"), GamFamily.BINOMIAL,
                    false, false);
            case "synthetic_mass_s" -> of(name, "/data/synthetic_selection_n2000.csv", "W", List.of("mass_g"),
                    GamFamily.POISSON, false, false);
            case "synthetic_gaussian_te" -> of(name, "/data/synthetic_selection_n2000.csv", "W",
                    List.of("body_length_mm", "mass_g"), GamFamily.GAUSSIAN, false, true);
            case "synthetic_te3" -> of(name, "/data/synthetic_selection_n2000.csv", "W",
                    List.of("body_length_mm", "mass_g", "wing_mm"), GamFamily.POISSON, false, false);
            case "bumpus_additive4" -> of(name, "/data/bumpus.csv", "W",
                    List.of("TotalLength_mm", "AlarExtent_mm", "Weight_g", "SkullL_mm"), GamFamily.BINOMIAL, true,
                    false);
            case "bumpus_sex_weight_s" -> withCovariate(of(name, "/data/bumpus.csv", "W", List.of("Weight_g"),
                    GamFamily.BINOMIAL, false, false), "/data/bumpus.csv", "Sex");
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static Case of(String name, String resource, String response, List<String> traits, GamFamily family,
            boolean additive, boolean relative) {
        List<String[]> all = csv(resource);
        List<String> header = List.of(all.get(0));
        int n = all.size() - 1;
        int k = traits.size();
        double[][] z = new double[n][k];
        double[] y = new double[n];
        int yc = header.indexOf(response);
        for (int i = 0; i < n; i++) {
            y[i] = Double.parseDouble(all.get(i + 1)[yc]);
        }
        for (int t = 0; t < k; t++) {
            int c = header.indexOf(traits.get(t));
            double[] x = new double[n];
            double mean = 0;
            for (int i = 0; i < n; i++) {
                x[i] = Double.parseDouble(all.get(i + 1)[c]);
                mean += x[i];
            }
            mean /= n;
            double ss = 0;
            for (double v : x) {
                ss += (v - mean) * (v - mean);
            }
            double sd = Math.sqrt(ss / (n - 1));
            for (int i = 0; i < n; i++) {
                z[i][t] = (x[i] - mean) / sd;
            }
        }
        if (relative) {
            double m = 0;
            for (double v : y) {
                m += v;
            }
            m /= n;
            for (int i = 0; i < n; i++) {
                y[i] /= m;
            }
        }
        return new Case(name, traits, z, y, family, additive, List.of(), new double[n][0]);
    }

    /** The case with one numeric covariate, unstandardised (as the R script enters it). */
    private static Case withCovariate(Case c, String resource, String column) {
        List<String[]> all = csv(resource);
        int j = List.of(all.get(0)).indexOf(column);
        double[][] v = new double[all.size() - 1][1];
        for (int i = 0; i < v.length; i++) {
            v[i][0] = Double.parseDouble(all.get(i + 1)[j]);
        }
        return new Case(c.name(), c.traits(), c.z(), c.y(), c.family(), c.additive(), List.of(column), v);
    }

    /** mgcv's numbers of a case: key "quantity/term". */
    static Map<String, Double> reference(String name) {
        Map<String, Double> m = new HashMap<>();
        for (String[] f : csv("/gam/reference_gam.csv").subList(1, csv("/gam/reference_gam.csv").size())) {
            if (f[0].equals(name)) {
                m.put(f[1] + "/" + f[2], Double.parseDouble(f[3]));
            }
        }
        return m;
    }

    /** mgcv's fitted values of a case, in row order. */
    static double[] fitted(String name) {
        List<Double> v = new ArrayList<>();
        List<String[]> all = csv("/gam/reference_gam_fitted.csv");
        for (String[] f : all.subList(1, all.size())) {
            if (f[0].equals(name)) {
                v.add(Double.parseDouble(f[2]));
            }
        }
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
