package org.fallline.core.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The constants of a momentum method (heavy ball, Nesterov): the step α, finite and &gt; 0, and the momentum
 * β in [0, 1), checked on construction with messages that name the parameter.
 */
public record Momentum(double step, double momentum) {

    /** @throws org.fallline.core.CoreException if α or β is out of range */
    public Momentum {
        step = ParameterChecks.step("step", step);
        momentum = ParameterChecks.momentum("momentum", momentum);
    }

    /** {step = α, momentum = β}. */
    public Map<String, Double> parameters() {
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("step", step);
        p.put("momentum", momentum);
        return p;
    }
}
