/**
 * Files of the physics module, one class per format: tidy CSV of a heat solution and of its energy, legacy VTK
 * structured points with a ParaView .pvd collection, and initial conditions read from CSV with file:line:column
 * messages.
 */
package org.fallline.physics.io;
