/* test_distributions.c -- the distributions of SPEC §6 (distributions.h):
 * reading each one and its method-of-moments conversion, the refusals and
 * their messages, the analytic mean, variance and quantiles, the draws
 * checked statistically, and the random stream of one Monte Carlo draw.
 * Every expected value is worked out by hand in the comment beside it.
 *
 * Tolerances of the statistical tests. Each draws N = 200000 values the way
 * the program does: one stream, reseeded for every draw, value i being the
 * first dist_draw after dist_stream_seed(r, 12345, i).
 *
 *   Mean. The sample mean xbar of N independent values has variance
 *   sigma^2/N, so SE(xbar) = sqrt(sigma^2/N).
 *
 *   Variance. The sample variance s^2 = sum (x - xbar)^2 / (N - 1) has
 *   Var(s^2) = mu4/N - sigma^4 (N - 3)/(N (N - 1))
 *            = (mu4 - sigma^4)/N + O(sigma^4/N^2),
 *   so SE(s^2) = sqrt((mu4 - sigma^4)/N), mu4 the fourth central moment.
 *   mu4 = sigma^4 (3 + g2), g2 the excess kurtosis, which is:
 *     normal              g2 = 0, so mu4 = 3 sigma^4;
 *     uniform, width w    mu4 = (1/w) int_{-w/2}^{w/2} x^4 dx = 2 (w/2)^5/(5 w)
 *                             = w^4/80 (sigma^4 = w^4/144: g2 = 144/80 - 3 = -6/5);
 *     triangular          g2 = -3/5 for every low, mode, high;
 *     beta(a, b)          g2 = 6 [(a-b)^2 (a+b+1) - a b (a+b+2)]
 *                              / [a b (a+b+2) (a+b+3)];
 *     pert                low + w beta(a, b): the kurtosis of beta(a, b);
 *     gamma(k, theta)     g2 = 6/k;
 *     lognormal           g2 = e^{4 s2} + 2 e^{3 s2} + 3 e^{2 s2} - 6,
 *                         s2 = sigma^2 of the logarithm.
 *
 *   Quantiles. The fraction of N draws below the true quantile q_p is a
 *   binomial proportion: SE = sqrt(p (1 - p)/N) = sqrt(0.05 0.95/200000)
 *   = 4.87e-4 at p = 0.05 and 0.95.
 *
 *   The stream. The mean of N uniforms on [0, 1) has SE sqrt((1/12)/N); the
 *   sample correlation of N independent pairs has SE 1/sqrt(N).
 *
 * Every check allows 4 SE. N is large and the tails light (the heaviest,
 * lognormal with cv 0.4, has g2 = 2.97), so xbar and s^2 are close to
 * normal and a correct program lands outside 4 SE with probability 6e-5 per
 * check; the seed is fixed, so the outcome is the same on every run. 4 SE
 * still catches small mistakes: for beta(30, 70) it is 0.14 % of the mean
 * and 1.3 % of the variance (0.6 % of the sd). */
#include <criterion/criterion.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "samkalk/base/distributions.h"

#define PM      "\xc2\xb1" /* ± in UTF-8 */
#define SEED    12345u
#define N_DRAWS 200000
#define Z95     1.6448536269514722 /* the standard normal quantile at 0.95 */

static void setup(void)
{
	gsl_set_error_handler_off();
}

TestSuite(parse, .init = setup);
TestSuite(refuse, .init = setup);
TestSuite(moments, .init = setup);
TestSuite(draws, .init = setup);
TestSuite(quantile, .init = setup);
TestSuite(stream, .init = setup);
TestSuite(format, .init = setup);

