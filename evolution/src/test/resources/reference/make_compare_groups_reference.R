# Reference values for `--by COL --compare-groups`: tests of equal beta and equal gamma across groups by the
# trait x group interaction, fitness relativised (w = W / mean W) and traits standardised (z = scale(x))
# within each group.
#   equal beta : lm(w ~ g + z)                 vs lm(w ~ g * z)                       (anova F)
#   equal gamma: lm(w ~ g * z + quadratic(z))  vs lm(w ~ g * (z + quadratic(z)))      (anova F)
# and the same with glm(W ~ ..., family) and anova(..., test = "Chisq") for GLM fitness.
# quadratic(z) = 0.5 z_i^2 and z_i z_j (i < j).
#
# Run from this folder (evolution/src/test/resources/reference):
#   Rscript make_compare_groups_reference.R > make_compare_groups_reference.Rout
# Reads ../data/synthetic_selection_n2000.csv (groups: id %% 2; counts W: F tests, and Poisson LRTs) and
# ../data/bumpus.csv (groups: Sex; binary W; TotalLength_mm, Weight_g, HumerusL_in: logistic LRTs).
# Writes reference_compare_groups.csv (dataset,n,analysis,term,estimate,se,note: estimate = F or chi-squared,
# note = "p=... df=..."). Base R only.
options(digits = 15)
out <- data.frame(dataset = character(), n = integer(), analysis = character(), term = character(),
                  estimate = numeric(), se = numeric(), note = character(), stringsAsFactors = FALSE)

prepare <- function(d, traits, group) {
  parts <- lapply(split(d, d[[group]]), function(s) {
    z <- scale(as.matrix(s[, traits]))
    colnames(z) <- paste0("z", seq_along(traits))
    data.frame(g = factor(s[[group]]), W = s$W, w = s$W / mean(s$W), z)
  })
  e <- do.call(rbind, parts)
  k <- length(traits)
  for (i in 1:k) e[[paste0("s", i)]] <- 0.5 * e[[paste0("z", i)]]^2
  for (i in 1:(k - 1)) for (j in (i + 1):k) e[[paste0("c", i, j)]] <- e[[paste0("z", i)]] * e[[paste0("z", j)]]
  e
}

formulas <- function(k) {
  lin <- paste0("z", 1:k, collapse = " + ")
  quad <- paste(c(paste0("s", 1:k), unlist(lapply(1:(k - 1), function(i) paste0("c", i, (i + 1):k)))),
                collapse = " + ")
  list(b0 = paste("~ g +", lin), b1 = paste("~ g * (", lin, ")"),
       g0 = paste("~ g * (", lin, ") +", quad), g1 = paste("~ g * (", lin, "+", quad, ")"))
}

test <- function(ds, e, k, family) {
  f <- formulas(k)
  for (term in c("beta", "gamma")) {
    f0 <- f[[if (term == "beta") "b0" else "g0"]]
    f1 <- f[[if (term == "beta") "b1" else "g1"]]
    if (is.null(family)) {
      a <- anova(lm(as.formula(paste("w", f0)), data = e), lm(as.formula(paste("w", f1)), data = e))
      out[nrow(out) + 1, ] <<- list(ds, nrow(e), "compare_F", term, a$F[2], NA,
                                    sprintf("p=%.15g df=%d,%d", a$`Pr(>F)`[2], a$Df[2], a$Res.Df[2]))
    } else {
      m0 <- glm(as.formula(paste("W", f0)), data = e, family = family)
      m1 <- glm(as.formula(paste("W", f1)), data = e, family = family)
      a <- anova(m0, m1, test = "Chisq")
      out[nrow(out) + 1, ] <<- list(ds, nrow(e), paste0("compare_LRT_", family), term, a$Deviance[2], NA,
                                    sprintf("p=%.15g df=%d", a$`Pr(>Chi)`[2], a$Df[2]))
    }
  }
}

s <- read.csv("../data/synthetic_selection_n2000.csv")
s$grp <- s$id %% 2
es <- prepare(s, c("body_length_mm", "mass_g", "wing_mm"), "grp")
test("synthetic_n2000_by_id_parity", es, 3, NULL)
test("synthetic_n2000_by_id_parity", es, 3, "poisson")
b <- read.csv("../data/bumpus.csv")
eb <- prepare(b, c("TotalLength_mm", "Weight_g", "HumerusL_in"), "Sex")
test("bumpus_by_sex_3traits", eb, 3, "binomial")

write.csv(out, "reference_compare_groups.csv", row.names = FALSE)
print(out)
cat(R.version.string, "\n")
