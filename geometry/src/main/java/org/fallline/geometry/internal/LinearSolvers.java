package org.fallline.geometry.internal;

import org.fallline.geometry.TriangleMesh;

/** The linear solver chosen for a mesh's Newton and time-step systems (by measurement; see benchmarks/README). */
public final class LinearSolvers {

    private LinearSolvers() {
    }

    /** The solver for systems on the interior unknowns of {@code mesh}. */
    public static HessianSolver forMesh(TriangleMesh mesh) {
        return new CholeskySolver();
    }
}