/* |got - want| <= tol |want|, or tol when want is 0. */
#define REL(got, want, tol)                                                                        \
	do {                                                                                       \
		double g_ = (got), w_ = (want);                                                    \
		cr_assert(fabs(g_ - w_) <= (tol) * (w_ == 0 ? 1 : fabs(w_)),                       \
		          "%s = %.17g, expected %.17g", #got, g_, w_);                             \
	} while (0)

/* Parses text, which must be accepted. */
static dist parsed(const char *text, double base)
{
	dist d;
	char why[256] = "";
	bool ok = dist_parse(text, base, &d, why, sizeof why);
	cr_assert(ok, "dist_parse(\"%s\") refused: %s", text, why);
	return d;
}

/* Parses text, which must be refused with a message holding fragment. */
static void refused(const char *text, double base, const char *fragment)
{
	dist d;
	char why[256] = "(why not set)";
	bool ok = dist_parse(text, base, &d, why, sizeof why);
	cr_assert(!ok, "dist_parse(\"%s\") accepted it", text);
	cr_assert_not_null(strstr(why, fragment), "dist_parse(\"%s\"): '%s' lacks '%s'", text, why,
	                   fragment);
}

/* ---- 1. reading, and the parameters GSL takes --------------------------- */

Test(parse, uniform)
{
	dist d = parsed("uniform(0.1, 0.4)", 0);
	cr_assert_eq(d.kind, DIST_UNIFORM);
	cr_assert_float_eq(d.arg[0], 0.1, 0);
	cr_assert_float_eq(d.arg[1], 0.4, 0);
	/* the support is low .. high */
	cr_assert_float_eq(d.lo, 0.1, 0);
	cr_assert_float_eq(d.hi, 0.4, 0);
}

Test(parse, triangular)
{
	dist d = parsed("triangular(1, 2, 5)", 0);
	cr_assert_eq(d.kind, DIST_TRIANGULAR);
	cr_assert_float_eq(d.arg[0], 1, 0);
	cr_assert_float_eq(d.arg[1], 2, 0);
	cr_assert_float_eq(d.arg[2], 5, 0);
	cr_assert_float_eq(d.lo, 1, 0);
	cr_assert_float_eq(d.hi, 5, 0);
}

Test(parse, pert)
{
	dist d = parsed("pert(1, 2, 5)", 0);
	cr_assert_eq(d.kind, DIST_PERT);
	cr_assert_float_eq(d.arg[0], 1, 0);
	cr_assert_float_eq(d.arg[1], 2, 0);
	cr_assert_float_eq(d.arg[2], 5, 0);
	REL(d.par[0], 2, 1e-15); /* a = 1 + 4 (2 - 1)/(5 - 1) = 1 + 1 = 2 */
	REL(d.par[1], 4, 1e-15); /* b = 1 + 4 (5 - 2)/(5 - 1) = 1 + 3 = 4 */
	cr_assert_float_eq(d.lo, 1, 0);
	cr_assert_float_eq(d.hi, 5, 0);

	/* the mode at low: a = 1 + 0 = 1, b = 1 + 4 = 5 */
	d = parsed("pert(10, 10, 30)", 0);
	REL(d.par[0], 1, 1e-15);
	REL(d.par[1], 5, 1e-15);
	/* symmetric: a = b = 1 + 4 (1/2) = 3 */
	d = parsed("pert(-4, 0, 4)", 0);
	REL(d.par[0], 3, 1e-15);
	REL(d.par[1], 3, 1e-15);
}

Test(parse, normal)
{
	dist d = parsed("normal(10, 2)", 0);
	cr_assert_eq(d.kind, DIST_NORMAL);
	cr_assert_float_eq(d.arg[0], 10, 0);
	cr_assert_float_eq(d.arg[1], 2, 0);
	/* unbounded both ways */
	cr_assert(isinf(d.lo) && d.lo < 0, "lo = %g", d.lo);
	cr_assert(isinf(d.hi) && d.hi > 0, "hi = %g", d.hi);
	/* a negative mean is fine for a normal */
	d = parsed("normal(-3.5, 0.25)", 0);
	cr_assert_float_eq(d.arg[0], -3.5, 0);
	cr_assert_float_eq(d.arg[1], 0.25, 0);
}

Test(parse, lognormal)
{
	dist d = parsed("lognormal(50000, 20000)", 0);
	cr_assert_eq(d.kind, DIST_LOGNORMAL);
	cr_assert_float_eq(d.arg[0], 50000, 0);
	cr_assert_float_eq(d.arg[1], 20000, 0);
	/* sigma^2 = ln(1 + 20000^2/50000^2) = ln(1 + 0.16) = ln 1.16 = 0.148420005...
	 * zeta = ln 50000 - ln(1.16)/2 = 10.8197782844 - 0.0742100 = 10.7455682... */
	REL(d.par[0], log(50000) - log(1.16) / 2, 1e-13);
	REL(d.par[1], sqrt(log(1.16)), 1e-13);
	/* positive values: 0 .. infinity */
	cr_assert_float_eq(d.lo, 0, 0);
	cr_assert(isinf(d.hi) && d.hi > 0, "hi = %g", d.hi);
}

Test(parse, gamma)
{
	dist d = parsed("gamma(118000, 15000)", 0);
	cr_assert_eq(d.kind, DIST_GAMMA);
	cr_assert_float_eq(d.arg[0], 118000, 0);
	cr_assert_float_eq(d.arg[1], 15000, 0);
	/* k = 118000^2/15000^2 = (118/15)^2 = 13924/225 = 61.884444...
	 * theta = 15000^2/118000 = 225000000/118000 = 1906.779661... */
	REL(d.par[0], 13924.0 / 225.0, 1e-13);
	REL(d.par[1], 225000000.0 / 118000.0, 1e-13);
	cr_assert_float_eq(d.lo, 0, 0);
	cr_assert(isinf(d.hi) && d.hi > 0, "hi = %g", d.hi);
}

Test(parse, beta)
{
	dist d = parsed("beta(30, 70)", 0);
	cr_assert_eq(d.kind, DIST_BETA);
	cr_assert_float_eq(d.arg[0], 30, 0);
	cr_assert_float_eq(d.arg[1], 70, 0);
	/* GSL's a, b are the written a, b */
	cr_assert_float_eq(d.par[0], 30, 0);
	cr_assert_float_eq(d.par[1], 70, 0);
	cr_assert_float_eq(d.lo, 0, 0);
	cr_assert_float_eq(d.hi, 1, 0);
}

Test(parse, percent_in_three_spellings)
{
	const char *texts[] = {PM "20%", "+-20%", "+/-20%"};
	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
		dist d = parsed(texts[i], 15000);
		cr_assert_eq(d.kind, DIST_PERCENT, "%s", texts[i]);
		cr_assert_float_eq(d.arg[0], 20, 0, "%s", texts[i]);
		/* 15000 (1 - 20/100) = 15000 0.8 = 12000; 15000 (1 + 0.2) = 18000 */
		REL(d.par[0], 12000, 1e-15);
		REL(d.par[1], 18000, 1e-15);
		REL(d.lo, 12000, 1e-15);
		REL(d.hi, 18000, 1e-15);
	}
	/* a fraction of a percent: 2000 (1 -+ 0.125) = 1750 .. 2250 */
	dist d = parsed(PM "12.5%", 2000);
	cr_assert_float_eq(d.arg[0], 12.5, 0);
	REL(d.par[0], 1750, 1e-15);
	REL(d.par[1], 2250, 1e-15);
	/* at most 100 %: 50 (1 - 1) = 0 .. 50 (1 + 1) = 100 */
	d = parsed(PM "100%", 50);
	cr_assert_float_eq(d.par[0], 0, 1e-15);
	REL(d.par[1], 100, 1e-15);
}

