# Reference values for the evolution module's logistic (Janzen & Stern 1998) and OLS Lande-Arnold
# analyses on the real data sets, made with base R only.
#
# Run from this folder (evolution/src/test/resources/reference):
#   Rscript make_logistic_reference.R > make_logistic_reference.Rout
# Reads  ../data/bumpus.csv, ../data/karn_penrose_neonatal.csv (copies of /work/shared/data, see ../data/README.md)
# Writes reference_real_data.csv (long format: dataset,n,analysis,term,estimate,se,note)
#
# la_reference_lib.R is an unchanged copy of /work/shared/reference/evolution/la_reference_lib.R; every row
# its la_analysis() adds is kept. This script adds, with the same add() function, the raw glm() results
# (all coefficients with SEs, deviance, null deviance, iterations, convergence, R's separation flag) of
# the first- and second-order logistic models, so that a GLM implementation can be tested directly.
source("la_reference_lib.R")

glm_rows <- function(dataset, W, Z, label, quadratic) {
  n <- length(W)
  if (quadratic) {
    qd <- quad_design(Z)
    d <- data.frame(W = W, Z, qd$sq, qd$cr, check.names = FALSE)
  } else {
    d <- data.frame(W = W, Z, check.names = FALSE)
  }
  if (1 + ncol(d) - 1 >= n) return(invisible(NULL))
  fit <- suppressWarnings(glm(W ~ ., data = d, family = binomial))
  s <- summary(fit)$coefficients
  p <- fitted(fit)
  sep <- (!fit$converged) || min(p) < 1e-8 || max(p) > 1 - 1e-8
  cf <- coef(fit)
  for (nm in names(cf)) {
    if (nm %in% rownames(s)) add(dataset, n, label, nm, s[nm, 1], s[nm, 2])
    else add(dataset, n, label, nm, NA, NA, note = "aliased (NA) in R")
  }
  add(dataset, n, paste0(label, "_fit"), "deviance", fit$deviance)
  add(dataset, n, paste0(label, "_fit"), "null_deviance", fit$null.deviance)
  add(dataset, n, paste0(label, "_fit"), "iterations", fit$iter, note = "R glm.fit, maxit 25")
  add(dataset, n, paste0(label, "_fit"), "converged", as.numeric(fit$converged))
  add(dataset, n, paste0(label, "_fit"), "separation", as.numeric(sep),
      note = "!converged || min(p) < 1e-8 || max(p) > 1 - 1e-8 (as la_reference_lib.R)")
  add(dataset, n, paste0(label, "_fit"), "min_fitted", min(p))
  add(dataset, n, paste0(label, "_fit"), "max_fitted", max(p))
  invisible(NULL)
}

run <- function(dataset, W, X) {
  X <- as.matrix(X)
  la_analysis(dataset, W, X)
  Z <- standardise(X)
  glm_rows(dataset, W, Z, "logit1_coef", FALSE)
  glm_rows(dataset, W, Z, "logit2_coef", TRUE)
}

bump <- read.csv("../data/bumpus.csv")
traits9 <- c("TotalLength_mm", "AlarExtent_mm", "Weight_g", "SkullL_mm", "HumerusL_in",
             "FemurL_in", "TibioTarL_in", "SkullW_in", "SternumL_in")
traits3 <- c("TotalLength_mm", "Weight_g", "HumerusL_in")
fem <- bump[bump$Sex == 0, ]
run("bumpus_all_9traits", bump$W, bump[, traits9])
run("bumpus_female_9traits", fem$W, fem[, traits9])
run("bumpus_all_3traits", bump$W, bump[, traits3])
run("bumpus_female_3traits", fem$W, fem[, traits3])

kp <- read.csv("../data/karn_penrose_neonatal.csv")
run("karn_penrose", kp$nns, kp[, c("bw", "gest")])

res <- do.call(rbind, out)
write.csv(res, "reference_real_data.csv", row.names = FALSE)
cat("\nwrote reference_real_data.csv with", nrow(res), "rows\n")
cat(R.version.string, "\n")
