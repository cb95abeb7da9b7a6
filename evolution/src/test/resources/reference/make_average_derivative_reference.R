# Reference values for the average-derivative selection gradients of GLM fitness functions
# (Janzen & Stern 1998 for beta; Morrissey & Sakrejda 2013, Evolution 67: 2094, for beta and gamma):
#   beta_j     = mean_i dW~/dz_j (z_i) / mean(W),   W~ the fitted first-order GLM (response scale)
#   gamma_jk   = mean_i d2W~/dz_j dz_k (z_i) / mean(W),   W~ the fitted second-order GLM
#   gamma_logistic_js = Janzen & Stern's rescaling: second-order logit coefficients x mean(p(1-p)) / mean(W)
# Standard errors by the delta method: J vcov(theta) J^T with J the Jacobian of the gradients with respect
# to the GLM coefficients theta, computed here by central finite differences (h = 1e-6 * max(1, |theta|)) of
# the analytic gradient function, so the Java code's analytic Jacobian is checked independently.
# The analytic average derivatives are also checked against finite differences of predict(type = "response").
#
# Run from this folder (evolution/src/test/resources/reference):
#   Rscript make_average_derivative_reference.R > make_average_derivative_reference.Rout
# Reads ../data/bumpus.csv (binary W; TotalLength_mm, Weight_g, HumerusL_in; all 136 birds) and
# ../data/synthetic_selection_n2000.csv (count W; body_length_mm, mass_g, wing_mm).
# Writes reference_average_derivative.csv (dataset,n,analysis,term,estimate,se,note). Base R only; the GLMs
# are fitted by glm.fit with R's default convergence rule (relative deviance change < 1e-8).

options(digits = 15)
out <- data.frame(dataset = character(), n = integer(), analysis = character(), term = character(),
                  estimate = numeric(), se = numeric(), note = character(), stringsAsFactors = FALSE)
add <- function(ds, analysis, term, est, se) {
  out[nrow(out) + 1, ] <<- list(ds, N, analysis, term, est, se, "delta-method SE")
}

# Second-order design in the Java column order: 1, z, 0.5 z_i^2, z_i z_j (i < j).
design <- function(Z, quadratic) {
  k <- ncol(Z)
  X <- cbind(1, Z)
  if (quadratic) {
    for (i in 1:k) X <- cbind(X, 0.5 * Z[, i]^2)
    for (i in 1:(k - 1)) for (j in (i + 1):k) if (j <= k) X <- cbind(X, Z[, i] * Z[, j])
  }
  X
}

# dmu/deta, d2mu/deta2 as functions of eta.
links <- list(
  binomial = list(d1 = function(e) { p <- plogis(e); p * (1 - p) },
                  d2 = function(e) { p <- plogis(e); p * (1 - p) * (1 - 2 * p) }),
  poisson = list(d1 = function(e) exp(e), d2 = function(e) exp(e)))

# Gradient of eta with respect to z at every individual (n x k) and the constant Hessian Q (k x k).
eta_derivatives <- function(theta, Z, quadratic) {
  k <- ncol(Z)
  b <- theta[2:(k + 1)]
  G <- matrix(b, nrow(Z), k, byrow = TRUE)
  Q <- matrix(0, k, k)
  if (quadratic) {
    for (i in 1:k) Q[i, i] <- theta[1 + k + i]
    at <- 1 + 2 * k
    for (i in 1:(k - 1)) for (j in (i + 1):k) if (j <= k) { at <- at + 1; Q[i, j] <- theta[at]; Q[j, i] <- theta[at] }
    G <- G + Z %*% Q
  }
  list(G = G, Q = Q)
}

avg_beta <- function(theta, Z, quadratic, fam, meanW) {
  eta <- drop(design(Z, quadratic) %*% theta)
  d <- eta_derivatives(theta, Z, quadratic)
  colMeans(links[[fam]]$d1(eta) * d$G) / meanW
}