Test(parse, blanks_around_numbers)
{
	/* blanks before the name, around each number and after ')' are skipped */
	dist d = parsed("  beta( 30 ,\t70 )  ", 0);
	cr_assert_eq(d.kind, DIST_BETA);
	cr_assert_float_eq(d.arg[0], 30, 0);
	cr_assert_float_eq(d.arg[1], 70, 0);
	/* exponents are plain decimals too: 1.18e5 = 118000, 1.5E4 = 15000 */
	d = parsed("gamma(1.18e5, 1.5E4)", 0);
	cr_assert_float_eq(d.arg[0], 118000, 0);
	cr_assert_float_eq(d.arg[1], 15000, 0);
}

/* ---- 2. the conversions give back the written mean and sd --------------- */

/* lognormal(zeta, sigma): mean = exp(zeta + sigma^2/2),
 * var = (exp(sigma^2) - 1) exp(2 zeta + sigma^2). */
static void lognormal_moments(double mean, double sd)
{
	char text[64];
	snprintf(text, sizeof text, "lognormal(%.17g, %.17g)", mean, sd);
	dist d = parsed(text, 0);
	double zeta = d.par[0], s2 = d.par[1] * d.par[1];
	REL(exp(zeta + s2 / 2), mean, 1e-12);
	REL((exp(s2) - 1) * exp(2 * zeta + s2), sd * sd, 1e-12);
}

/* gamma(k, theta): mean = k theta, var = k theta^2. */
static void gamma_moments(double mean, double sd)
{
	char text[64];
	snprintf(text, sizeof text, "gamma(%.17g, %.17g)", mean, sd);
	dist d = parsed(text, 0);
	double k = d.par[0], theta = d.par[1];
	REL(k * theta, mean, 1e-12);
	REL(k * theta * theta, sd * sd, 1e-12);
}

Test(moments, lognormal_parameters_give_the_written_mean_and_sd)
{
	lognormal_moments(50000, 20000); /* cv 0.4 */
	lognormal_moments(1, 3);         /* cv 3: sigma^2 = ln 10 */
	lognormal_moments(0.02, 0.001);  /* cv 0.05: sigma^2 = ln 1.0025 */
	lognormal_moments(2.5e6, 1e6);
}

Test(moments, gamma_parameters_give_the_written_mean_and_sd)
{
	gamma_moments(118000, 15000); /* k = 61.88 */
	gamma_moments(0.5, 2);        /* k = 0.25/4 = 1/16, below 1 */
	gamma_moments(3, 3);          /* k = 1: exponential, theta = 3 */
	gamma_moments(0.07, 0.01);
}

