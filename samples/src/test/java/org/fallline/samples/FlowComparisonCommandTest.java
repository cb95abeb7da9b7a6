package org.fallline.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * {@code fallline flow --versus-descent} and {@code --saddle-escape} through the real command line, against closed
 * forms: the flow x* + e^{−At}(x₀ − x*) and the descent iterates x* + (I − ηA)^k(x₀ − x*) of a quadratic with a
 * non-diagonal Hessian, and the exit times of the linear flows near a saddle.
 */
class FlowComparisonCommandTest {

    /**
     * V = x² + xy + y² − 3x: A = [[2, 1], [1, 2]] with eigenvalues 3 on (1, 1)/√2 and 1 on (1, −1)/√2, x* = (2, −1);
     * from 0, x₀ − x* = −(1/√2)·u₃ − (3/√2)·u₁, so x(t) = x* + e^{−3t}(−½, −½) + e^{−t}(−3/2, 3/2).
     */
    static final String QUADRATIC = "x^2 + x*y + y^2 - 3*x";

    static final String SADDLE = FlowCommandTest.SADDLE;

    private static JsonNode json(Run.Result r) throws IOException {
        return new ObjectMapper().readTree(r.out());
    }

    // x* + a·(−½, −½) + c·(−3/2, 3/2): the fast mode's factor a, the slow mode's c
    private static double[] closedForm(double a, double c) {
        return new double[] {2 - 0.5 * a - 1.5 * c, -1 - 0.5 * a + 1.5 * c};
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void belowTheLimitFlowAndDescentMatchTheirClosedFormsRowByRow() throws IOException {
        double eta = 0.05;
        Run.Result r = Run.fallline("flow", "--potential", QUADRATIC, "--from", "0,0", "--versus-descent",
                String.valueOf(eta), "--t-end", "5", "--format", "json");
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.err().isEmpty(), r::toString);
        JsonNode root = json(r);
        assertEquals(List.of("variables", "comparison", "step", "eigenvalues", "largestEigenvalue", "stabilityLimit",
                "stable", "iterations", "descentStop", "maxError", "rows"), keys(root));
        assertEquals("versus-descent", root.get("comparison").textValue());
        assertEquals(3, root.get("largestEigenvalue").doubleValue(), 1e-14);
        assertEquals(2.0 / 3, root.get("stabilityLimit").doubleValue(), 1e-15);
        assertTrue(root.get("stable").booleanValue());
        assertEquals(100, root.get("iterations").intValue());
        assertEquals(101, root.get("rows").size());
        double maxError = 0;
        for (JsonNode row : root.get("rows")) {
            int k = row.get("k").intValue();
            double t = row.get("t").doubleValue();
            assertEquals(k * eta, t, 1e-14);
            double[] flow = closedForm(Math.exp(-3 * t), Math.exp(-t));
            double[] descent = closedForm(Math.pow(1 - 3 * eta, k), Math.pow(1 - eta, k));
            double e = Math.hypot(descent[0] - flow[0], descent[1] - flow[1]);
            for (int i = 0; i < 2; i++) {
                assertEquals(flow[i], row.get("flow").get(i).doubleValue(), 1e-14, "flow at t = " + t);
                assertEquals(descent[i], row.get("descent").get(i).doubleValue(), 1e-13, "descent at k = " + k);
            }
            assertEquals(e, row.get("error").doubleValue(), 1e-13);
            maxError = Math.max(maxError, e);
        }
        assertEquals(maxError, root.get("maxError").doubleValue(), 1e-13);
    }

