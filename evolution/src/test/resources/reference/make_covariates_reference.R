# Reference values for `--covariates` and for `glm.p.value` (the GLM p-values beside the OLS rows).
# Covariates enter every model beside the standardised traits, neither standardised nor centred; rows with a
# missing covariate (or trait, or fitness) are dropped listwise BEFORE fitness is relativised (w = W / mean W)
# and traits standardised (z = scale(x)), so every number below uses the complete rows only.
#   first order : lm(w ~ z + covariates)                    -> beta (and S, on the same rows, no covariates)
#   second order: lm(w ~ z + quadratic(z) + covariates)     -> gamma, and the covariate rows
#   GLM (binomial for 0/1 W, poisson for counts), W ~ the same terms:
#     glm_p1 : Pr(>|z|) of the linear terms of the first-order glm (glm.p.value of beta)
#     glm_p2 : Pr(>|z|) of the quadratic terms of the second-order glm (glm.p.value of gamma)
#     glm_pc : Pr(>|z|) of the covariates in the second-order glm (glm.p.value of the covariate rows)
#     beta_glm, gamma_glm: average-derivative gradients of the fitted GLM fitness functions / mean W
#       (Janzen & Stern 1998; Morrissey & Sakrejda 2013), covariates at each individual's own values,
#       with delta-method SEs from a finite-difference Jacobian.
# quadratic(z) = 0.5 z_i^2 and z_i z_j (i < j). Categorical covariates are factors with R's default treatment
# contrasts (reference level: the first in sorted order); their rows are named NAME:LEVEL.
#
# Run from this folder (evolution/src/test/resources/reference):
#   Rscript make_covariates_reference.R > make_covariates_reference.Rout
# Writes reference_covariates.csv (dataset,n,analysis,term,estimate,se,note; note "t=... p=..." or
# "z=... p=..."). Base R only.
options(digits = 15)
Sys.setlocale("LC_COLLATE", "C")
out <- data.frame(dataset = character(), n = integer(), analysis = character(), term = character(),
                  estimate = numeric(), se = numeric(), note = character(), stringsAsFactors = FALSE)
add <- function(ds, n, analysis, term, est, se, note) {
  out[nrow(out) + 1, ] <<- list(ds, n, analysis, term, est, se, note)
}

links <- list(
  binomial = list(d1 = function(e) { p <- plogis(e); p * (1 - p) },
                  d2 = function(e) { p <- plogis(e); p * (1 - p) * (1 - 2 * p) }),
  poisson = list(d1 = function(e) exp(e), d2 = function(e) exp(e)))

# The trait part of the design in the Java column order: 1, z, 0.5 z_i^2, z_i z_j (i < j).
basis <- function(Z, quadratic) {
  k <- ncol(Z)
  X <- cbind(1, Z)
  colnames(X) <- c("(Intercept)", colnames(Z))
  if (quadratic) {
    for (i in 1:k) { X <- cbind(X, 0.5 * Z[, i]^2); colnames(X)[ncol(X)] <- paste0(colnames(Z)[i], ":", colnames(Z)[i]) }
    if (k > 1) for (i in 1:(k - 1)) for (j in (i + 1):k) {
      X <- cbind(X, Z[, i] * Z[, j]); colnames(X)[ncol(X)] <- paste0(colnames(Z)[i], ":", colnames(Z)[j])
    }
  }
  X
}

# Treatment-contrast covariate columns named as fallline names them (NAME or NAME:LEVEL).
covariate_columns <- function(d, covs) {
  C <- NULL
  for (v in covs) {
    x <- d[[v]]
    if (is.factor(x)) {
      lv <- levels(x)
      for (l in lv[-1]) { C <- cbind(C, as.numeric(x == l)); colnames(C)[ncol(C)] <- paste0(v, ":", l) }
    } else {
      C <- cbind(C, x); colnames(C)[ncol(C)] <- v
    }
  }
  C
}

gamma_terms <- function(traits) {
  k <- length(traits); t <- c()
  for (i in 1:k) for (j in i:k) t <- c(t, paste0(traits[i], ":", traits[j]))
  t
}