Test(moments, pert_parameters_give_the_pert_mean)
{
	/* low + (high - low) a/(a + b), a + b = 6 always; against
	 * (low + 4 mode + high)/6 */
	double cases[][3] = {
	        {1, 2, 5}, {10, 10, 30}, {-4, 0, 4}, {0.1, 0.35, 0.4}, {100, 120, 200}};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		double lo = cases[i][0], mode = cases[i][1], hi = cases[i][2];
		char text[96];
		snprintf(text, sizeof text, "pert(%.17g, %.17g, %.17g)", lo, mode, hi);
		dist d = parsed(text, 0);
		double want = (lo + 4 * mode + hi) / 6;
		REL(d.par[0] + d.par[1], 6, 1e-15);
		REL(lo + (hi - lo) * d.par[0] / (d.par[0] + d.par[1]), want, 1e-12);
		REL(dist_mean(&d), want, 1e-12);
	}
	/* pert(1, 2, 5): (1 + 8 + 5)/6 = 14/6 = 7/3 */
	dist d = parsed("pert(1, 2, 5)", 0);
	REL(dist_mean(&d), 7.0 / 3.0, 1e-15);
}

/* ---- 3. refusals, with what was expected -------------------------------- */

Test(refuse, sd_not_above_zero)
{
	refused("normal(10, -2)", 0, "expected sd above 0");
	refused("normal(10, -2)", 0, "got -2");
	refused("normal(10, 0)", 0, "expected sd above 0");
	refused("lognormal(50000, -1)", 0, "expected sd above 0");
	refused("gamma(118000, 0)", 0, "expected sd above 0");
}

Test(refuse, beta_parameters_not_above_zero)
{
	refused("beta(0, 5)", 0, "expected a and b above 0 in beta(a, b), got 0");
	refused("beta(5, -1)", 0, "got -1");
}

Test(refuse, low_not_below_high)
{
	refused("uniform(5, 1)", 0, "expected low below high in uniform(low, high)");
	refused("uniform(2, 2)", 0, "expected low below high");
	refused("triangular(5, 3, 1)", 0, "expected low below high");
	refused("pert(3, 3, 3)", 0, "expected low below high");
}

Test(refuse, mode_outside_low_to_high)
{
	refused("triangular(1, 6, 5)", 0, "expected the mode from low to high");
	refused("triangular(1, 6, 5)", 0, "got 6");
	refused("triangular(1, 0.5, 5)", 0, "got 0.5");
	refused("pert(1, 7, 5)", 0, "expected the mode from low to high in pert(low, mode, high)");
}

Test(refuse, lognormal_and_gamma_mean_not_above_zero)
{
	refused("lognormal(0, 1)", 0, "expected a mean above 0 in lognormal(mean, sd)");
	refused("lognormal(-50000, 20000)", 0, "got -50000");
	refused("gamma(0, 1)", 0, "expected a mean above 0 in gamma(mean, sd)");
	refused("gamma(-1, 1)", 0, "expected a mean above 0");
}

Test(refuse, unknown_name)
{
	refused("weibull(1,2)", 0, "expected a distribution");
	refused("weibull(1,2)", 0, "got 'weibull(1,2)'");
	refused("Beta(30, 70)", 0, "expected a distribution");
	refused("", 0, "expected a distribution");
}

Test(refuse, trailing_junk_and_wrong_count)
{
	refused("beta(1,2)x", 0, "expected nothing after beta(a, b)");
	refused("beta(1,2,3)", 0, "expected beta(a, b) with 2 numbers");
	refused("beta(1)", 0, "expected beta(a, b) with 2 numbers");
	refused("triangular(1, 2)", 0, "expected triangular(low, mode, high) with 3 numbers");
	refused("normal(10, 2", 0, "with 2 numbers");
}

Test(refuse, not_finite_numbers)
{
	refused("normal(nan, 1)", 0, "expected normal(mean, sd) with 2 numbers");
	refused("normal(inf, 1)", 0, "expected normal(mean, sd) with 2 numbers");
	refused("normal(10, infinity)", 0, "with 2 numbers");
	refused("beta(1e999, 2)", 0, "expected beta(a, b) with 2 numbers"); /* overflows */
	refused("beta(0x10, 2)", 0, "with 2 numbers");                      /* hex */
}

Test(refuse, percent_out_of_range_or_without_sign)
{
	refused(PM "0%", 15000, "expected P above 0 and at most 100");
	refused(PM "0%", 15000, "got 0");
	refused(PM "120%", 15000, "expected P above 0 and at most 100");
	refused(PM "120%", 15000, "got 120");
	refused("+--5%", 15000, "got -5");
	refused(PM "20", 15000, "expected " PM "P% such as " PM "20%");
	refused(PM "20%x", 15000, "expected " PM "P%");
	/* a base of 0 cannot vary by a percentage */
	refused(PM "20%", 0, "expected a value other than 0");
}

/* ---- 4. the analytic moments, and the draws against them ---------------- */

static double values[N_DRAWS];

