/**
 * Writers and readers of geometry files, one class per format behind one interface: triangle meshes as OBJ, PLY,
 * binary STL, legacy VTK and CSV height maps (MeshWriter), flow snapshots as a VTP series with a ParaView .pvd
 * collection, and polygon domains from CSV. Every file is written to a temporary sibling and moved into place.
 */
package org.fallline.geometry.io;
