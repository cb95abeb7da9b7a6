# The peer of `fallline selection --model gam` on Karn & Penrose's neonates: read the CSV, standardise the traits,
# fit gam(nns ~ te(bw, gest), family = binomial) with mgcv's defaults (UBRE) and compute gsg's gam.gradients by
# finite differences of predict(type = "response") (as evolution/src/test/resources/gam/mgcv_reference.R does).
# Usage: Rscript gam_neonatal_mgcv.R FILE.csv
suppressMessages(library(mgcv))
d <- read.csv(commandArgs(TRUE)[1])
std <- function(x) (x - mean(x)) / sd(x)
d$bw <- std(d$bw); d$gest <- std(d$gest)
m <- gam(nns ~ te(bw, gest), data = d, family = binomial())
wbar <- function(x) { nd <- d; nd$bw <- nd$bw + x[1]; nd$gest <- nd$gest + x[2]
  mean(predict(m, newdata = nd, type = "response")) }
h <- 1e-4; w0 <- wbar(c(0, 0))
beta <- c((wbar(c(h, 0)) - wbar(c(-h, 0))) / (2 * h), (wbar(c(0, h)) - wbar(c(0, -h))) / (2 * h)) / w0
g11 <- (wbar(c(h, 0)) - 2 * w0 + wbar(c(-h, 0))) / h^2 / w0
g22 <- (wbar(c(0, h)) - 2 * w0 + wbar(c(0, -h))) / h^2 / w0
g12 <- (wbar(c(h, h)) - wbar(c(h, -h)) - wbar(c(-h, h)) + wbar(c(-h, -h))) / (4 * h^2) / w0
cat("beta_gam", beta, "gamma_gam", g11, g12, g22, "ubre", m$gcv.ubre, "edf", sum(m$edf), "\n")