/* Value i is the first draw of the stream of (SEED, i), as the program draws. */
static void draw_all(const dist *d)
{
	gsl_rng *r = dist_stream_new();
	cr_assert_not_null(r);
	for (size_t i = 0; i < N_DRAWS; i++) {
		dist_stream_seed(r, SEED, i);
		values[i] = dist_draw(d, r);
	}
	gsl_rng_free(r);
}

/* The fraction of the draws below x. */
static double fraction_below(double x)
{
	size_t n = 0;
	for (size_t i = 0; i < N_DRAWS; i++)
		n += values[i] < x;
	return (double)n / N_DRAWS;
}

/* Checks dist_mean and dist_variance against the hand mean and var, draws
 * N values, and checks them: inside lo .. hi, the sample mean within 4 SE
 * of dist_mean, the sample variance within 4 SE of dist_variance (SE from
 * mu4, see the top), and 5 % of them below dist_quantile(d, 0.05) and 95 %
 * below dist_quantile(d, 0.95) (and half below P50), within 4 SE each. */
static void check_draws(const char *text, double base, double mean, double var, double mu4,
                        double lo, double hi)
{
	dist d = parsed(text, base);
	REL(dist_mean(&d), mean, 1e-12);
	REL(dist_variance(&d), var, 1e-12);

	draw_all(&d);
	double sum = 0;
	for (size_t i = 0; i < N_DRAWS; i++) {
		cr_assert(values[i] >= lo && values[i] <= hi,
		          "%s: value %zu = %.17g outside %g .. %g", text, i, values[i], lo, hi);
		sum += values[i];
	}
	double xbar = sum / N_DRAWS, ss = 0;
	for (size_t i = 0; i < N_DRAWS; i++)
		ss += (values[i] - xbar) * (values[i] - xbar);
	double s2 = ss / (N_DRAWS - 1);

	double se_mean = sqrt(var / N_DRAWS);
	double se_var = sqrt((mu4 - var * var) / N_DRAWS);
	cr_assert(fabs(xbar - dist_mean(&d)) <= 4 * se_mean,
	          "%s: sample mean %.10g, dist_mean %.10g, 4 SE = %.3g", text, xbar, dist_mean(&d),
	          4 * se_mean);
	cr_assert(fabs(s2 - dist_variance(&d)) <= 4 * se_var,
	          "%s: sample variance %.10g, dist_variance %.10g, 4 SE = %.3g", text, s2,
	          dist_variance(&d), 4 * se_var);

	/* SE sqrt(p (1 - p)/N): sqrt(0.05 0.95/200000) = 4.87e-4 at P5 and P95,
	 * sqrt(0.25/200000) = 1.118e-3 at P50 */
	double ps[] = {0.05, 0.5, 0.95}, q[3];
	for (int k = 0; k < 3; k++) {
		q[k] = dist_quantile(&d, ps[k]);
		double f = fraction_below(q[k]), se = sqrt(ps[k] * (1 - ps[k]) / N_DRAWS);
		cr_assert(fabs(f - ps[k]) <= 4 * se, "%s: %.5f of the draws below P%g = %.10g",
		          text, f, 100 * ps[k], q[k]);
	}
	cr_assert(q[0] < q[1] && q[1] < q[2], "%s: quantiles %g, %g, %g", text, q[0], q[1], q[2]);
}

Test(draws, beta)
{
	/* beta(30, 70): mean 30/100 = 0.3;
	 * var = a b/((a+b)^2 (a+b+1)) = 2100/(10000 101) = 2100/1010000 = 0.00207921;
	 * g2 = 6 [(30-70)^2 101 - 2100 102]/[2100 102 103]
	 *    = 6 [161600 - 214200]/22062600 = -315600/22062600 = -0.0143048 */
	double var = 2100.0 / 1010000.0;
	double mu4 = var * var * (3 - 315600.0 / 22062600.0);
	check_draws("beta(30, 70)", 0, 0.3, var, mu4, 0, 1);
}

Test(draws, gamma)
{
	/* gamma(118000, 15000): mean 118000, var 15000^2 = 2.25e8;
	 * k = 13924/225 (see parse.gamma), g2 = 6/k = 1350/13924 = 0.0969549 */
	double var = 15000.0 * 15000.0;
	double mu4 = var * var * (3 + 1350.0 / 13924.0);
	check_draws("gamma(118000, 15000)", 0, 118000, var, mu4, 0, HUGE_VAL);
}

Test(draws, lognormal)
{
	/* lognormal(50000, 20000): mean 50000, var 20000^2 = 4e8;
	 * e^{s2} = 1 + 0.16 = 1.16 = w, so
	 * g2 = w^4 + 2 w^3 + 3 w^2 - 6 = 1.81063936 + 3.121792 + 4.0368 - 6 = 2.96923136 */
	double w = 1.16, var = 20000.0 * 20000.0;
	double mu4 = var * var * (3 + w * w * w * w + 2 * w * w * w + 3 * w * w - 6);
	check_draws("lognormal(50000, 20000)", 0, 50000, var, mu4, 0, HUGE_VAL);
}

