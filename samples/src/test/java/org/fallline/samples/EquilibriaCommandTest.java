package org.fallline.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class EquilibriaCommandTest {

    private static final String SADDLES = "exp(x)*cos(y) - x - 1";

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void threeSaddlesOfExpCos() throws Exception {
        // ∇V = (eˣcos y − 1, −eˣ sin y) vanishes at (0, 2πk); ∇²V there is diag(1, −1)
        Run.Result r = Run.fallline("equilibria", "--potential", SADDLES, "--box", "-2:2,-1:13", "--format", "json");
        assertEquals(0, r.status(), r::toString);
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals(List.of("variables", "method", "complete", "equilibria", "stopping"), keys(root));
        assertEquals("multistart", root.get("method").textValue());
        assertEquals(false, root.get("complete").booleanValue());
        assertEquals("[\"x\",\"y\"]", root.get("variables").toString());
        JsonNode list = root.get("equilibria");
        assertEquals(3, list.size());
        for (int k = 0; k < 3; k++) {
            JsonNode e = list.get(k);
            assertEquals(List.of("point", "value", "type", "index", "eigenvalues"), keys(e).subList(0, 5));
            assertEquals(0, e.get("point").get(0).doubleValue(), 1e-10);
            assertEquals(2 * Math.PI * k, e.get("point").get(1).doubleValue(), 1e-10);
            assertEquals(0, e.get("value").doubleValue(), 1e-12);
            assertEquals("saddle", e.get("type").textValue());
            assertEquals(1, e.get("index").intValue());
            assertTrue(e.get("index").isInt());
            assertEquals(-1, e.get("eigenvalues").get(0).doubleValue(), 1e-10);
            assertEquals(1, e.get("eigenvalues").get(1).doubleValue(), 1e-10);
            assertTrue(e.get("value").isNumber());
        }
    }

    @Test
    void variablesFollowVarsOption() throws Exception {
        Run.Result r = Run.fallline("equilibria", "--potential", SADDLES, "--vars", "y,x",
                "--box", "-1:13,-2:2", "--format", "json");
        assertEquals(0, r.status(), r::toString);
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals("[\"y\",\"x\"]", root.get("variables").toString());
        JsonNode second = root.get("equilibria").get(1);
        assertEquals(2 * Math.PI, second.get("point").get(0).doubleValue(), 1e-10);
        assertEquals(0, second.get("point").get(1).doubleValue(), 1e-10);
    }

    @Test
    void tableListsTypeIndexPointAndEigenvalues() {
        Run.Result r = Run.fallline("equilibria", "--potential", "x^2 - y^2 + x^4", "--box", "-1:1,-1:1");
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.out().contains("found       1 equilibrium"), r::toString);
        assertTrue(r.out().matches("(?s).*\\n  type    index  x  y  V  eigenvalues\\n  saddle      1  0  0  0  -2, 2\\n.*"),
                r::toString);
        assertEquals("", r.err());
    }

    @Test
    void minimumAndMaximumAreClassified() throws Exception {
        // V = x³/3 − x + y²: minimum at (1, 0), saddle at (−1, 0)
        Run.Result r = Run.fallline("equilibria", "--potential", "x^3/3 - x + y^2", "--box", "-2:2,-1:1",
                "--format", "json");
        assertEquals(0, r.status(), r::toString);
        JsonNode list = new ObjectMapper().readTree(r.out()).get("equilibria");
        assertEquals(2, list.size());
        JsonNode min = list.get(0);
        assertEquals("minimum", min.get("type").textValue());
        assertEquals(0, min.get("index").intValue());
        assertEquals(1, min.get("point").get(0).doubleValue(), 1e-10);
        assertEquals(-2.0 / 3, min.get("value").doubleValue(), 1e-12);
        assertEquals("saddle", list.get(1).get("type").textValue());
    }

    /** sin x sin y has 41 critical points in [−7, 7]² (25 saddles, 8 minima, 8 maxima); 64 starts found 35. */
    @Test
    void defaultStoppingRuleFindsAllCriticalPointsOfSinSin() throws Exception {
        Run.Result r = Run.fallline("equilibria", "--potential", "sin(x)*sin(y)", "--box", "-7:7,-7:7", "--format", "json");
        assertEquals(0, r.status(), r::toString);
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals(41, root.get("equilibria").size());
        JsonNode stop = root.get("stopping");
        assertEquals("good-turing", stop.get("rule").textValue());
        assertTrue(stop.get("satisfied").booleanValue());
        assertTrue(stop.get("estimate").doubleValue() <= stop.get("threshold").doubleValue());
        assertEquals(64 * stop.get("rounds").intValue(), stop.get("starts").intValue());
        Run.Result table = Run.fallline("equilibria", "--potential", "sin(x)*sin(y)", "--box", "-7:7,-7:7",
                "--starts", "64");
        assertTrue(table.out().contains("method      multistart, 64 starts in 1 round (--starts)\n"), table::toString);
        assertTrue(table.out().contains("found       35 equilibria"), table::toString);
    }

    /** x⁴ + y² has its only critical point at 0, degenerate (∇²V = diag(0, 2)): certified, it stays undecided. */
    @Test
    void certifiedSearchListsTheUndecidedBoxOfADegeneratePoint() throws Exception {
        Run.Result r = Run.fallline("equilibria", "--potential", "x^4 + y^2", "--box", "-1:2,-1:1", "--certified",
                "--format", "json");
        assertEquals(0, r.status(), r::toString);
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals(List.of("variables", "method", "complete", "equilibria", "certified", "undecided"), keys(root));
        assertEquals("certified", root.get("method").textValue());
        assertEquals(false, root.get("complete").booleanValue());
        assertEquals(0, root.get("equilibria").size());
        JsonNode u = root.get("undecided");
        assertEquals(1, u.size());
        assertEquals("singular Hessian", u.get(0).get("reason").textValue());
        for (int i = 0; i < 2; i++) {
            assertTrue(u.get(0).get("lower").get(i).doubleValue() <= 0 && u.get(0).get("upper").get(i).doubleValue() >= 0);
        }
        Run.Result table = Run.fallline("equilibria", "--potential", "x^4 + y^2", "--box", "-1:2,-1:1", "--certified");
        assertTrue(table.out().contains("complete    no: 1 box undecided (listed below)"), table::toString);
        assertTrue(table.out().contains("(singular Hessian)"), table::toString);
    }

    /** The seed's saddle field, certified: the three saddles (0, 2πk) and a proof that there is no other. */
    @Test
    void certifiedSearchProvesTheThreeSaddlesComplete() throws Exception {
        Run.Result r = Run.fallline("equilibria", "--potential", SADDLES, "--box", "-2:2,-1:13", "--certified",
                "--format", "json");
        assertEquals(0, r.status(), r::toString);
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals(true, root.get("complete").booleanValue());
        assertEquals(0, root.get("undecided").size());
        JsonNode list = root.get("equilibria");
        assertEquals(3, list.size());
        for (int k = 0; k < 3; k++) {
            JsonNode e = list.get(k);
            assertEquals(2 * Math.PI * k, e.get("point").get(1).doubleValue(), 1e-12);
            JsonNode box = e.get("enclosure");
            assertTrue(box.get("lower").get(1).doubleValue() <= 2 * Math.PI * k
                    && 2 * Math.PI * k <= box.get("upper").get(1).doubleValue());
        }
        Run.Result bad = Run.fallline("equilibria", "--potential", SADDLES, "--box", "-2:2,-1:13", "--certified",
                "--starts", "10");
        assertEquals(2, bad.status(), bad::toString);
        assertTrue(bad.err().startsWith("error: --starts: not with --certified"), bad::toString);
    }
}