avg_gamma <- function(theta, Z, fam, meanW) {
  k <- ncol(Z)
  eta <- drop(design(Z, TRUE) %*% theta)
  d <- eta_derivatives(theta, Z, TRUE)
  m1 <- links[[fam]]$d1(eta)
  m2 <- links[[fam]]$d2(eta)
  g <- c()
  for (i in 1:k) for (j in i:k) g <- c(g, mean(m2 * d$G[, i] * d$G[, j] + m1 * d$Q[i, j]) / meanW)
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

analyse <- function(ds, W, X, fam) {
  N <<- length(W)
  Z <- scale(X)
  traits <- colnames(X)
  k <- ncol(Z)
  meanW <- mean(W)
  fit1 <- glm.fit(design(Z, FALSE), W, family = get(fam)(), control = glm.control(epsilon = 1e-8, maxit = 100))
  fit2 <- glm.fit(design(Z, TRUE), W, family = get(fam)(), control = glm.control(epsilon = 1e-8, maxit = 100))
  stopifnot(fit1$converged, fit2$converged)
  vc <- function(fit) { s <- summary.glm(structure(fit, class = c("glm", "lm"))); s$cov.scaled }
  t1 <- fit1$coefficients; t2 <- fit2$coefficients
  fb <- function(th) avg_beta(th, Z, FALSE, fam, meanW)
  fg <- function(th) avg_gamma(th, Z, fam, meanW)
  beta <- fb(t1); Jb <- jacobian(fb, t1); seb <- sqrt(diag(Jb %*% vc(fit1) %*% t(Jb)))
  gamma <- fg(t2); Jg <- jacobian(fg, t2); seg <- sqrt(diag(Jg %*% vc(fit2) %*% t(Jg)))
  name <- if (fam == "binomial") "logistic" else "poisson"
  for (i in 1:k) add(ds, paste0("beta_", name), traits[i], beta[i], seb[i])
  at <- 0
  terms <- c()
  for (i in 1:k) for (j in i:k) { at <- at + 1; terms <- c(terms, paste0(traits[i], ":", traits[j]))
    add(ds, paste0("gamma_", name), terms[at], gamma[at], seg[at]) }
  if (fam == "binomial") {
    p <- fit2$fitted.values
    f <- mean(p * (1 - p)) / meanW
    se2 <- sqrt(diag(vc(fit2)))
    at <- 0
    for (i in 1:k) for (j in i:k) {
      at <- at + 1
      col <- if (i == j) 1 + k + i else 2 + 2 * k + (i - 1) * (2 * k - i) / 2 + (j - i - 1)
      add(ds, "gamma_logistic_js", terms[at], f * t2[col], f * se2[col])
    }
  }
  # Check of the analytic average derivatives against finite differences of the fitted fitness function.
  mu <- function(th, Zs, quadratic) get(fam)()$linkinv(drop(design(Zs, quadratic) %*% th))
  h <- 1e-5
  fd <- sapply(1:k, function(j) { e <- matrix(0, nrow(Z), k); e[, j] <- h
    mean((mu(t1, Z + e, FALSE) - mu(t1, Z - e, FALSE)) / (2 * h)) / meanW })
  cat(ds, name, "beta: max |analytic - finite difference| =", max(abs(fd - beta)), "\n")
  fdg <- c()
  for (i in 1:k) for (j in i:k) {
    ei <- matrix(0, nrow(Z), k); ei[, i] <- h
    ej <- matrix(0, nrow(Z), k); ej[, j] <- h
    fdg <- c(fdg, mean((mu(t2, Z + ei + ej, TRUE) - mu(t2, Z + ei - ej, TRUE) - mu(t2, Z - ei + ej, TRUE)
                         + mu(t2, Z - ei - ej, TRUE)) / (4 * h * h)) / meanW)
  }
  cat(ds, name, "gamma: max |analytic - finite difference| =", max(abs(fdg - gamma)), "\n")
}

b <- read.csv("../data/bumpus.csv")
analyse("bumpus_all_3traits", b$W, as.matrix(b[, c("TotalLength_mm", "Weight_g", "HumerusL_in")]), "binomial")
s <- read.csv("../data/synthetic_selection_n2000.csv")
analyse("synthetic_n2000_3traits", s$W, as.matrix(s[, c("body_length_mm", "mass_g", "wing_mm")]), "poisson")

write.csv(out, "reference_average_derivative.csv", row.names = FALSE)
write.csv(format(out, digits = 15), stdout(), row.names = FALSE)
print(out)
cat(R.version.string, "\n")
