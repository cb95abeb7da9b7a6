/**
 * Gradient flows dx/dt = −∇V and heavy-ball flows x″ + bx′ + ∇V = 0 of core scalar fields, integrated by
 * Hipparchus ({@link org.fallline.physics.flow.FlowSolver}): integrators by name, stopping events, finite-time
 * blow-up reported as an escape, a Lyapunov monitor; the exact flow of a quadratic, descent against the flow,
 * and saddle escape with and without momentum.
 */
package org.fallline.physics.flow;
