/**
 * Equilibria: points x* with ∇V(x*) = 0, found in a box by {@link org.fallline.core.equilibrium.EquilibriumFinder}
 * and classified by the eigenvalues of the Hessian ∇²V(x*) (minimum, maximum, saddle of Morse index k, degenerate)
 * as {@link org.fallline.core.equilibrium.Equilibrium}.
 */
package org.fallline.core.equilibrium;
