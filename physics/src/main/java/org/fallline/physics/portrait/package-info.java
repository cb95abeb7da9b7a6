/**
 * Phase portraits of gradient flows: equilibria, the stable and unstable manifolds of saddles, and fans of
 * orbits ({@link org.fallline.physics.portrait.PhasePortrait}).
 */
package org.fallline.physics.portrait;
