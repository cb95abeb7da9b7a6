/**
 * Sparse linear algebra for the implicit steps and Newton solves of the domain modules: compressed sparse row
 * matrices ({@link org.fallline.core.linear.CsrMatrix}), tridiagonal and cyclic tridiagonal solves
 * ({@link org.fallline.core.linear.Tridiagonal}), preconditioned conjugate gradients
 * ({@link org.fallline.core.linear.ConjugateGradientSolver}) with Jacobi, incomplete Cholesky and multigrid
 * preconditioners, Galerkin geometric multigrid on tensor grids ({@link org.fallline.core.linear.Multigrid}, and
 * {@link org.fallline.core.linear.MultigridFamily} for M + cL with changing c), and a sparse direct Cholesky
 * solve for unstructured meshes ({@link org.fallline.core.linear.SparseCholesky}, on EJML).
 * The interfaces at the top are {@link org.fallline.core.linear.LinearOperator} and
 * {@link org.fallline.core.linear.Preconditioner}.
 *
 * <p>Reference: Y. Saad, <i>Iterative Methods for Sparse Linear Systems</i>, 2nd ed., SIAM 2003; W. L. Briggs,
 * V. E. Henson and S. F. McCormick, <i>A Multigrid Tutorial</i>, 2nd ed., SIAM 2000; U. Trottenberg,
 * C. W. Oosterlee and A. Schüller, <i>Multigrid</i>, Academic Press 2001.
 */
package org.fallline.core.linear;
