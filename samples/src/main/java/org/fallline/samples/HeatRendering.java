package org.fallline.samples;

import java.io.PrintWriter;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.fallline.physics.heat.HeatPlan;
import org.fallline.physics.heat.HeatProblem;
import org.fallline.physics.heat.HeatSolution;
import org.fallline.physics.heat.Stiffness;
import org.fallline.samples.internal.Json;
import org.fallline.samples.internal.Numbers;
import org.fallline.samples.internal.TextTable;

/** The table and JSON forms of a {@code fallline heat} run. */
final class HeatRendering {

    private HeatRendering() {
    }

    static ObjectNode json(HeatPlan plan, HeatSolution s, List<String> files) {
        HeatProblem p = plan.problem();
        ObjectNode root = Json.object();
        root.put("dim", p.dimension());
        root.put("n", p.n());
        root.put("unknowns", s.grid().points());
        root.put("method", s.method());
        root.put("reason", s.reason());
        root.put("steps", s.steps());
        root.put("rejectedSteps", s.rejected());
        root.put("work", s.work());
        int last = s.times().length - 1;
        ObjectNode energy = root.putObject("energy");
        Json.put(energy, "initial", s.energy()[0]);
        Json.put(energy, "final", s.energy()[last]);
        ObjectNode heat = root.putObject("totalHeat");
        Json.put(heat, "initial", s.totalHeat()[0]);
        Json.put(heat, "final", s.totalHeat()[last]);
        Json.put(heat, "drift", s.heatDrift());
        heat.put("conserved", p.conservesHeat());
        ObjectNode max = root.putObject("maxAbs");
        Json.put(max, "initial", s.maxAbs()[0]);
        Json.put(max, "final", s.maxAbs()[last]);
        Stiffness st = s.stiffness();
        ObjectNode stiff = root.putObject("stiffness");
        Json.put(stiff, "lambdaMin", st.lambdaMin());
        Json.put(stiff, "lambdaMax", st.lambdaMax());
        if (Double.isFinite(st.ratio())) {
            stiff.put("ratio", st.ratio());
        } else {
            stiff.putNull("ratio");
        }
        Json.put(stiff, "explicitStepLimit", st.explicitStepLimit());
        stiff.put("explicitIntegrator", st.explicitIntegrator());
        stiff.put("explicitSteps", st.explicitSteps());
        Json.put(root, "wallSeconds", s.wallSeconds());
        if (!Double.isNaN(s.maxError())) {
            Json.put(root, "maxError", s.maxError());
        }
        Json.put(root, "times", s.times());
        Json.put(root, "energies", s.energy());
        if (!plan.warnings().isEmpty()) {
            Json.put(root, "warnings", plan.warnings());
        }
        if (!files.isEmpty()) {
            Json.put(root, "files", files);
        }
        return root;
    }

    static void table(HeatPlan plan, HeatSolution s, List<String> files, PrintWriter out) {
        HeatProblem p = plan.problem();
        int last = s.times().length - 1;
        Stiffness st = s.stiffness();
        out.println("heat         u_t = D Lap u - lambda u" + (p.source() == null ? "" : " + f") + " on [0, "
                + Numbers.table(p.length()) + "]^" + p.dimension() + ", D = " + Numbers.table(p.diffusivity())
                + ", lambda = " + Numbers.table(p.decay()) + ", T = " + Numbers.table(p.tEnd()));
        StringBuilder sides = new StringBuilder();
        for (int i = 0; i < p.boundaries().size(); i++) {
            sides.append(i == 0 ? "" : ", ").append(HeatProblem.SIDES.get(i)).append(' ')
                    .append(p.boundaries().get(i).label()).append(p.boundaries().get(i).homogeneous() ? "" : " (data)");
        }
        out.println("sides        " + sides);
        out.println("grid         " + s.grid().describe() + ", h = " + Numbers.table(s.grid().axis(0).h()));
        out.println("method       " + s.method() + " (" + s.reason() + ")");
        out.println("steps        " + s.steps() + (s.rejected() > 0 ? " (+" + s.rejected() + " rejected)" : "")
                + "; explicit:" + st.explicitIntegrator() + " would need " + st.explicitSteps() + " (dt <= "
                + Numbers.table(st.explicitStepLimit()) + ")");
        out.println("stiffness    lambdaMin " + Numbers.table(st.lambdaMin()) + ", lambdaMax "
                + Numbers.table(st.lambdaMax()) + ", ratio " + (Double.isFinite(st.ratio()) ? Numbers.table(st.ratio()) : "inf"));
        out.println("energy       " + Numbers.table(s.energy()[0]) + " -> " + Numbers.table(s.energy()[last]));
        out.println("total heat   " + Numbers.table(s.totalHeat()[0]) + " -> " + Numbers.table(s.totalHeat()[last])
                + " (drift " + Numbers.table(s.heatDrift()) + (p.conservesHeat() ? ", conserved quantity)" : ")"));
        out.println("max|u|       " + Numbers.table(s.maxAbs()[0]) + " -> " + Numbers.table(s.maxAbs()[last]));
        if (!Double.isNaN(s.maxError())) {
            out.println("max error    " + Numbers.table(s.maxError()) + " at t = " + Numbers.table(p.tEnd()));
        }
        out.println("wall         " + Numbers.table(s.wallSeconds()) + " s");
        out.println();
        TextTable t = new TextTable("t", "energy", "total_heat", "max_abs");
        for (int k = 0; k <= last; k++) {
            t.row(Numbers.table(s.times()[k]), Numbers.table(s.energy()[k]), Numbers.table(s.totalHeat()[k]),
                    Numbers.table(s.maxAbs()[k]));
        }
        t.print(out, "  ");
        if (!files.isEmpty()) {
            out.println();
            out.println("wrote        " + String.join(", ", files));
        }
    }
}
