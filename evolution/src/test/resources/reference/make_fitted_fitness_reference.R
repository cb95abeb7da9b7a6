# Reference values for the fitted second-order fitness functions the selection figures draw:
#   logistic: p(z) = predict(glm(W ~ z + I(z^2/2) + z_i:z_j, binomial), type = "response")
#   Poisson:  mu(z) = predict(glm(W ~ ..., poisson), type = "response") = exp(eta(z))
# with the traits standardised within the data (z = (x - mean) / sd, sd with divisor n - 1), as the Java
# analysis does before fitting. The fitted values are printed at a few points of trait space: the mean
# phenotype, off-centre points in z, and some individuals' own z (rows named below, 1-based).
#
# Run from this folder (evolution/src/test/resources/reference):
#   Rscript make_fitted_fitness_reference.R > make_fitted_fitness_reference.Rout
# Reads ../data/bumpus.csv (binary W; TotalLength_mm, Weight_g, HumerusL_in; all 136 birds) and
# ../data/synthetic_selection_n2000.csv (count W; body_length_mm, mass_g, wing_mm).
# Writes reference_fitted_fitness.csv (dataset,family,z1,z2,z3,eta,response). Base R only (glm, predict).

options(digits = 15)
points <- rbind(c(0, 0, 0), c(1, -0.5, 0.3), c(-1.2, 0.8, 1.5), c(2, 2, -2), c(-0.7, -1.1, 0.4))

run <- function(ds, file, traits, fam, rows) {
  d <- read.csv(file)
  d <- d[complete.cases(d[, c("W", traits)]), ]
  Z <- scale(as.matrix(d[, traits]))
  colnames(Z) <- c("z1", "z2", "z3")
  df <- data.frame(W = d$W, Z)
  f <- glm(W ~ z1 + z2 + z3 + I(z1^2 / 2) + I(z2^2 / 2) + I(z3^2 / 2) + z1:z2 + z1:z3 + z2:z3,
           family = fam, data = df, control = glm.control(epsilon = 1e-12, maxit = 100))
  print(summary(f))
  at <- rbind(points, Z[rows, , drop = FALSE])
  nd <- data.frame(z1 = at[, 1], z2 = at[, 2], z3 = at[, 3])
  eta <- predict(f, newdata = nd, type = "link")
  res <- predict(f, newdata = nd, type = "response")
  data.frame(dataset = ds, family = fam, z1 = at[, 1], z2 = at[, 2], z3 = at[, 3], eta = eta, response = res)
}

out <- rbind(
  run("bumpus_all_3traits", "../data/bumpus.csv", c("TotalLength_mm", "Weight_g", "HumerusL_in"), "binomial",
      c(1, 50, 136)),
  run("synthetic_n2000_3traits", "../data/synthetic_selection_n2000.csv", c("body_length_mm", "mass_g", "wing_mm"),
      "poisson", c(1, 1000, 2000)))
print(out, digits = 15)
write.csv(format(out, digits = 15), "reference_fitted_fitness.csv", row.names = FALSE, quote = FALSE)
