// Package detect flags weeks in which a theme spikes in a ward: it judges
// weekly counts of concerns, one ward x theme series at a time, with a
// negative-binomial GLM in the Farrington family, and offers EARS C1, C2
// and C3 as peers to compare against.
//
// # The problem
//
// Ward counts are small (0 to a few a week), overdispersed, seasonal
// (off-road bikes in summer), trend over years, and some series are young
// (new wards after boundary reviews). That is the outbreak-detection
// problem of public health on weekly case counts, whose references are the
// Farrington methods (Farrington et al. 1996; the improved "flexible"
// version of Noufaily et al. 2013, "An improved algorithm for outbreak
// detection in multiple surveillance systems", Stat Med 32:1206) and the
// CDC's EARS C1/C2/C3 (Hutwagner et al. 2003; Fricker et al. 2008).
//
// # The GLM detector (Detector, Name "nbglm")
//
// For each judged week t, using only weeks before t:
//
//  1. Baseline: the last BaselineYears years of weeks, minus a guard band
//     of GuardWeeks weeks just before t, so a surge building for a few
//     weeks does not raise its own baseline. Unlike Farrington's windows
//     around the same week of past years, every week is used: with 0.1-3
//     concerns a week, the weeks between carry most of the information.
//  2. Model: quasi-Poisson log-linear, log mu = a + seasonal + trend, fitted
//     by IRLS. Seasonality is Harmonics (2) annual sine/cosine pairs
//     instead of Noufaily's 10-level factor: small counts cannot feed 10
//     levels. The trend stays in the model (its uncertainty widens the
//     prediction) unless it predicts beyond the largest baseline count,
//     Farrington's rule against extrapolating a noisy slope; Farrington's
//     other rule, dropping a trend not significant at 5 %, is not used:
//     on sparse series a real trend is rarely significant, and dropping it
//     biased the mean low and the false-alarm rate above Alpha. Sparse
//     baselines get fewer coefficients (at least 40 concerns each beyond
//     the intercept: intercept only, then trend, then the harmonics),
//     since a seasonal fit to 26 concerns follows the noise. A weak ridge
//     (sd 1 on the log scale) keeps coefficients finite.
//  3. Outbreak down-weighting (Noufaily et al.): weeks whose standardised
//     Anscombe residual exceeds ReweightZ (2.58) get weight s⁻² and the
//     model is refitted, so last spring's spike does not mask this one.
//  4. Dispersion: the Pearson phi (at least 1) of the refit, raised to the
//     geometric mean of it and the phi before the down-weighting
//     (down-weighting the high weeks of a quiet series lowers phi, and so
//     the threshold), then shrunk towards PhiPrior (2) with the weight of
//     PhiPriorEvents (30) concerns: a few dozen concerns cannot estimate a
//     dispersion, and an underestimated one is what makes a detector alarm
//     more often than it says.
//  5. Threshold: the posterior-predictive upper-tail probability of the
//     count, a negative binomial of variance phi·m averaged over the
//     uncertainty of log m (the fit's covariance) and of phi (Gauss-Hermite
//     rules), divided by a calibration margin of 0.6 measured on the
//     detect-bench calibration grid (see docs/detection.md); the week
//     alarms when that p-value is at most Alpha (0.005).
//  6. Surge test (WindowWeeks 2): the sum of the last WindowWeeks weeks
//     is also tested against the sum of their predicted means, only while
//     the current week is above its expected value (so it does not keep
//     alarming after a spike ends); the two p-values share Alpha
//     (Bonferroni). On the Noufaily-design bench a 2-week sum found more
//     spikes than the shared Alpha lost; a 3-week sum found fewer.
//  7. Small counts: no alarm below MinCount (2) concerns, and an all-zero
//     baseline gets the Jeffreys-prior mean 0.5/n instead of 0.
//  8. Short histories: with fewer than SeasonalMinWeeks baseline weeks
//     the model is intercept-only on the last year (a down-weighted, so
//     robust, mean with the same NB quantile); weeks with fewer than
//     MinHistoryWeeks past weeks are not judged.
//  9. Force tier: over all the series judged together (a force's ward x
//     theme series), each week's p-values go through a Benjamini-Hochberg
//     step at FDR (0.05) (ForceTier); the alarms that survive are the
//     force tier, the others the ward tier. Alpha bounds each series'
//     false alarms, FDR the share of false alarms among the force tier,
//     whatever the number of series.

// Score is -Φ⁻¹(p), a z-like score (2.58 at p = 0.005), so scores compare
// across series of any level. Fits are warm-started from the previous
// week, so judging a whole series costs a few IRLS steps a week.
//
// # EARS
//
// EARS C1 compares the count with the mean and sd of the 7 weeks before
// it, C2 with the 7 weeks ending 3 weeks back (a 2-week guard), and C3
// sums max(0, C2-1) over the week and the two before; C1 and C2 alarm
// above 3, C3 above 2. They need no history beyond 7-11 weeks and no
// model, which is why they are the baseline to beat; on small counts their
// 7-week sd is noisy and often zero, and they alarm far more often than
// their nominal rate. The simulation benchmark in package sim measures
// both on the same simulated ward series.
//
// # Determinism and concurrency
//
// Judge is a pure function of its input; Detector and EARS hold only
// configuration and are safe for concurrent use. RunDetect is the offline
// CSV contract behind `wardpulse detect`.
package detect
