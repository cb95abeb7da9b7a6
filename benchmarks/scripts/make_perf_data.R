# Writes the performance data sets for the selection benchmark: N rows x 6 correlated traits and
# Poisson fitness, by the recipe of shared/reference/evolution/simulate_and_fit.R section 2
# (set.seed(99), R6 = 0.3^|i-j|, log-quadratic fitness). Usage: Rscript make_perf_data.R N OUT.csv
args <- commandArgs(trailingOnly = TRUE)
N <- as.integer(args[1]); out <- args[2]
set.seed(99)
k6 <- 6
R6 <- 0.3 ^ abs(outer(1:k6, 1:k6, "-"))
U6 <- matrix(rnorm(N * k6), N, k6) %*% chol(R6)
b6 <- c(0.2, -0.1, 0.05, 0, 0.1, -0.05)
A6 <- diag(c(0.2, 0.1, 0.15, 0.05, 0.1, 0.2)); A6[1, 2] <- A6[2, 1] <- 0.05
eta6 <- log(1.5) + as.numeric(U6 %*% b6) - 0.5 * rowSums((U6 %*% A6) * U6)
W6 <- rpois(N, exp(eta6))
X6 <- round(sweep(U6, 2, c(10, 20, 30, 40, 50, 60), "+"), 4)
colnames(X6) <- paste0("t", 1:k6)
if (requireNamespace("data.table", quietly = TRUE)) {
  data.table::fwrite(data.frame(id = 1:N, X6, W = W6), out)
} else {
  write.csv(data.frame(id = 1:N, X6, W = W6), out, row.names = FALSE, quote = FALSE)
}
