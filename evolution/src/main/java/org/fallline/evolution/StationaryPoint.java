package org.fallline.evolution;

import java.util.OptionalDouble;
import org.fallline.core.equilibrium.EquilibriumType;

/**
 * The stationary point of the fitted second-order fitness surface w(z) = α + bᵀz + ½zᵀγz, where
 * ∇w = b + γz = 0: z* = −γ⁻¹b (Phillips &amp; Arnold 1989, Evolution 43: 1209–1222), classified by
 * the core's {@link org.fallline.core.equilibrium.Equilibrium#classify} on the eigenvalues of γ: a
 * {@link EquilibriumType#MAXIMUM} of fitness is a peak (stabilising selection), a
 * {@link EquilibriumType#MINIMUM} a valley (disruptive selection), a {@link EquilibriumType#SADDLE}
 * a saddle (correlational selection with opposite curvatures); a (near-)zero eigenvalue,
 * |λ| ≤ 10⁻⁸ max(1, max|λ|), makes γ singular: {@link EquilibriumType#DEGENERATE}, no isolated
 * stationary point, and the location fields are empty.
 *
 * <p>Whether z* lies among the sampled phenotypes is judged two ways: inside the range of every trait,
 * and with a Mahalanobis distance D* = √(z*ᵀP⁻¹z*) (P = Cov(z), divisor n − 1) no larger than the
 * largest D of the sampled individuals. A stationary point far outside the data is an extrapolation
 * of the quadratic approximation, not a feature of the fitness surface (Mitchell-Olds &amp; Shaw 1987,
 * Evolution 41: 1149–1161).
 *
 * @param type                  classification of z*
 * @param location              z* in standardised units (empty when degenerate)
 * @param traitLocation         x* = x̄ + c ∘ z* in trait units (analysed units: log for logged traits)
 * @param fitness               fitted relative fitness w(z*)
 * @param withinRange           every coordinate of x* within the sampled [min, max] of its trait
 * @param mahalanobis           D*
 * @param sampleMaxMahalanobis  the largest D among the individuals, when it could be established
 * @param withinSample          D* ≤ the sample's largest D: {@link Containment}
 */
public record StationaryPoint(EquilibriumType type, double[] location, double[] traitLocation,
        OptionalDouble fitness, boolean withinRange, OptionalDouble mahalanobis, OptionalDouble sampleMaxMahalanobis,
        Containment withinSample) {

    /** Whether the point's Mahalanobis distance is within that of the sampled individuals. */
    public enum Containment {
        /** D* ≤ max D: some individual is at least as far from the mean. */
        INSIDE,
        /** D* &gt; max D. */
        OUTSIDE,
        /** Not established (no point, or the streamed bound was not tight enough). */
        UNDETERMINED
    }

    public StationaryPoint {
        location = location.clone();
        traitLocation = traitLocation.clone();
    }

    /** The degenerate case: γ singular, no isolated stationary point. */
    static StationaryPoint degenerate() {
        return new StationaryPoint(EquilibriumType.DEGENERATE, new double[0], new double[0], OptionalDouble.empty(),
                false, OptionalDouble.empty(), OptionalDouble.empty(), Containment.UNDETERMINED);
    }

    @Override
    public double[] location() {
        return location.clone();
    }

    @Override
    public double[] traitLocation() {
        return traitLocation.clone();
    }

    /** Whether there is an isolated stationary point (γ non-singular). */
    public boolean exists() {
        return type != EquilibriumType.DEGENERATE;
    }

    /** Inside both the per-trait ranges and the Mahalanobis radius of the sample. */
    public boolean insideSample() {
        return withinRange && withinSample == Containment.INSIDE;
    }

    /** The selection the surface shape implies: stabilising, disruptive, correlational, or none. */
    public String selection() {
        return switch (type) {
            case MAXIMUM -> "stabilising";
            case MINIMUM -> "disruptive";
            case SADDLE -> "correlational";
            case DEGENERATE -> "none";
        };
    }
}
