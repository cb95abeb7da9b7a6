package org.fallline.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.fallline.evolution.GroupReport;
import org.fallline.evolution.Model;
import org.fallline.evolution.SecondOrderFitness;
import org.fallline.evolution.SelectionAnalysis;
import org.fallline.evolution.SelectionOptions;
import org.fallline.evolution.io.PhenotypeCsv;
import org.fallline.samples.figures.Figures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The figures {@code --out} writes under each {@code --model}: files that load, at the figure size, or a note. */
class SelectionFiguresOutTest {

    @TempDir
    Path dir;

    private static void loads(Path png) throws Exception {
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(Figures.WIDTH, image.getWidth(), png.toString());
        assertEquals(Figures.HEIGHT, image.getHeight(), png.toString());
    }

    @Test
    void everyModelDrawsItsSurfaceAndTheFitnessFunctions() throws Exception {
        for (String model : List.of("ols", "logistic", "poisson", "gam")) {
            Path out = dir.resolve(model);
            Run.Result r = Run.fallline("selection", "--traits", "TotalLength_mm,Weight_g", "--model", model,
                    "--out", out.toString());
            assertEquals(0, r.status(), r::toString);
            loads(out.resolve("surface.png"));
            loads(out.resolve("fitness-TotalLength_mm.png"));
            loads(out.resolve("fitness-Weight_g.png"));
            assertFalse(r.err().contains("no fitness surface"), r::toString);
        }
    }

    @Test
    void aFirstOrderAnalysisSaysWhyThereIsNoSurface() throws Exception {
        Path out = dir.resolve("first");
        Run.Result r = Run.fallline("selection", "--traits", "TotalLength_mm,Weight_g", "--first-order-only",
                "--out", out.toString());
        assertEquals(0, r.status(), r::toString);
        assertFalse(Files.exists(out.resolve("surface.png")));
        assertTrue(r.errLines().contains("note: no fitness surface: no second-order model was fitted"), r::toString);
        loads(out.resolve("fitness-Weight_g.png"));
    }

    @Test
    void covariatesAreHeldAtTheirMeansOnTheSurfaceAndSaidSo() {
        List<String> traits = List.of("TotalLength_mm", "Weight_g", "HumerusL_in");
        SelectionOptions options = SelectionOptions.builder().fitness("W").traits(traits).covariates("AgeGroup")
                .build();
        SelectionSample sample = new SelectionSample(traits.size(), options.seed());
        GroupReport g = new SelectionAnalysis().analyze(PhenotypeCsv.of("bumpus.csv",
                SelectionCommand.bundled("bumpus.csv")), options, sample).groups().get(0);
        assertTrue(g.covariateHeldTerm() != 0, "AgeGroup has a coefficient and a mean");
        SecondOrderFitness f = SecondOrderFitness.of(g);
        assertEquals(f.fitness(new double[3]), g.quadratic().orElseThrow().intercept().estimate()
                + g.covariateHeldTerm(), 1e-14, "at the mean phenotype: α plus the held covariates");
        FittedSurface surface = FittedSurface.of(g, Model.OLS, true, new StringBuilder()).orElseThrow();
        SurfaceFigure.Plane plane = SurfaceFigure.plane(g, sample.group(g.group()), null, options, surface);
        assertTrue(plane.held().endsWith("covariates (AgeGroup) held at their means (numeric) and reference levels "
                + "(categorical)"), plane.held());
        Figures.Grid grid = plane.grid();
        int drawn = 0;
        for (int i = 0; i < grid.x().length; i++) {
            for (int j = 0; j < grid.y().length; j++) {
                if (!Double.isNaN(grid.z()[i][j])) {
                    drawn++;
                    assertEquals(surface.cut(plane.z(grid.x()[i], grid.y()[j])), grid.z()[i][j], 1e-15);
                }
            }
        }
        assertTrue(drawn > 1000);
    }
}