    @Test
    void aboveTheLimitDescentDivergesWhileTheFlowDoesNotAndTheRunExitsThree() throws IOException {
        double eta = 0.7; // > 2/3: the fast mode is multiplied by 1 − 2.1 = −1.1 per step
        Run.Result r = Run.fallline("flow", "--potential", QUADRATIC, "--from", "0,0", "--versus-descent",
                String.valueOf(eta), "--t-end", "28", "--format", "json");
        assertEquals(3, r.status(), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(r.err().startsWith("error: eta = 0.7 > 2/lambda_max = 0.666667: descent diverges"), r::toString);
        assertTrue(r.err().contains("while the flow does not"), r::toString);
        JsonNode root = json(r);
        assertFalse(root.get("stable").booleanValue());
        JsonNode rows = root.get("rows");
        assertEquals(41, rows.size());
        double start = Math.hypot(2, -1);
        for (JsonNode row : rows) {
            int k = row.get("k").intValue();
            double[] descent = closedForm(Math.pow(1 - 3 * eta, k), Math.pow(1 - eta, k));
            for (int i = 0; i < 2; i++) {
                assertEquals(descent[i], row.get("descent").get(i).doubleValue(), 1e-13 * Math.pow(1.1, k));
            }
            double[] flow = {row.get("flow").get(0).doubleValue(), row.get("flow").get(1).doubleValue()};
            assertTrue(Math.hypot(flow[0] - 2, flow[1] + 1) <= start + 1e-15, "the flow approaches x* at k = " + k);
        }
        // |error| grows like 1.1^k along the fast mode
        double last = rows.get(40).get("error").doubleValue();
        assertEquals(Math.pow(1.1, 40) / Math.sqrt(2), last, 1e-3 * last);
    }

    @Test
    void theTableStatesTheLimit() {
        Run.Result r = Run.fallline("flow", "--potential", QUADRATIC, "--from", "0,0", "--versus-descent", "0.5");
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.out().contains("stability       eta = 0.5 < 2/lambda_max = 0.666667: descent is stable"),
                r::toString);
        assertTrue(r.out().contains("eigenvalues     3, 1"), r::toString);
        assertTrue(r.out().contains("iterations      20 to t = 10"), r::toString);
    }

    @Test
    void aPotentialThatIsNotQuadraticHasNoExactFlowToCompareWith() {
        Run.Result r = Run.fallline("flow", "--potential", SADDLE, "--from", "0.5,0.5", "--versus-descent", "0.1");
        assertEquals(2, r.status(), r::toString);
        Contract.refused(r, "--versus-descent: needs a quadratic V");
        assertTrue(r.out().isEmpty(), r::toString);
    }

    @Test
    void optionsTheComparisonDoesNotUseAreRefused() {
        Contract.refused(Run.fallline("flow", "--potential", QUADRATIC, "--from", "0,0", "--versus-descent", "0.1",
                "--friction", "1"), "--friction: not used with --versus-descent");
        Contract.refused(Run.fallline("flow", "--potential", QUADRATIC, "--from", "0,0", "--versus-descent", "0.1",
                "--saddle-escape", "1"), "--saddle-escape: not used with --versus-descent");
        Contract.refused(Run.fallline("flow", "--potential", QUADRATIC, "--from", "0,0", "--versus-descent", "20"),
                "--versus-descent: the step 20 is longer than --t-end 10");
        Contract.refused(Run.fallline("flow", "--potential", SADDLE, "--from", "0,0.001", "--saddle-escape", "0.5"),
                "--saddle-escape: give --friction B");
        Contract.refused(Run.fallline("flow", "--potential", "x^2 + y^2", "--from", "0.1,0", "--saddle-escape", "0.5",
                "--friction", "1"), "--saddle-escape: no saddle of V lies within 0.5");
    }

    /**
     * On the quadratic saddle ½(y² − ¼x²) the flows are linear: from (δ, 0) the gradient flow is δe^{t/4}, leaving
     * the ball of radius R at ln(R/δ)/μ exactly, and the heavy ball δ(ρe^{σt} − σe^{ρt})/(ρ − σ).
     */
    @Test
    void onALinearSaddleTheExitTimesAreTheLinearOnes() throws IOException {
        Run.Result r = Run.fallline("flow", "--potential", "0.5*(y^2 - 0.25*x^2)", "--from", "0.001,0",
                "--saddle-escape", "1", "--friction", "0.5", "--t-end", "50", "--tol", "1e-12", "--format", "json");
        assertEquals(0, r.status(), r::toString);
        JsonNode root = json(r);
        assertEquals(List.of("variables", "comparison", "saddle", "start", "radius", "friction", "unstableOffset",
                "gradientFlow", "heavyBall", "faster", "integrator"), keys(root));
        JsonNode g = root.get("gradientFlow");
        JsonNode h = root.get("heavyBall");
        assertEquals(List.of("stop", "t", "point", "rate", "linearisedTime", "evaluations"), keys(g));
        assertEquals(0.25, g.get("rate").doubleValue(), 1e-12);
        assertEquals(Math.log(1000) / 0.25, g.get("linearisedTime").doubleValue(), 1e-12);
        assertEquals(Math.log(1000) / 0.25, g.get("t").doubleValue(), 1e-8);
        double rho = 0.5 * (-0.5 + Math.sqrt(0.25 + 1));
        double sigma = -0.5 - rho;
        double th = h.get("t").doubleValue();
        assertEquals(rho, h.get("rate").doubleValue(), 1e-12);
        assertEquals(1, 0.001 * (rho * Math.exp(sigma * th) - sigma * Math.exp(rho * th)) / (rho - sigma), 1e-8);
        assertEquals(th, h.get("linearisedTime").doubleValue(), 1e-8);
        // μ = 1/4 < 1 − b = 1/2: a flat saddle, which momentum leaves first
        assertEquals("heavy-ball", root.get("faster").textValue());
    }

