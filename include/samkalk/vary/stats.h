/* stats.h -- order statistics of the Monte Carlo's values (SPEC §6), on
 * plain arrays: what vary/uncertainty.c reports per target. */
#ifndef SAMKALK_STATS_H
#define SAMKALK_STATS_H

#include <stddef.h>

/* The value at p of x's n values by linear interpolation between the order
 * statistics around h = (n - 1) p (R's type 7, NumPy's default), found by
 * selection. Reorders x. */
double stats_quantile(double *x, size_t n, double p);

/* P5, P50 and P95 of x, each exactly as stats_quantile() gives it, with
 * less selecting: the median first, then P5 among the values below it and
 * P95 among those above when the median's selection left x split (checked,
 * not assumed of GSL). Reorders x. */
void stats_quantiles(double *x, size_t n, double *p5, double *p50, double *p95);

/* A round bin width (1, 2 or 5 times a power of ten) near range / 20. */
double stats_round_width(double range);

#endif
