/**
 * Implementation of the geometry module, not exported: the meshers (structured grids, polar rings, JTS conforming
 * Delaunay triangulation of polygons), the discrete area functional with its exact sparse gradient and Hessian,
 * the linear solves on core.linear, and the mesh-refinement study that detects boundary data with no minimal
 * graph.
 */
package org.fallline.geometry.internal;
