/**
 * Fields: {@link org.fallline.core.field.ScalarField} V : ℝⁿ → ℝ with exact gradient ∇V and Hessian ∇²V, the
 * expression language compiled to second-order forward-mode automatic differentiation
 * ({@link org.fallline.core.field.Expression}), fields over space and time whose parameters (t, constants) are
 * bound per evaluation and not differentiated, with batch evaluation over grids
 * ({@link org.fallline.core.field.ParametricField}), Ridders–Richardson numerical derivatives
 * ({@link org.fallline.core.field.NumericalField}, {@link org.fallline.core.field.GradientCheck}), quadratic fields
 * ½xᵀAx − bᵀx + c ({@link org.fallline.core.field.QuadraticField}), axis-aligned boxes, and vector fields
 * F : ℝⁿ → ℝⁿ with their Jacobians ({@link org.fallline.core.field.VectorField}; the gradient flow's −∇V is
 * {@link org.fallline.core.field.NegativeGradient}).
 */
package org.fallline.core.field;
