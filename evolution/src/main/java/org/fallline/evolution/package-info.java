/**
 * Lande–Arnold selection analysis: selection differentials and gradients, the quadratic selection
 * matrix γ, canonical analysis, non-normal fitness and resampling, from phenotype tables.
 */
package org.fallline.evolution;
