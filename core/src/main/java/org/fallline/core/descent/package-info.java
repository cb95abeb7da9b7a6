/**
 * Descent: the discrete methods that follow the fall line x<sub>k+1</sub> = x<sub>k</sub> − η∇V(x<sub>k</sub>) and
 * its refinements (line searches, Newton, heavy ball, Nesterov, conjugate gradients), behind
 * {@link org.fallline.core.descent.DescentMethod}, with {@link org.fallline.core.descent.DescentResult} and
 * {@link org.fallline.core.descent.Trajectory} as results, {@link org.fallline.core.descent.StepObserver} to watch a run
 * step by step without keeping its iterates ({@link org.fallline.core.descent.TrajectoryRecorder} keeps every one, or
 * every m-th), and {@link org.fallline.core.descent.QuadraticAnalysis}
 * for the rates and steps of quadratic fields (Nocedal &amp; Wright, <i>Numerical Optimization</i>, 2006; Polyak 1964).
 */
package org.fallline.core.descent;
