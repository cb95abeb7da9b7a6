package org.fallline.geometry.internal;

import org.fallline.core.linear.GridShape;
import org.fallline.geometry.TriangleMesh;

/**
 * The linear solver for a mesh's Newton and time-step systems, chosen by measurement (benchmarks/README,
 * geometry section): multigrid-preconditioned CG on structured grids, IC(0)-preconditioned CG elsewhere.
 */
public final class LinearSolvers {

    private LinearSolvers() {
    }

    /** The solver for systems on the interior unknowns of {@code mesh}, building a preconditioner per matrix. */
    public static HessianSolver forMesh(TriangleMesh mesh, SparsePattern pattern) {
        return forMesh(mesh, pattern, false);
    }

    /**
     * The solver for systems on the interior unknowns of {@code mesh}; with {@code reuse} a preconditioner
     * serves later matrices while it still converges fast (for Newton's slowly changing Hessians).
     */
    public static HessianSolver forMesh(TriangleMesh mesh, SparsePattern pattern, boolean reuse) {
        if (mesh.structured()) {
            int[] shape = mesh.gridShape();
            return new CgSolver(pattern, GridShape.of(shape[0] - 2, shape[1] - 2), reuse);
        }
        return new CgSolver(pattern, null, reuse);
    }
}
