package org.fallline.core.field;

/**
 * The second-order jet of a scalar field at a point: V(x), ∇V(x) and ∇²V(x).
 *
 * <p>The arrays belong to this record once it is made; callers should treat them as read-only.
 *
 * @param value    V(x)
 * @param gradient ∇V(x), length n
 * @param hessian  ∇²V(x), n × n and symmetric
 */
public record Derivatives(double value, double[] gradient, double[][] hessian) {
}