Test(draws, normal)
{
	/* normal(10, 2): mean 10, var 4, mu4 = 3 sigma^4 = 3 16 = 48 */
	check_draws("normal(10, 2)", 0, 10, 4, 48, -HUGE_VAL, HUGE_VAL);
}

Test(draws, uniform)
{
	/* uniform(0.1, 0.4): width 0.3, mean (0.1 + 0.4)/2 = 0.25,
	 * var 0.3^2/12 = 0.09/12 = 0.0075, mu4 = 0.3^4/80 = 0.0081/80 = 1.0125e-4 */
	check_draws("uniform(0.1, 0.4)", 0, 0.25, 0.0075, 0.0081 / 80, 0.1, 0.4);
}

Test(draws, triangular)
{
	/* triangular(1, 2, 5): mean (1 + 2 + 5)/3 = 8/3;
	 * var (1 + 4 + 25 - 2 - 5 - 10)/18 = 13/18; mu4 = (3 - 3/5) var^2 = 12/5 var^2 */
	double var = 13.0 / 18.0;
	check_draws("triangular(1, 2, 5)", 0, 8.0 / 3.0, var, 2.4 * var * var, 1, 5);
}

Test(draws, pert)
{
	/* pert(1, 2, 5) = 1 + 4 beta(2, 4): mean 7/3 (see moments above);
	 * var = 4^2 2 4/(6^2 7) = 128/252 = 32/63;
	 * g2 of beta(2, 4) = 6 [(2-4)^2 7 - 8 8]/[8 8 9] = 6 (28 - 64)/576 = -3/8,
	 * mu4 = (3 - 3/8) var^2 = 21/8 var^2 */
	double var = 32.0 / 63.0;
	check_draws("pert(1, 2, 5)", 0, 7.0 / 3.0, var, 21.0 / 8.0 * var * var, 1, 5);
}

Test(draws, percent)
{
	/* ±20% of 15000: uniform on 12000 .. 18000, width 6000: mean 15000,
	 * var 6000^2/12 = 3e6, mu4 = 6000^4/80 = 1.296e15/80 = 1.62e13 */
	check_draws(PM "20%", 15000, 15000, 3e6, 1.62e13, 12000, 18000);
}

/* ---- 5. quantiles ------------------------------------------------------- */

Test(quantile, uniform)
{
	/* low + (high - low) p = 0.1 + 0.3 p */
	dist d = parsed("uniform(0.1, 0.4)", 0);
	REL(dist_quantile(&d, 0.05), 0.115, 1e-12); /* 0.1 + 0.015 */
	REL(dist_quantile(&d, 0.5), 0.25, 1e-12);   /* 0.1 + 0.15 */
	REL(dist_quantile(&d, 0.95), 0.385, 1e-12); /* 0.1 + 0.285 */
}

Test(quantile, triangular)
{
	/* triangular(1, 2, 5): F(mode) = (2 - 1)/(5 - 1) = 1/4;
	 * below it q = 1 + sqrt(p 4 1), above it q = 5 - sqrt((1 - p) 4 3) */
	dist d = parsed("triangular(1, 2, 5)", 0);
	REL(dist_quantile(&d, 0.05), 1 + sqrt(0.2), 1e-12); /* 1.4472135955 */
	REL(dist_quantile(&d, 0.25), 2, 1e-12);             /* the mode */
	REL(dist_quantile(&d, 0.5), 5 - sqrt(6), 1e-12);    /* 0.5 4 3 = 6: 2.5505102572 */
	REL(dist_quantile(&d, 0.95), 5 - sqrt(0.6), 1e-12); /* 0.05 4 3 = 0.6: 4.2254033308 */
}

Test(quantile, percent)
{
	/* ±20% of 15000: 12000 + 6000 p */
	dist d = parsed(PM "20%", 15000);
	REL(dist_quantile(&d, 0.05), 12300, 1e-12); /* 12000 + 300 */
	REL(dist_quantile(&d, 0.5), 15000, 1e-12);  /* 12000 + 3000 */
	REL(dist_quantile(&d, 0.95), 17700, 1e-12); /* 12000 + 5700 */
}

Test(quantile, normal)
{
	/* mean + sd z_p, z_0.95 = -z_0.05 = 1.6448536269514722 */
	dist d = parsed("normal(10, 2)", 0);
	REL(dist_quantile(&d, 0.05), 10 - 2 * Z95, 1e-12); /* 6.7102927461 */
	REL(dist_quantile(&d, 0.5), 10, 1e-12);
	REL(dist_quantile(&d, 0.95), 10 + 2 * Z95, 1e-12); /* 13.2897072539 */
}

