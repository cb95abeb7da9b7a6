package org.fallline.physics.portrait;

import java.util.List;

import org.fallline.core.equilibrium.Equilibrium;

/**
 * The stable and unstable manifolds of a saddle x̄ of the gradient flow dx/dt = −∇V: the points whose orbits
 * tend to x̄ as t → +∞ (stable, tangent at x̄ to the eigenvectors of ∇²V with λ &gt; 0) and as t → −∞
 * (unstable, tangent to those with λ &lt; 0). Their dimensions are the numbers of positive and negative
 * eigenvalues (stable manifold theorem). A one-dimensional manifold is traced as its two branches; a
 * two-dimensional one as a fan of orbits from a small circle in its tangent plane.
 *
 * <p>Reference: M. W. Hirsch, S. Smale and R. L. Devaney, <i>Differential Equations, Dynamical Systems, and an
 * Introduction to Chaos</i>, 3rd ed., Academic Press 2013, §8.3 and §9.3.
 *
 * @param saddle            x̄
 * @param stableDimension   number of positive Hessian eigenvalues
 * @param unstableDimension number of negative Hessian eigenvalues (the Morse index)
 * @param stable            traced orbits of the stable manifold (backwards in time from x̄)
 * @param unstable          traced orbits of the unstable manifold (forwards from x̄)
 */
public record SaddleManifolds(Equilibrium saddle, int stableDimension, int unstableDimension, List<Curve> stable,
                              List<Curve> unstable) {

    public SaddleManifolds {
        stable = List.copyOf(stable);
        unstable = List.copyOf(unstable);
    }
}
