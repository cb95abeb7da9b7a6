package org.fallline.evolution;

/**
 * How traits are scaled, within each group, before selection is measured. Every mode centres the
 * regressors at the group mean, z = (x − x̄)/c, and differs only in the scale c:
 *
 * <ul>
 *   <li>{@link #SD}: c = sd(x) with divisor n − 1 (R's {@code sd}), the convention of Lande &amp;
 *       Arnold (1983): gradients are in phenotypic standard deviations per unit relative fitness.</li>
 *   <li>{@link #MEAN}: c = x̄ (Hereford, Hansen &amp; Houle 2004, Evolution 58: 2133–2143), so the
 *       regressors are z = x/x̄ − 1; β<sub>μ,i</sub> = x̄<sub>i</sub> ∂w/∂x<sub>i</sub> and γ<sub>μ,ij</sub> =
 *       x̄<sub>i</sub>x̄<sub>j</sub> ∂²w/∂x<sub>i</sub>∂x<sub>j</sub> are elasticities of fitness. Centring does not
 *       change β, γ, S or C against the uncentred z = x/x̄; it makes the linear terms of the
 *       second-order model the gradient at the mean phenotype. Needs a positive mean.</li>
 *   <li>{@link #NONE}: c = 1, traits in their own (raw or log) units, only centred.</li>
 * </ul>
 */
public enum Standardization {
    /** z = (x − x̄)/sd(x), sd with divisor n − 1. */
    SD,
    /** z = (x − x̄)/x̄: mean-standardised, gradients as elasticities. */
    MEAN,
    /** z = x − x̄: raw units. */
    NONE
}
