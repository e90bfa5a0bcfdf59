/* distributions.h -- the distributions of SPEC §6, their parameters by the
 * method of moments, draws with GSL, and the random stream of one draw.
 *
 * Each distribution is written with the numbers a user knows (a mean and a
 * standard deviation, a low, mode and high) and converted once, when read,
 * into the parameters GSL's samplers take. */
#ifndef SAMKALK_DISTRIBUTIONS_H
#define SAMKALK_DISTRIBUTIONS_H

#include <gsl/gsl_rng.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum dist_kind {
	DIST_UNIFORM,    /* uniform(low, high) */
	DIST_TRIANGULAR, /* triangular(low, mode, high) */
	DIST_PERT,       /* pert(low, mode, high): low + (high - low) beta(a, b) */
	DIST_NORMAL,     /* normal(mean, sd) */
	DIST_LOGNORMAL,  /* lognormal(mean, sd) of the value itself */
	DIST_GAMMA,      /* gamma(mean, sd) */
	DIST_BETA,       /* beta(a, b) */
	DIST_PERCENT     /* ±P%: uniform on value (1 - P/100) .. value (1 + P/100) */
} dist_kind;

typedef struct dist {
	dist_kind kind;
	double arg[3]; /* as written: low, mode, high; mean, sd; a, b; P */
	double par[2]; /* GSL's own: pert and beta a, b; lognormal zeta, sigma;
	                * gamma shape k, scale theta; percent low, high */
	double lo, hi; /* the support; -HUGE_VAL / HUGE_VAL when unbounded */
} dist;

/* Parses one distribution ("beta(30, 70)", "gamma(118000, 15000)", "±20%",
 * also written "+-20%"); base is the input's value, which ±P% moves.
 * Converts mean and sd into each distribution's own parameters:
 *   lognormal: sigma^2 = ln(1 + sd^2/mean^2), zeta = ln(mean) - sigma^2/2;
 *   gamma: shape k = mean^2/sd^2, scale theta = sd^2/mean;
 *   pert: a = 1 + 4 (mode - low)/(high - low), b = 1 + 4 (high - mode)/(high - low).
 * Returns true, or false with why set to what was expected ("expected sd
 * above 0 in normal(mean, sd), got -2"). Dirichlet rows are read by the
 * caller, which knows the states. */
bool dist_parse(const char *text, double base, dist *out, char *why, size_t why_len);

/* One value. r must be a stream from dist_stream_new(). */
double dist_draw(const dist *d, const gsl_rng *r);

/* The analytic mean and variance, and the quantile at p in (0, 1). */
double dist_mean(const dist *d);
double dist_variance(const dist *d);
double dist_quantile(const dist *d, double p);

/* The distribution as a user would write it again ("beta(30, 70)"). */
void dist_format(const dist *d, char *buf, size_t len);

/* The random stream of Monte Carlo draws: xoshiro256++ behind GSL's
 * gsl_rng interface, so that every gsl_ran_* sampler can use it. GSL's own
 * generators are either slow to seed (mt19937 fills 624 words, ranlxd
 * runs its lag) or take a 32-bit seed (taus2, whose 2^32 streams would
 * repeat among a million draws). Draw i of seed s starts from a state
 * derived from s and i by SplitMix64, so every draw has its own stream and
 * the results do not depend on the order or the thread draws run in. */
extern const gsl_rng_type *dist_stream_type;

/* Allocates a stream (NULL when out of memory); free with gsl_rng_free. */
gsl_rng *dist_stream_new(void);

/* Starts r at the stream of draw number draw of seed seed. */
void dist_stream_seed(gsl_rng *r, uint64_t seed, uint64_t draw);

#endif
