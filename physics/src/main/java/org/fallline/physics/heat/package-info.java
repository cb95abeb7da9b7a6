/**
 * The heat equation u_t = DΔu − λu + f on [0, L]^d, d = 1, 2, 3, by second-order finite differences and the method
 * of lines: the gradient flow of the energy ½∫D|∇u|² + ½λ∫u². Boundary conditions per side (Dirichlet, Neumann,
 * Robin, periodic), explicit integration with Hipparchus, Crank–Nicolson, BDF2 and TR-BDF2, the exact-in-time
 * solution by discrete transforms, the stiffness of the discrete operator and the invariants (energy, total heat,
 * maximum principle) observed at every step.
 */
package org.fallline.physics.heat;