    /**
     * On the seed's saddle of eˣcos y − x − 1 (eigenvalues −1, 1) from (0, ε), ε = 10⁻⁴, both exit times differ
     * from the linearised ones by O(R²) — V is even in y, so no O(R) term — measured as order 2 between R = 0.2 and
     * 0.1, and by less than R²/50.
     */
    @Test
    void onTheSeedSaddleTheExitTimesApproachTheLinearisedOnesAtSecondOrderInTheRadius() throws IOException {
        double[][] gaps = new double[2][];
        double[] radii = {0.2, 0.1};
        for (int i = 0; i < 2; i++) {
            Run.Result r = Run.fallline("flow", "--potential", SADDLE, "--from", "0,1e-4", "--saddle-escape",
                    String.valueOf(radii[i]), "--friction", "1", "--t-end", "50", "--tol", "1e-12", "--format", "json");
            assertEquals(0, r.status(), r::toString);
            JsonNode root = json(r);
            JsonNode g = root.get("gradientFlow");
            JsonNode h = root.get("heavyBall");
            assertEquals(1, g.get("rate").doubleValue(), 1e-8);
            assertEquals(Math.log(radii[i] / 1e-4), g.get("linearisedTime").doubleValue(), 1e-8);
            gaps[i] = new double[] {g.get("t").doubleValue() - g.get("linearisedTime").doubleValue(),
                    h.get("t").doubleValue() - h.get("linearisedTime").doubleValue()};
            for (double gap : gaps[i]) {
                assertTrue(Math.abs(gap) < radii[i] * radii[i] / 50, "gap " + gap + " at R = " + radii[i]);
            }
            assertEquals("gradient-flow", root.get("faster").textValue());
        }
        for (int j = 0; j < 2; j++) {
            assertEquals(2, Math.log(gaps[0][j] / gaps[1][j]) / Math.log(2), 0.05, "order of flow " + j);
        }
    }

    /** y = 0 is invariant under the seed field's flows and is the saddle's stable manifold: no start on it leaves. */
    @Test
    void aStartOnTheStableManifoldNeverLeavesAndTheErrorSaysWhy() {
        Run.Result r = Run.fallline("flow", "--potential", SADDLE, "--from", "0.01,0", "--saddle-escape", "0.5",
                "--friction", "1");
        assertTrue(r.out().contains("gradient flow      t-end           10  never"), r::toString);
        Contract.refused(r, "the start lies on the saddle's stable manifold");
        assertEquals(3, r.status());
    }

    @Test
    void onAQuadraticSaddleTheTableSaysBothLeaveWhateverTheStep() {
        Run.Result r = Run.fallline("flow", "--potential", "x^2 - y^2", "--from", "1,1", "--versus-descent", "0.1",
                "--t-end", "1");
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.out().contains("lambda_min = -2 < 0: x* is a saddle, which flow and descent both leave"),
                r::toString);
    }

    @Test
    void aFlowStillInsideTheBallAtTEndExitsThreeNamingTheLinearisedTime() {
        Run.Result r = Run.fallline("flow", "--potential", SADDLE, "--from", "0.001,0.001", "--saddle-escape", "0.5",
                "--friction", "1");
        assertEquals(3, r.status(), r::toString);
        assertTrue(r.out().contains("gradient flow      escaped"), r::toString);
        Contract.refused(r, "the heavy ball did not leave the ball of radius 0.5 by t = 10 (the linearised heavy "
                + "ball leaves at t = 10.5789); give a larger --t-end");
    }
}
