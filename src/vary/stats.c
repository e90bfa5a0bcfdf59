/* stats.c -- order statistics of the Monte Carlo's NPVs (SPEC §6): the
 * quantile of R's type 7 by selection (gsl_stats_select), P5, P50 and P95
 * with less selecting, and round histogram widths. Plain arrays only;
 * allocates nothing; never prints. */
#include "samkalk/vary/stats.h"

#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdbool.h>

/* The value at p of n values by linear interpolation between order
 * statistics h = (n - 1) p (R's type 7, NumPy's default), found by
 * selection; reorders x. */
double stats_quantile(double *x, size_t n, double p)
{
	double h = (double)(n - 1) * p;
	size_t lo = (size_t)floor(h);
	double a = gsl_stats_select(x, 1, n, lo);
	if (lo + 1 >= n || h == (double)lo)
		return a;
	double b = gsl_stats_select(x, 1, n, lo + 1);
	return a + (h - (double)lo) * (b - a);
}

/* Whether x[lo..hi) is split at k: nothing before k above x[k], nothing
 * after it below. */
static bool split_at(const double *x, size_t lo, size_t hi, size_t k)
{
	for (size_t i = lo; i < k; i++)
		if (x[i] > x[k])
			return false;
	for (size_t i = k + 1; i < hi; i++)
		if (x[i] < x[k])
			return false;
	return true;
}

/* Order statistics k and k + 1 (from 0) of values of which x[lo..hi)
 * holds exactly ranks lo..hi-1, and `above` is rank hi: selection within
 * the range, then the smallest after k when the selection left the range
 * split at k (checked here, not assumed of GSL), else a second selection.
 * *split tells which. */
static void order_pair(double *x, size_t lo, size_t hi, size_t k, double above, double *a,
                       double *b, bool *split)
{
	*a = gsl_stats_select(x + lo, 1, hi - lo, k - lo);
	*split = split_at(x, lo, hi, k);
	if (k + 1 >= hi) {
		*b = above;
	} else if (*split) {
		*b = x[k + 1];
		for (size_t i = k + 2; i < hi; i++)
			*b = fmin(*b, x[i]);
	} else {
		*b = gsl_stats_select(x + lo, 1, hi - lo, k + 1 - lo);
	}
}

static double between(double a, double b, double h, size_t k, size_t n)
{
	return k + 1 >= n || h == (double)k ? a : a + (h - (double)k) * (b - a);
}

/* P5, P50 and P95 of x as quantile() gives them, with less selecting: the
 * median first, then P5 among the values below it and P95 among those
 * above, when the median's selection left x split (else quantile()
 * for each). Reorders x. */
void stats_quantiles(double *x, size_t n, double *p5, double *p50, double *p95)
{
	double h50 = (double)(n - 1) * 0.5, h5 = (double)(n - 1) * 0.05,
	       h95 = (double)(n - 1) * 0.95;
	size_t k50 = (size_t)floor(h50), k5 = (size_t)floor(h5), k95 = (size_t)floor(h95);
	double a50, b50, a, b;
	bool split;
	order_pair(x, 0, n, k50, 0, &a50, &b50, &split);
	*p50 = between(a50, b50, h50, k50, n);
	if (!split) {
		*p5 = stats_quantile(x, n, 0.05);
		*p95 = stats_quantile(x, n, 0.95);
		return;
	}
	if (k5 < k50) {
		order_pair(x, 0, k50, k5, a50, &a, &b, &split);
		*p5 = between(a, b, h5, k5, n);
	} else {
		*p5 = between(a50, b50, h5, k5, n);
	}
	if (k95 > k50) {
		order_pair(x, k50 + 1, n, k95, 0, &a, &b, &split);
		*p95 = between(a, b, h95, k95, n);
	} else {
		*p95 = between(a50, b50, h95, k95, n);
	}
}

/* A round bin width (1, 2 or 5 times a power of ten) near range / 20. */
double stats_round_width(double range)
{
	double raw = range / 20, mag = pow(10, floor(log10(raw)));
	double f = raw / mag;
	return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
}
