/**
 * Figures drawn with JFreeChart: colour maps with contours, line and point plots, shaded surface renderings,
 * written as PNG or SVG.
 */
package org.fallline.samples.figures;
