# The 1,000,000-row table of the "Selection figures at scale" benchmark (benchmarks/README.md): 3 traits, binary
# fitness W ~ Bernoulli(logit^-1(-0.5 + 0.3 z1 - 0.2 z2 - 0.1 z1^2)), z ~ N(0, I), seed 1. Usage: python3 selection-figures-data.py OUT.csv
import sys

import numpy as np
rng = np.random.default_rng(1)
n = 1_000_000
z = rng.standard_normal((n, 3))
eta = -0.5 + 0.3 * z[:, 0] - 0.2 * z[:, 1] - 0.1 * z[:, 0] ** 2
w = (rng.random(n) < 1 / (1 + np.exp(-eta))).astype(int)
t = np.column_stack([10 + z[:, 0], 20 + 2 * z[:, 1], 5 + 0.5 * z[:, 2]])
with open(sys.argv[1], "w") as f:
    f.write("W,t1,t2,t3\n")
    for wi, (a, b, c) in zip(w, t):
        f.write(f"{wi},{a:.5f},{b:.5f},{c:.5f}\n")
