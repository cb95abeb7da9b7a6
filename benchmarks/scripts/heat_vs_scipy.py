#!/usr/bin/env python3
"""fallline heat against SciPy's solve_ivp BDF with a sparse Jacobian, in the same run.

Problems (the physics reference, section 3): u_t = Lap u on [0,1]^d, zero Dirichlet sides, t = 0.1,
  1-D: u0 = sin(pi x) + 0.5 sin(3 pi x), N = 10000 interior points;
  2-D: u0 = sin(pi x) sin(pi y) + 0.5 sin(3 pi x) sin(2 pi y), 256 x 256 interior points;
  3-D: u0 = sin(pi x) sin(pi y) sin(pi z), 64^3 (fallline only: time and error recorded).
Accuracy target: max error against the exact PDE solution within twice the spatial error of the grid.
SciPy runs at the loosest rtol (atol = rtol/100, from 1e-5 down by factors of 10) that meets it; fallline
with --method auto and with implicit methods forced, at its default accuracy and at the loosest --tol that
meets it. Each timing is the best of RUNS (default 3) runs; fallline's is its own wallSeconds (solve time,
JVM start excluded), SciPy's the wall time of solve_ivp. Written for this project (not from elsewhere).

usage: benchmarks/scripts/heat_vs_scipy.py [--quick]   (run from the repository root after mvn package)
"""
import json
import os
import subprocess
import sys
import time

import numpy as np
import scipy
import scipy.sparse as sp
from scipy.integrate import solve_ivp

T = 0.1
RUNS = int(os.environ.get("RUNS", "3"))
JAR = os.environ.get("FALLLINE_JAR", "samples/target/fallline.jar")
JAVA = os.environ.get("JAVA", "java")


def lap1d(n):
    h = 1.0 / (n + 1)
    return sp.diags([np.ones(n - 1), -2.0 * np.ones(n), np.ones(n - 1)], [-1, 0, 1], shape=(n, n), format="csr") / h**2


def problem(dim, n):
    h = 1.0 / (n + 1)
    x = h * np.arange(1, n + 1)
    if dim == 1:
        u0 = np.sin(np.pi * x) + 0.5 * np.sin(3 * np.pi * x)
        ex = np.exp(-np.pi**2 * T) * np.sin(np.pi * x) + 0.5 * np.exp(-9 * np.pi**2 * T) * np.sin(3 * np.pi * x)
        mu = lambda k: -4 / h**2 * np.sin(k * np.pi * h / 2) ** 2
        sd = np.exp(mu(1) * T) * np.sin(np.pi * x) + 0.5 * np.exp(mu(3) * T) * np.sin(3 * np.pi * x)
        J = lap1d(n).tocsc()
    else:
        X, Y = np.meshgrid(x, x, indexing="ij")
        s = lambda k, l: np.sin(k * np.pi * X) * np.sin(l * np.pi * Y)
        u0 = (s(1, 1) + 0.5 * s(3, 2)).ravel(order="F")
        ex = (np.exp(-2 * np.pi**2 * T) * s(1, 1) + 0.5 * np.exp(-13 * np.pi**2 * T) * s(3, 2)).ravel(order="F")
        mu = lambda k: -4 / h**2 * np.sin(k * np.pi * h / 2) ** 2
        sd = (np.exp((mu(1) + mu(1)) * T) * s(1, 1) + 0.5 * np.exp((mu(3) + mu(2)) * T) * s(3, 2)).ravel(order="F")
        T1 = lap1d(n)
        I = sp.identity(n, format="csr")
        J = (sp.kron(T1, I) + sp.kron(I, T1)).tocsc()
    return u0, ex, float(np.max(np.abs(sd - ex))), J


