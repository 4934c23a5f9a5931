#!/usr/bin/env Rscript
# Reference run for `wardpulse detect-bench`: judges the benchmark's
# simulated series with R surveillance's farringtonFlexible at the settings
# of Noufaily et al. (2013) and writes one row per judged week.
#
#   wardpulse detect-bench --export /tmp/sim --series 540 --seed 101
#   Rscript processors/detect/reference/farrington.R /tmp/sim/series.csv /tmp/sim/farrington.csv [first_week]
#   wardpulse detect-bench --series 540 --seed 101 --reference farrington=/tmp/sim/farrington.csv
#
# Input: series.csv as `wardpulse detect` reads it (series_id,week_start,
# count; contiguous weeks per series). Output: series_id,week_start,alarm,
# pvalue, where pvalue is farringtonFlexible's upper-tail probability
# P(Y >= y) (control$pvalue) and NA when its 5-in-4 rule (limit54) forbids
# an alarm, so detect-bench can move the cut-off to matched false-alarm
# rates. first_week is the 1-based index of the first week judged; the
# default, 5*52+4, is the first week with b = 5 years of history (w = 3).
# Debian: apt-get install r-base-core r-cran-surveillance. Not run in CI.
suppressPackageStartupMessages(library(surveillance))

args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 2) stop("usage: farrington.R series.csv out.csv [first_week] [alpha]")
first <- if (length(args) >= 3) as.integer(args[3]) else 5L * 52L + 4L
alpha <- if (length(args) >= 4) as.numeric(args[4]) else 0.005

d <- read.csv(args[1], colClasses = c("character", "character", "integer"))
d <- d[order(d$series_id, d$week_start), ]
ctl <- list(
  b = 5, w = 3, noPeriods = 10, pastWeeksNotIncluded = 26,
  weightsThreshold = 2.58, trend = TRUE, pThresholdTrend = 0.05,
  thresholdMethod = "nbPlugin", populationOffset = FALSE,
  powertrans = "2/3", limit54 = c(5, 4), alpha = alpha,
  fitFun = "algo.farrington.fitGLM.flexible"
)
out <- file(args[2], "w")
writeLines("series_id,week_start,alarm,pvalue", out)
t0 <- Sys.time()
for (id in unique(d$series_id)) {
  s <- d[d$series_id == id, ]
  n <- nrow(s)
  if (n < first) next
  x <- sts(observed = matrix(s$count, ncol = 1), start = c(2000, 1), frequency = 52,
           epoch = as.numeric(as.Date(s$week_start)), epochAsDate = TRUE)
  ctl$range <- first:n
  r <- suppressWarnings(farringtonFlexible(x, control = ctl))
  ub <- upperbound(r)[, 1]
  p <- r@control$pvalue[, 1]
  p[is.na(ub)] <- NA # 5-in-4 rule: cannot alarm
  al <- as.integer(alarms(r)[, 1])
  al[is.na(al)] <- 0L
  writeLines(sprintf("%s,%s,%d,%s", id, s$week_start[first:n], al,
                     ifelse(is.na(p), "NA", format(p, digits = 6, trim = TRUE))), out)
}
close(out)
message(sprintf("farringtonFlexible: %d series in %.1f s", length(unique(d$series_id)),
                as.numeric(difftime(Sys.time(), t0, units = "secs"))))
