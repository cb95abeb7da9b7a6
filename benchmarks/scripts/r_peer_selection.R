# The peer of `fallline selection` in R: data.table::fread + lm of the second-order Lande-Arnold
# model (standardised traits, relative fitness, 1/2 z_i^2 and z_i z_j terms) with summary(), as a
# biologist would run it. Prints the elapsed wall time of one end-to-end run (read + fit + summary).
# Usage: Rscript r_peer_selection.R FILE.csv
suppressPackageStartupMessages(library(data.table))
setDTthreads(2)
args <- commandArgs(trailingOnly = TRUE)
t0 <- proc.time()[["elapsed"]]
d <- fread(args[1])
traits <- paste0("t", 1:6)
Z <- scale(as.matrix(d[, ..traits]))
w <- d$W / mean(d$W)
k <- ncol(Z)
X <- data.frame(Z)
for (i in 1:k) X[[paste0("h", i)]] <- 0.5 * Z[, i]^2
for (i in 1:(k - 1)) for (j in (i + 1):k) X[[paste0("c", i, "_", j)]] <- Z[, i] * Z[, j]
X$w <- w
s <- summary(lm(w ~ ., data = X))
t1 <- proc.time()[["elapsed"]]
cat(sprintf("r_elapsed_s %.3f coefficients %d\n", t1 - t0, nrow(s$coefficients)))