Test(quantile, lognormal)
{
	/* exp(zeta + sigma z_p), sigma^2 = ln 1.16, zeta = ln 50000 - ln(1.16)/2;
	 * the median is exp(zeta) = 50000/sqrt(1.16) = 46423.834544... */
	dist d = parsed("lognormal(50000, 20000)", 0);
	double zeta = log(50000) - log(1.16) / 2, sigma = sqrt(log(1.16));
	REL(dist_quantile(&d, 0.05), exp(zeta - sigma * Z95), 1e-12);
	REL(dist_quantile(&d, 0.5), 50000 / sqrt(1.16), 1e-12);
	REL(dist_quantile(&d, 0.95), exp(zeta + sigma * Z95), 1e-12);
}

Test(quantile, pert_by_its_polynomial_distribution_function)
{
	/* pert(1, 2, 5) = 1 + 4 X, X ~ beta(2, 4), whose distribution function
	 * is P(Binomial(5, x) >= 2) = 1 - (1 - x)^5 - 5 x (1 - x)^4 */
	dist d = parsed("pert(1, 2, 5)", 0);
	double ps[] = {0.05, 0.5, 0.95};
	for (size_t i = 0; i < 3; i++) {
		double x = (dist_quantile(&d, ps[i]) - 1) / 4;
		double F = 1 - pow(1 - x, 5) - 5 * x * pow(1 - x, 4);
		cr_assert(fabs(F - ps[i]) <= 1e-9, "F(q(%g)) = %.17g", ps[i], F);
	}
}

/* beta, gamma, lognormal and pert: the fraction of the draws below
 * dist_quantile at 0.05, 0.5 and 0.95, in check_draws above, for every kind. */

/* ---- 6. the stream ------------------------------------------------------ */

Test(stream, type_and_range)
{
	gsl_rng *r = dist_stream_new();
	cr_assert_not_null(r);
	/* 32 bits on every platform: 0 .. 2^32 - 1 */
	cr_assert_eq(gsl_rng_max(r), 0xffffffffUL);
	cr_assert_eq(gsl_rng_min(r), 0UL);
	cr_assert_eq(r->type, dist_stream_type);
	gsl_rng_free(r);
}

Test(stream, same_seed_and_draw_same_sequence)
{
	gsl_rng *a = dist_stream_new(), *b = dist_stream_new();
	cr_assert(a && b);
	dist_stream_seed(a, SEED, 7);
	double first[16];
	for (int k = 0; k < 16; k++)
		first[k] = gsl_rng_uniform(a);
	/* another stream, after other draws: the same 16 values */
	dist_stream_seed(b, SEED, 3);
	(void)gsl_rng_uniform(b);
	dist_stream_seed(b, SEED, 7);
	for (int k = 0; k < 16; k++)
		cr_assert_eq(gsl_rng_uniform(b), first[k], "value %d", k);
	/* and the first stream reseeded */
	dist_stream_seed(a, SEED, 7);
	for (int k = 0; k < 16; k++)
		cr_assert_eq(gsl_rng_uniform(a), first[k], "value %d", k);
	/* a different seed, same draw: another value */
	dist_stream_seed(b, SEED + 1, 7);
	cr_assert_neq(gsl_rng_uniform(b), first[0]);
	gsl_rng_free(a);
	gsl_rng_free(b);
}

static int by_value(const void *x, const void *y)
{
	double a = *(const double *)x, b = *(const double *)y;
	return (a > b) - (a < b);
}

/* first[i] = the first gsl_rng_uniform of draw i, i < n. */
static void first_uniforms(double *first, size_t n)
{
	gsl_rng *r = dist_stream_new();
	cr_assert_not_null(r);
	for (size_t i = 0; i < n; i++) {
		dist_stream_seed(r, SEED, i);
		first[i] = gsl_rng_uniform(r);
	}
	gsl_rng_free(r);
}

Test(stream, different_draws_different_first_values)
{
	/* 100000 values of 53 bits: two equal by chance with probability
	 * n^2/2 / 2^53 = 5e9/9e15 = 6e-7 */
	enum { N = 100000 };
	static double first[N];
	first_uniforms(first, N);
	for (size_t i = 0; i + 1 < N; i++)
		cr_assert_neq(first[i], first[i + 1], "draws %zu and %zu", i, i + 1);
	qsort(first, N, sizeof *first, by_value);
	for (size_t i = 0; i + 1 < N; i++)
		cr_assert_neq(first[i], first[i + 1], "two draws start at %.17g", first[i]);
}

