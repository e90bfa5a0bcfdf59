/* test_stats.c -- the Monte Carlo's order statistics (vary/stats.h) against
 * values worked by hand with R's type-7 rule, and the three-at-once route
 * against one quantile at a time. */
#include <criterion/criterion.h>
#include <string.h>

#include "samkalk/vary/stats.h"

Test(stats, type_7_quantiles_by_hand)
{
	/* 5 values: h = 4p. p = 0.05: h = 0.2, 1 + 0.2 (2 - 1) = 1.2;
	 * p = 0.5: h = 2, the third value 3; p = 0.95: h = 3.8, 4 + 0.8 = 4.8 */
	double x[] = {5, 1, 4, 2, 3};
	cr_assert_float_eq(stats_quantile(x, 5, 0.05), 1.2, 1e-12);
	cr_assert_float_eq(stats_quantile(x, 5, 0.5), 3, 0);
	cr_assert_float_eq(stats_quantile(x, 5, 0.95), 4.8, 1e-12);
	double p5, p50, p95, y[] = {5, 1, 4, 2, 3};
	stats_quantiles(y, 5, &p5, &p50, &p95);
	cr_assert_float_eq(p5, 1.2, 1e-12);
	cr_assert_float_eq(p50, 3, 0);
	cr_assert_float_eq(p95, 4.8, 1e-12);
}

Test(stats, three_at_once_equal_one_at_a_time)
{
	/* 1001 values of a scrambled sequence with ties: each of P5, P50,
	 * P95 bit for bit what stats_quantile gives on a fresh copy */
	enum { N = 1001 };
	static double x[N], c[N];
	for (size_t i = 0; i < N; i++)
		x[i] = (double)((i * 7919) % 613) - 300.5;
	const double p[3] = {0.05, 0.5, 0.95};
	double want[3];
	for (int k = 0; k < 3; k++) {
		memcpy(c, x, sizeof x);
		want[k] = stats_quantile(c, N, p[k]);
	}
	double got[3];
	stats_quantiles(x, N, &got[0], &got[1], &got[2]);
	for (int k = 0; k < 3; k++)
		cr_assert_eq(got[k], want[k], "P%g: %.17g, one at a time %.17g", p[k] * 100, got[k],
		             want[k]);
}

Test(stats, round_widths)
{
	/* range / 20 rounded up to 1, 2 or 5 times a power of ten */
	cr_assert_float_eq(stats_round_width(100), 5, 1e-12);       /* 5 */
	cr_assert_float_eq(stats_round_width(30), 2, 1e-12);        /* 1.5 -> 2 */
	cr_assert_float_eq(stats_round_width(130000), 10000, 1e-6); /* 6500 -> 10 000 */
}