# Average-derivative gradients of the GLM with coefficients theta (trait basis then covariates).
avg_grad <- function(theta, Z, C, quadratic, fam, meanW) {
  k <- ncol(Z)
  X <- cbind(basis(Z, quadratic), C)
  eta <- drop(X %*% theta)
  G <- matrix(theta[2:(k + 1)], nrow(Z), k, byrow = TRUE)
  Q <- matrix(0, k, k)
  if (quadratic) {
    for (i in 1:k) Q[i, i] <- theta[1 + k + i]
    at <- 1 + 2 * k
    if (k > 1) for (i in 1:(k - 1)) for (j in (i + 1):k) { at <- at + 1; Q[i, j] <- Q[j, i] <- theta[at] }
    G <- G + Z %*% Q
  }
  m1 <- links[[fam]]$d1(eta)
  if (!quadratic) return(colMeans(m1 * G) / meanW)
  m2 <- links[[fam]]$d2(eta)
  g <- c()
  for (i in 1:k) for (j in i:k) g <- c(g, mean(m2 * G[, i] * G[, j] + m1 * Q[i, j]) / meanW)
  g
}

jacobian <- function(f, theta) {
  f0 <- f(theta)
  J <- matrix(0, length(f0), length(theta))
  for (c in seq_along(theta)) {
    h <- 1e-6 * max(1, abs(theta[c]))
    tp <- theta; tp[c] <- tp[c] + h
    tm <- theta; tm[c] <- tm[c] - h
    J[, c] <- (f(tp) - f(tm)) / (2 * h)
  }
  J
}

run <- function(ds, d, fitness, traits, covs, fam) {
  keep <- complete.cases(d[, c(fitness, traits, covs)]) & apply(d[, c(fitness, traits, covs)], 1,
                                                                function(r) all(r != ""))
  d <- d[keep, ]
  for (v in covs) if (is.character(d[[v]]) || v %in% attr(d, "categorical")) d[[v]] <- factor(d[[v]])
  n <- nrow(d)
  W <- d[[fitness]]
  w <- W / mean(W)
  Z <- scale(as.matrix(d[, traits]))
  colnames(Z) <- traits
  C <- covariate_columns(d, covs)
  X1 <- cbind(basis(Z, FALSE), C)
  X2 <- cbind(basis(Z, TRUE), C)
  f1 <- summary(lm(w ~ X1 - 1))$coefficients
  f2 <- summary(lm(w ~ X2 - 1))$coefficients
  rownames(f1) <- colnames(X1); rownames(f2) <- colnames(X2)
  note <- function(f, r) sprintf("t=%.15g p=%.15g", f[r, 3], f[r, 4])
  for (t in traits) add(ds, n, "beta", t, f1[t, 1], f1[t, 2], note(f1, t))
  for (t in gamma_terms(traits)) add(ds, n, "gamma", t, f2[t, 1], f2[t, 2], note(f2, t))
  for (t in colnames(C)) add(ds, n, "covariate", t, f2[t, 1], f2[t, 2], note(f2, t))
  for (t in traits) add(ds, n, "S", t, mean(w * Z[, t]) - mean(w) * mean(Z[, t]), NA, "divisor n, same rows")
  g1 <- glm(W ~ X1 - 1, family = fam)
  g2 <- glm(W ~ X2 - 1, family = fam)
  s1 <- summary(g1)$coefficients; s2 <- summary(g2)$coefficients
  rownames(s1) <- colnames(X1); rownames(s2) <- colnames(X2)
  zn <- function(f, r) sprintf("z=%.15g p=%.15g", f[r, 3], f[r, 4])
  for (t in traits) add(ds, n, "glm_p1", t, s1[t, 1], s1[t, 2], zn(s1, t))
  for (t in gamma_terms(traits)) add(ds, n, "glm_p2", t, s2[t, 1], s2[t, 2], zn(s2, t))
  for (t in colnames(C)) add(ds, n, "glm_pc", t, s2[t, 1], s2[t, 2], zn(s2, t))
  th1 <- coef(g1); th2 <- coef(g2)
  b <- avg_grad(th1, Z, C, FALSE, fam, mean(W))
  Jb <- jacobian(function(th) avg_grad(th, Z, C, FALSE, fam, mean(W)), th1)
  seb <- sqrt(diag(Jb %*% vcov(g1) %*% t(Jb)))
  for (i in seq_along(traits)) add(ds, n, "beta_glm", traits[i], b[i], seb[i], "delta-method SE")
  g <- avg_grad(th2, Z, C, TRUE, fam, mean(W))
  Jg <- jacobian(function(th) avg_grad(th, Z, C, TRUE, fam, mean(W)), th2)
  seg <- sqrt(diag(Jg %*% vcov(g2) %*% t(Jg)))
  gt <- gamma_terms(traits)
  for (i in seq_along(gt)) add(ds, n, "gamma_glm", gt[i], g[i], seg[i], "delta-method SE")
  cat("\n==", ds, ": n =", n, "of", length(keep), "rows; family", fam, "\n")
  print(f2)
  print(s2)
}

