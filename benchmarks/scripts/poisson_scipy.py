#!/usr/bin/env python3
"""Peer for LinearSolveBenchmark: SciPy's sparse direct solve (SuperLU, COLAMD ordering) of the same 2-D
Poisson problem, -Laplace(u) = 2 pi^2 sin(pi x) sin(pi y) on n x n interior nodes of the unit square
(5-point stencil, Dirichlet nodes eliminated). Prints n, unknowns, best-of-3 seconds, and seconds per unknown.

Usage: benchmarks/scripts/poisson_scipy.py [n ...]     (default 65 129 257 513 1025)
"""
import sys
import time

import numpy as np
import scipy.sparse as sp
import scipy.sparse.linalg as spla


def problem(n):
    h = 1.0 / (n + 1)
    t = sp.diags([-np.ones(n - 1), 2 * np.ones(n), -np.ones(n - 1)], [-1, 0, 1]) / h**2
    i = sp.identity(n)
    a = (sp.kron(i, t) + sp.kron(t, i)).tocsc()
    x = np.arange(1, n + 1) * h
    f = 2 * np.pi**2 * np.outer(np.sin(np.pi * x), np.sin(np.pi * x)).ravel()
    return a, f


def main():
    sizes = [int(s) for s in sys.argv[1:]] or [65, 129, 257, 513, 1025]
    print("n,unknowns,seconds,seconds_per_unknown,relative_residual")
    for n in sizes:
        a, f = problem(n)
        best = float("inf")
        for _ in range(3):
            t0 = time.perf_counter()
            u = spla.spsolve(a, f)
            best = min(best, time.perf_counter() - t0)
        res = np.linalg.norm(f - a @ u) / np.linalg.norm(f)
        print(f"{n},{n * n},{best:.4f},{best / (n * n):.3e},{res:.1e}", flush=True)


if __name__ == "__main__":
    main()
