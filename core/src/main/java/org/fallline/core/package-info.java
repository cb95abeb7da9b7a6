/**
 * fallline core: what the three domains (evolution, physics, geometry) share.
 *
 * <p>Packages by concept, interfaces at the top of each, algorithms below (as Hipparchus arranges its packages):
 * <ul>
 *   <li>{@link org.fallline.core.field} — scalar and vector fields with exact gradients and Hessians, expressions,
 *       numerical derivatives, quadratic fields, boxes;</li>
 *   <li>{@link org.fallline.core.equilibrium} — critical points ∇V = 0 and their classification by the Hessian;</li>
 *   <li>{@link org.fallline.core.descent} — discrete descent methods x<sub>k+1</sub> = x<sub>k</sub> − η∇V + … and the
 *       analysis of quadratic fields;</li>
 *   <li>{@code org.fallline.core.internal} — implementation, not exported.</li>
 * </ul>
 * This package holds what every package uses: {@link org.fallline.core.CoreException} and
 * {@link org.fallline.core.ProgressListener}. Core does no I/O and never prints.
 */
package org.fallline.core;
