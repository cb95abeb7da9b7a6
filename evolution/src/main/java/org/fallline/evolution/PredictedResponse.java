package org.fallline.evolution;

import java.util.List;

/**
 * The predicted response of the mean phenotype to one generation of selection, Δz̄ = Gβ (Lande 1979,
 * Evolution 33: 402–416), in the units in which the traits were analysed: raw units, or natural-log
 * units for log-transformed traits (G must be given in those units).
 *
 * <p>β is estimated on standardised traits z = (x − x̄)/c, so it is first put back into trait units:
 * β<sub>x,i</sub> = β<sub>i</sub>/c<sub>i</sub> with c<sub>i</sub> = sd(x<sub>i</sub>) for
 * {@link Standardization#SD}, x̄<sub>i</sub> for {@link Standardization#MEAN}, 1 for
 * {@link Standardization#NONE}; then Δz̄ = G β<sub>x</sub>, in trait units per generation.
 *
 * @param traits           trait names
 * @param gradientUnits    β<sub>x</sub>, the gradient per trait unit
 * @param response         Δz̄<sub>i</sub> in trait units (with bootstrap inference when resampled), term = trait
 * @param geneticCovariance G in trait order
 */
public record PredictedResponse(List<String> traits, double[] gradientUnits, List<Coefficient> response,
        double[][] geneticCovariance) {

    public PredictedResponse {
        traits = List.copyOf(traits);
        gradientUnits = gradientUnits.clone();
        response = List.copyOf(response);
        geneticCovariance = Matrices.copy(geneticCovariance);
    }

    @Override
    public double[] gradientUnits() {
        return gradientUnits.clone();
    }

    @Override
    public double[][] geneticCovariance() {
        return Matrices.copy(geneticCovariance);
    }

    /** Δz̄, in trait order. */
    public double[] values() {
        double[] v = new double[response.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = response.get(i).estimate();
        }
        return v;
    }
}