Test(stream, uniforms_in_unit_interval_with_mean_one_half)
{
	/* one stream, 1e6 values: each in [0, 1), mean within
	 * 4 sqrt((1/12)/1e6) = 4 2.88675e-4 = 1.1547e-3 of 0.5 */
	enum { N = 1000000 };
	gsl_rng *r = dist_stream_new();
	cr_assert_not_null(r);
	dist_stream_seed(r, SEED, 0);
	double sum = 0;
	for (size_t i = 0; i < N; i++) {
		double u = gsl_rng_uniform(r);
		cr_assert(u >= 0 && u < 1, "value %zu = %.17g", i, u);
		sum += u;
	}
	double mean = sum / N;
	cr_assert(fabs(mean - 0.5) <= 4 * sqrt(1.0 / 12 / N), "mean %.10g", mean);
	/* gsl_rng_get stays within 0 .. max */
	for (int i = 0; i < 1000; i++)
		cr_assert_leq(gsl_rng_get(r), 0xffffffffUL);
	gsl_rng_free(r);
}

Test(stream, neighbouring_draws_uncorrelated)
{
	/* x_i the first uniform of draw i; the correlation of (x_i, x_{i+1})
	 * over i < N = 100000 within 4/sqrt(N) = 0.01265 of 0 */
	enum { N = 100000 };
	static double x[N + 1];
	first_uniforms(x, N + 1);
	double ma = 0, mb = 0;
	for (size_t i = 0; i < N; i++) {
		ma += x[i];
		mb += x[i + 1];
	}
	ma /= N;
	mb /= N;
	double sab = 0, saa = 0, sbb = 0;
	for (size_t i = 0; i < N; i++) {
		sab += (x[i] - ma) * (x[i + 1] - mb);
		saa += (x[i] - ma) * (x[i] - ma);
		sbb += (x[i + 1] - mb) * (x[i + 1] - mb);
	}
	double corr = sab / sqrt(saa * sbb);
	cr_assert(fabs(corr) <= 4 / sqrt(N), "correlation %.6f", corr);
}

/* ---- dist_format -------------------------------------------------------- */

/* text parses, formats as want, and want parses back to the same numbers. */
static void formats_as(const char *text, double base, const char *want)
{
	dist d = parsed(text, base);
	char buf[128];
	dist_format(&d, buf, sizeof buf);
	cr_assert_str_eq(buf, want, "dist_format of %s", text);
	dist e = parsed(buf, base);
	cr_assert_eq(e.kind, d.kind);
	for (int k = 0; k < 3; k++)
		cr_assert_float_eq(e.arg[k], d.arg[k], 0, "%s: arg %d", text, k);
}

Test(format, round_trips)
{
	formats_as("beta(30, 70)", 0, "beta(30, 70)");
	formats_as(PM "20%", 15000, PM "20%");
	formats_as("+-20%", 15000, PM "20%");
	formats_as("+/-12.5%", 15000, PM "12.5%");
	formats_as("beta(30,70)", 0, "beta(30, 70)");
	formats_as(" gamma( 118000 , 15000 ) ", 0, "gamma(118000, 15000)");
	formats_as("lognormal(50000, 20000)", 0, "lognormal(50000, 20000)");
	formats_as("normal(-3.5, 0.25)", 0, "normal(-3.5, 0.25)");
	formats_as("uniform(0.1, 0.4)", 0, "uniform(0.1, 0.4)");
	formats_as("triangular(1, 2, 5)", 0, "triangular(1, 2, 5)");
	formats_as("pert(1e3, 2.5e3, 4e3)", 0, "pert(1000, 2500, 4000)");
}

/* Bugs the first review found, each guarded here. */
Test(distributions, percent_of_a_negative_amount)
{
	/* kommun.kommunalskatt = -62782 (a revenue): ±20% is uniform from
	 * -62782 * 1.2 = -75338.4 to -62782 * 0.8 = -50225.6 */
	dist d;
	char why[300];
	cr_assert(dist_parse("±20%", -62782, &d, why, sizeof why), "%s", why);
	cr_assert_float_eq(d.lo, -75338.4, 1e-9);
	cr_assert_float_eq(d.hi, -50225.6, 1e-9);
	cr_assert_float_eq(dist_mean(&d), -62782, 1e-9);
}

Test(distributions, trailing_junk_is_quoted)
{
	dist d;
	char why[300];
	cr_assert_not(dist_parse("beta(1,2)x", 0, &d, why, sizeof why));
	cr_assert(strstr(why, "got 'x'") != NULL, "%s", why);
}

Test(distributions, overflowing_parameters_are_refused)
{
	/* mean^2 = 1e400 overflows: shape would be inf/inf = NaN */
	dist d;
	char why[300];
	cr_assert_not(dist_parse("gamma(1e200, 1e199)", 0, &d, why, sizeof why));
	cr_assert_not(dist_parse("lognormal(1e-200, 1)", 0, &d, why, sizeof why));
	cr_assert_not(dist_parse("+20%", 100, &d, why, sizeof why)); /* no ± */
	cr_assert(dist_parse("±20% ", 100, &d, why, sizeof why), "%s", why);
}