def scipy_bdf(dim, n, target):
    u0, ex, spatial, J = problem(dim, n)
    rhs = lambda t, u: J @ u
    rows = []
    for rtol in (1e-5, 1e-6, 1e-7, 1e-8, 1e-9, 1e-10):
        best = float("inf")
        for _ in range(RUNS):
            t0 = time.perf_counter()
            sol = solve_ivp(rhs, (0, T), u0, method="BDF", jac=J, rtol=rtol, atol=rtol / 100, t_eval=[T])
            best = min(best, time.perf_counter() - t0)
        err = float(np.max(np.abs(sol.y[:, -1] - ex)))
        rows.append(dict(rtol=rtol, wall=best, nfev=int(sol.nfev), nlu=int(sol.nlu), err=err))
        print(f"scipy BDF {dim}-D n={n} rtol={rtol:g}: wall {best:.4f} s, nfev {sol.nfev}, nlu {sol.nlu}, "
              f"max error {err:.3e} (target {target:.3e})", flush=True)
        if err <= target:
            return rows[-1], spatial
    return rows[-1], spatial


def fallline(args):
    best = None
    for _ in range(RUNS):
        out = subprocess.run([JAVA, "-jar", JAR, "heat", "--format", "json", "--quiet", "--samples", "2"] + args,
                             capture_output=True, text=True)
        if out.returncode != 0:
            raise RuntimeError(out.stderr)
        r = json.loads(out.stdout)
        if best is None or r["wallSeconds"] < best["wallSeconds"]:
            best = r
    return best


def main():
    quick = "--quick" in sys.argv
    print(f"# python {sys.version.split()[0]}, numpy {np.__version__}, scipy {scipy.__version__}; "
          f"load average {os.getloadavg()[0]:.1f}; RUNS={RUNS}", flush=True)
    cases = [(1, 10000, "sin(pi*x) + 0.5*sin(3*pi*x)",
              "exp(-pi^2*t)*sin(pi*x) + 0.5*exp(-9*pi^2*t)*sin(3*pi*x)")]
    if not quick:
        cases.append((2, 256, "sin(pi*x)*sin(pi*y) + 0.5*sin(3*pi*x)*sin(2*pi*y)",
                      "exp(-2*pi^2*t)*sin(pi*x)*sin(pi*y) + 0.5*exp(-13*pi^2*t)*sin(3*pi*x)*sin(2*pi*y)"))
    for dim, n, u0, exact in cases:
        _, _, spatial, _ = problem(dim, n)
        target = 2 * spatial
        print(f"\n## {dim}-D n={n}: spatial error {spatial:.3e}, target {target:.3e}", flush=True)
        ref, _ = scipy_bdf(dim, n, target)
        base = ["--dim", str(dim), "--n", str(n), "--initial", u0, "--exact", exact]
        for method in ("auto", "crank-nicolson", "bdf2", "tr-bdf2") + (("radau5",) if dim == 1 else ()):
            tols = [None] if method == "auto" else [None, 1e-6, 3e-7, 1e-7, 3e-8, 1e-8, 3e-9, 1e-9]
            for tol in tols:
                r = fallline(base + ["--method", method] + ([] if tol is None else ["--tol", str(tol)]))
                ok = r["maxError"] <= target
                print(f"fallline {r['method']:15s} tol={tol}: wallSeconds {r['wallSeconds']:.4f}, steps {r['steps']}, "
                      f"max error {r['maxError']:.3e} ({'meets' if ok else 'misses'} target); "
                      f"ratio to scipy BDF {r['wallSeconds'] / ref['wall']:.3f}", flush=True)
                if ok and tol is not None:
                    break
    if not quick:
        r = fallline(["--dim", "3", "--n", "64", "--initial", "sin(pi*x)*sin(pi*y)*sin(pi*z)",
                      "--exact", "exp(-3*pi^2*t)*sin(pi*x)*sin(pi*y)*sin(pi*z)"])
        print(f"\n## 3-D 64^3: fallline {r['method']} wallSeconds {r['wallSeconds']:.4f}, max error {r['maxError']:.3e}")
        for method in ("crank-nicolson", "tr-bdf2"):
            r = fallline(["--dim", "3", "--n", "64", "--initial", "sin(pi*x)*sin(pi*y)*sin(pi*z)",
                          "--exact", "exp(-3*pi^2*t)*sin(pi*x)*sin(pi*y)*sin(pi*z)", "--method", method])
            print(f"## 3-D 64^3: fallline {r['method']} wallSeconds {r['wallSeconds']:.4f}, steps {r['steps']}, "
                  f"max error {r['maxError']:.3e}")


if __name__ == "__main__":
    main()
