#!/usr/bin/env python3
"""fallline flow (Hipparchus) against SciPy's solve_ivp on the saddle field V = exp(x)cos(y) - x - 1.

Both are run with the same integrator family (Dormand-Prince 8(5,3): Hipparchus dp853, SciPy DOP853) and the
same tolerances (rtol = atol = TOL), from (0.5, 0.5):
  1. to t = 1: error against the closed form (x, y)(1) = (0.8067143179731826, 1.8581971131897816)
     (y(t) = -H + (y0 + H)e^t with H = e^x0 sin y0 - y0 conserved, x = ln((y + H)/sin y));
  2. to t = 10 with a terminal event |grad V| = 1e8 (fallline's escape bound): time of the event against the
     blow-up time t* = ln((pi + H)/(y0 + H)) = 1.46831911528861; and SciPy without the event.
Reports right-hand-side evaluations and errors of each, and their ratios fallline / SciPy.
Usage: benchmarks/scripts/flow_scipy.py [TOL ...]   (default 1e-6 1e-8 1e-10 1e-12); needs samples/target/fallline.jar.
"""
import json
import math
import subprocess
import sys

import numpy as np
import scipy
from scipy.integrate import solve_ivp

X0 = (0.5, 0.5)
H = math.exp(X0[0]) * math.sin(X0[1]) - X0[1]
T_STAR = math.log((math.pi + H) / (X0[1] + H))
AT_ONE = (0.8067143179731826, 1.8581971131897816)
JAR = "samples/target/fallline.jar"


def rhs(t, z):
    x, y = z
    return [-(math.exp(x) * math.cos(y) - 1), math.exp(x) * math.sin(y)]


def rhs_numpy(t, z):
    # numpy's exp overflows to inf (with a warning) where math.exp raises, so SciPy's own reaction shows
    with np.errstate(over="ignore", invalid="ignore"):
        e = np.exp(z[0])
        return [-(e * np.cos(z[1]) - 1), e * np.sin(z[1])]


def speed_event(t, z):
    return math.hypot(*rhs(t, z)) - 1e8


speed_event.terminal = True


def fallline(tol, t_end):
    out = subprocess.run(["java", "-jar", JAR, "flow", "--potential", "exp(x)*cos(y) - x - 1", "--from", "0.5,0.5",
                          "--t-end", str(t_end), "--tol", str(tol), "--format", "json", "--quiet"],
                         capture_output=True, text=True)
    return json.loads(out.stdout)


def main():
    tols = [float(a) for a in sys.argv[1:]] or [1e-6, 1e-8, 1e-10, 1e-12]
    print(f"scipy {scipy.__version__}, numpy {np.__version__}; t* = {T_STAR!r}")
    print("| tol | fallline evals | SciPy evals | evals ratio | fallline error | SciPy error | error ratio |"
          " fallline t* error | SciPy t* error (event) | SciPy without event |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for tol in tols:
        s = solve_ivp(rhs, (0, 1), X0, method="DOP853", rtol=tol, atol=tol)
        s_err = math.hypot(s.y[0, -1] - AT_ONE[0], s.y[1, -1] - AT_ONE[1])
        f = fallline(tol, 1)
        f_err = math.hypot(f["point"][0] - AT_ONE[0], f["point"][1] - AT_ONE[1])
        b = solve_ivp(rhs, (0, 10), X0, method="DOP853", rtol=tol, atol=tol, events=speed_event)
        b_t = b.t_events[0][0] if len(b.t_events[0]) else float("nan")
        raw = solve_ivp(rhs_numpy, (0, 10), X0, method="DOP853", rtol=tol, atol=tol)
        fb = fallline(tol, 10)
        print(f"| {tol:g} | {f['evaluations']} | {s.nfev} | {f['evaluations'] / s.nfev:.2f} | {f_err:.2e} |"
              f" {s_err:.2e} | {f_err / s_err if s_err > 0 else float('nan'):.2f} |"
              f" {abs(fb['t'] - T_STAR):.2e} ({fb['stop']}) | {abs(b_t - T_STAR):.2e} |"
              f" status {raw.status}, t = {raw.t[-1]:.9f}, y = {raw.y[:, -1]}: {raw.message} |")


if __name__ == "__main__":
    main()
