# mgcv reference values for fallline's GAM fitness functions and GAM selection gradients.
#
# Rerun from this directory (mgcv 1.8-41, R 4.x):
#   Rscript mgcv_reference.R > mgcv_reference.Rout 2>&1
# It writes reference_gam.csv (one row per case and quantity) and reference_gam_fitted.csv (fitted values of
# every individual, every case) and prints the fits. Traits are standardised (mean 0, sd 1 with divisor n - 1)
# as fallline's selection analysis standardises them before it fits; the smooths are mgcv's own defaults for
# method "GCV.Cp" (UBRE for binomial/Poisson, GCV for Gaussian).
#
# The gradients reimplement gsg 2.0's gam.gradients (Morrissey & Sakrejda 2013, Evolution 67: 2094; gsg is not
# installed here, nor numDeriv): Wbar(x) = mean(predict(mod, newdata = traits + x, type = "response")),
# beta = grad Wbar(0) / Wbar(0), gamma = Hessian Wbar(0) / Wbar(0). gsg takes the derivatives with numDeriv's
# Richardson-extrapolated differences; here they are central differences with h = 1e-4 (first derivatives) and
# h = 1e-4 (second), each Richardson-extrapolated once (h and h/2). The splines are C2 piecewise cubics whose third
# derivative jumps at the knots, so the differences are accurate to O(h^2) for beta and O(h) x jump for gamma.
suppressMessages(library(mgcv))
options(digits = 15)
dat <- function(f) read.csv(file.path("..", "data", f))
std <- function(x) (x - mean(x)) / sd(x)

wbar <- function(mod, d, traits, x) {
  nd <- d
  for (i in seq_along(traits)) nd[[traits[i]]] <- nd[[traits[i]]] + x[i]
  mean(predict(mod, newdata = nd, type = "response"))
}
num_grad <- function(f, k, h) {
  g <- numeric(k)
  for (i in 1:k) {
    d <- function(h) { e <- numeric(k); e[i] <- h; (f(e) - f(-e)) / (2 * h) }
    g[i] <- (4 * d(h / 2) - d(h)) / 3
  }
  g
}
num_hess <- function(f, k, h) {
  H <- matrix(0, k, k)
  f0 <- f(numeric(k))
  for (i in 1:k) for (j in i:k) {
    d <- function(h) {
      ei <- numeric(k); ei[i] <- h; ej <- numeric(k); ej[j] <- h
      if (i == j) (f(ei) - 2 * f0 + f(-ei)) / h^2
      else (f(ei + ej) - f(ei - ej) - f(-ei + ej) + f(-ei - ej)) / (4 * h^2)
    }
    H[i, j] <- H[j, i] <- (4 * d(h / 2) - d(h)) / 3
  }
  H
}

rows <- list()
fitted_rows <- list()
add <- function(case, quantity, term, value) {
  rows[[length(rows) + 1]] <<- data.frame(case = case, quantity = quantity, term = term, value = value)
}
run <- function(case, formula, d, traits, family) {
  t0 <- proc.time()[["elapsed"]]
  m <- gam(formula, data = d, family = family)
  t1 <- proc.time()[["elapsed"]]
  cat("\n==== ", case, ": ", deparse(formula), ", ", family$family, "\n", sep = "")
  print(summary(m))
  cat("sp:", m$sp, " gcv.ubre:", m$gcv.ubre, " sum(edf):", sum(m$edf), " fit seconds:", t1 - t0, "\n")
  k <- length(traits)
  f <- function(x) wbar(m, d, traits, x)
  w0 <- f(numeric(k))
  beta <- num_grad(f, k, 1e-4) / w0
  gamma <- num_hess(f, k, 1e-4) / w0
  add(case, "edf", "total", sum(m$edf))
  add(case, "score", m$method, m$gcv.ubre)
  add(case, "deviance", "", deviance(m))
  add(case, "scale", "", m$sig2)
  for (j in seq_along(m$sp)) add(case, "sp", names(m$sp)[j], m$sp[j])
  add(case, "mean_fitted", "", w0)
  for (i in 1:k) add(case, "beta_gam", traits[i], beta[i])
  for (i in 1:k) for (j in i:k) add(case, "gamma_gam", paste(traits[i], traits[j], sep = ":"), gamma[i, j])
  # pointwise link-scale standard error (Vp) at the first five individuals
  p <- predict(m, newdata = d[1:5, , drop = FALSE], se.fit = TRUE)
  for (i in 1:5) add(case, "se_link", as.character(i), p$se.fit[i])
  for (i in 1:5) add(case, "eta", as.character(i), p$fit[i])
  fitted_rows[[length(fitted_rows) + 1]] <<- data.frame(case = case, row = seq_along(fitted(m)), fitted = fitted(m))
  cat("beta_gam:", beta, "\ngamma_gam:\n"); print(gamma)
  m
}

# (a) Karn & Penrose neonates: gsg's own fit, te(bw, gest) with mgcv's defaults (cr margins, k = 5), UBRE.
kp <- dat("karn_penrose_neonatal.csv")
kp$bw <- std(kp$bw); kp$gest <- std(kp$gest)
mod_kp <- run("neonatal_te", nns ~ te(bw, gest), kp, c("bw", "gest"), binomial())

# (b) one-trait cubic regression splines: Bumpus's sparrows (survival on weight, all 136 birds) and the
#     synthetic Poisson set (count fitness on mass).
bp <- dat("bumpus.csv")
bp$Weight_g <- std(bp$Weight_g)
run("bumpus_weight_s", W ~ s(Weight_g, bs = "cr"), bp, "Weight_g", binomial())
sy <- dat("synthetic_selection_n2000.csv")
for (v in c("body_length_mm", "mass_g", "wing_mm")) sy[[v]] <- std(sy[[v]])
run("synthetic_mass_s", W ~ s(mass_g, bs = "cr"), sy, "mass_g", poisson())

# (c) Gaussian, GCV: relative fitness of the synthetic set on a tensor surface of two traits.
sy$w <- sy$W / mean(sy$W)
run("synthetic_gaussian_te", w ~ te(body_length_mm, mass_g), sy, c("body_length_mm", "mass_g"), gaussian())

# three traits (one joint te) and four traits (additive cr smooths)
run("synthetic_te3", W ~ te(body_length_mm, mass_g, wing_mm), sy, c("body_length_mm", "mass_g", "wing_mm"),
    poisson())
for (v in c("TotalLength_mm", "AlarExtent_mm", "SkullL_mm")) bp[[v]] <- std(bp[[v]])
run("bumpus_additive4", W ~ s(TotalLength_mm, bs = "cr") + s(AlarExtent_mm, bs = "cr") + s(Weight_g, bs = "cr") +
      s(SkullL_mm, bs = "cr"), bp, c("TotalLength_mm", "AlarExtent_mm", "Weight_g", "SkullL_mm"), binomial())

# a parametric covariate beside the smooth: sex (0/1, numeric) and survival on weight
run("bumpus_sex_weight_s", W ~ Sex + s(Weight_g, bs = "cr"), bp, "Weight_g", binomial())

out <- do.call(rbind, rows)
write.csv(out, "reference_gam.csv", row.names = FALSE)
write.csv(do.call(rbind, fitted_rows), "reference_gam_fitted.csv", row.names = FALSE)
cat("\n", R.version.string, "; mgcv ", as.character(packageVersion("mgcv")), "\n", sep = "")