b <- read.csv("../data/bumpus.csv", stringsAsFactors = FALSE)
traits3 <- c("TotalLength_mm", "Weight_g", "HumerusL_in")
# Sex (0/1, numeric) as covariate: all 136 birds.
run("bumpus_sex", b, "W", traits3, "Sex", "binomial")
# AgeGroup (0/1, males only; empty for the 49 females): listwise deletion leaves the 87 males.
run("bumpus_agegroup", b, "W", traits3, "AgeGroup", "binomial")

b2 <- read.csv("../data/bumpus_second_transcription.csv", stringsAsFactors = FALSE)
traits2 <- c("length", "weight", "humerus")
# sex m/f: categorical (reference f)
run("bumpus2_sex", b2, "survival", traits2, "sex", "binomial")
# age a/y (empty for females): categorical (reference a), listwise deletion
run("bumpus2_age", b2, "survival", traits2, "age", "binomial")

s <- read.csv("../data/synthetic_selection_n2000.csv")
s$site <- s$id %% 3
attr(s, "categorical") <- "site"
# counts: a numeric covariate (wing_mm) and a three-level factor coded 0/1/2 (read as categorical)
run("synthetic_wing_site", s, "W", c("body_length_mm", "mass_g"), c("wing_mm", "site"), "poisson")

# --compare-groups with a covariate: groups id %% 2, fitness relativised and traits standardised within each
# group, the covariate (wing_mm, raw) with group-specific coefficients in both models of each test:
#   equal beta : lm(w ~ g * wing + z)                 vs lm(w ~ g * (wing + z))
#   equal gamma: lm(w ~ g * (wing + z) + quad(z))     vs lm(w ~ g * (wing + z + quad(z)))
s$grp <- factor(s$id %% 2)
parts <- lapply(split(s, s$grp), function(d) {
  Z <- scale(as.matrix(d[, c("body_length_mm", "mass_g")]))
  data.frame(g = d$grp, W = d$W, w = d$W / mean(d$W), wing = d$wing_mm, z1 = Z[, 1], z2 = Z[, 2],
             s1 = 0.5 * Z[, 1]^2, s2 = 0.5 * Z[, 2]^2, c12 = Z[, 1] * Z[, 2])
})
e <- do.call(rbind, parts)
cmp <- function(term, f0, f1) {
  a <- anova(lm(as.formula(f0), data = e), lm(as.formula(f1), data = e))
  add("synthetic_by_parity_wing", nrow(e), "compare_F", term, a$F[2], NA,
      sprintf("p=%.15g df=%d,%d", a$`Pr(>F)`[2], a$Df[2], a$Res.Df[2]))
  m0 <- glm(as.formula(sub("^w", "W", f0)), data = e, family = poisson)
  m1 <- glm(as.formula(sub("^w", "W", f1)), data = e, family = poisson)
  a <- anova(m0, m1, test = "Chisq")
  add("synthetic_by_parity_wing", nrow(e), "compare_LRT_poisson", term, a$Deviance[2], NA,
      sprintf("p=%.15g df=%d", a$`Pr(>Chi)`[2], a$Df[2]))
}
cmp("beta", "w ~ g * wing + z1 + z2", "w ~ g * (wing + z1 + z2)")
cmp("gamma", "w ~ g * (wing + z1 + z2) + s1 + s2 + c12", "w ~ g * (wing + z1 + z2 + s1 + s2 + c12)")
print(out[grepl("compare", out$analysis), ])

write.csv(out, "reference_covariates.csv", row.names = FALSE)
cat(R.version.string, "\n")
