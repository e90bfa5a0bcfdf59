/* distributions.c -- the distributions of SPEC §6: reading, parameters by
 * the method of moments, draws and quantiles with GSL, and the random
 * stream of one Monte Carlo draw. */
#include "samkalk/base/distributions.h"

#include <errno.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct shape {
	const char *name;
	dist_kind kind;
	int n_args;
	const char *args; /* for messages */
} shape;

static const shape shapes[] = {
        {"uniform", DIST_UNIFORM, 2, "uniform(low, high)"},
        {"triangular", DIST_TRIANGULAR, 3, "triangular(low, mode, high)"},
        {"pert", DIST_PERT, 3, "pert(low, mode, high)"},
        {"normal", DIST_NORMAL, 2, "normal(mean, sd)"},
        {"lognormal", DIST_LOGNORMAL, 2, "lognormal(mean, sd)"},
        {"gamma", DIST_GAMMA, 2, "gamma(mean, sd)"},
        {"beta", DIST_BETA, 2, "beta(a, b)"},
};
#define N_SHAPES (sizeof shapes / sizeof *shapes)

/* A finite number at *p, skipping blanks around it; advances *p. */
static bool number(const char **p, double *out)
{
	while (**p == ' ' || **p == '\t')
		(*p)++;
	if (!**p || strchr(",)%", **p))
		return false;
	char *end;
	errno = 0;
	double v = strtod(*p, &end);
	if (end == *p || errno == ERANGE || !isfinite(v))
		return false;
	/* strtod reads "nan", "inf" and hex; only plain decimals are numbers */
	for (const char *c = *p; c < end; c++)
		if (!strchr("0123456789.eE+-", *c))
			return false;
	*p = end;
	*out = v;
	while (**p == ' ' || **p == '\t')
		(*p)++;
	return true;
}

static bool fail(char *why, size_t len, const char *fmt, const char *a, double x)
{
	snprintf(why, len, fmt, a, x);
	return false;
}

static bool percent(const char *t, double base, dist *out, char *why, size_t len)
{
	const char *p = t;
	if (strncmp(p, "\xc2\xb1", 2) == 0)
		p += 2;
	else if (strncmp(p, "+/-", 3) == 0)
		p += 3;
	else if (strncmp(p, "+-", 2) == 0)
		p += 2;
	else
		p = "";
	double P = 0;
	if (!number(&p, &P) || *p != '%' || p[1 + strspn(p + 1, " \t")])
		return fail(why, len, "expected %s, got something else", "±P% such as ±20%", 0);
	if (P <= 0 || P > 100)
		return fail(why, len, "expected P above 0 and at most 100 in %s, got %.10g", "±P%",
		            P);
	*out = (dist){.kind = DIST_PERCENT, .arg = {P}};
	out->par[0] = out->lo = fmin(base * (1 - P / 100), base * (1 + P / 100));
	out->par[1] = out->hi = fmax(base * (1 - P / 100), base * (1 + P / 100));
	if (!(out->lo < out->hi))
		return fail(why, len, "expected a value other than 0 to vary by %s, got %.10g",
		            "±P%", base);
	return true;
}

bool dist_parse(const char *text, double base, dist *out, char *why, size_t len)
{
	const char *t = text;
	while (*t == ' ' || *t == '\t')
		t++;
	if (*t == '+' || strncmp(t, "\xc2\xb1", 2) == 0)
		return percent(t, base, out, why, len);
	const shape *sh = NULL;
	for (size_t i = 0; i < N_SHAPES && !sh; i++) {
		size_t n = strlen(shapes[i].name);
		if (strncmp(t, shapes[i].name, n) == 0 && t[n] == '(')
			sh = &shapes[i];
	}
	if (!sh) {
		snprintf(
		        why, len,
		        "expected a distribution: uniform(low, high), triangular(low, mode, high), pert(low, mode, high), normal(mean, sd), lognormal(mean, sd), gamma(mean, sd), beta(a, b) or ±P%%, got '%.60s'",
		        text);
		return false;
	}
	const char *p = t + strlen(sh->name) + 1;
	double a[3] = {0, 0, 0};
	for (int k = 0; k < sh->n_args; k++) {
		if (!number(&p, &a[k]) || *p != (k + 1 < sh->n_args ? ',' : ')'))
			return fail(why, len, "expected %s with %.0f numbers, got something else",
			            sh->args, sh->n_args);
		p++;
	}
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p) {
		snprintf(why, len, "expected nothing after %s, got '%.40s'", sh->args, p);
		return false;
	}
	*out = (dist){.kind = sh->kind, .arg = {a[0], a[1], a[2]}, .lo = -HUGE_VAL, .hi = HUGE_VAL};
	switch (sh->kind) {
	case DIST_UNIFORM:
		if (!(a[0] < a[1]))
			return fail(why, len, "expected low below high in %s, got low %.10g",
			            sh->args, a[0]);
		out->lo = a[0];
		out->hi = a[1];
		break;
	case DIST_TRIANGULAR:
	case DIST_PERT:
		if (!(a[0] < a[2]))
			return fail(why, len, "expected low below high in %s, got low %.10g",
			            sh->args, a[0]);
		if (a[1] < a[0] || a[1] > a[2])
			return fail(why, len, "expected the mode from low to high in %s, got %.10g",
			            sh->args, a[1]);
		out->lo = a[0];
		out->hi = a[2];
		out->par[0] = 1 + 4 * (a[1] - a[0]) / (a[2] - a[0]);
		out->par[1] = 1 + 4 * (a[2] - a[1]) / (a[2] - a[0]);
		break;
	case DIST_NORMAL:
		if (!(a[1] > 0))
			return fail(why, len, "expected sd above 0 in %s, got %.10g", sh->args,
			            a[1]);
		break;
	case DIST_LOGNORMAL:
	case DIST_GAMMA:
		if (!(a[0] > 0))
			return fail(why, len, "expected a mean above 0 in %s, got %.10g", sh->args,
			            a[0]);
		if (!(a[1] > 0))
			return fail(why, len, "expected sd above 0 in %s, got %.10g", sh->args,
			            a[1]);
		out->lo = 0;
		if (sh->kind == DIST_LOGNORMAL) {
			double s2 = log1p(a[1] * a[1] / (a[0] * a[0]));
			out->par[0] = log(a[0]) - s2 / 2;
			out->par[1] = sqrt(s2);
		} else {
			out->par[0] = a[0] * a[0] / (a[1] * a[1]);
			out->par[1] = a[1] * a[1] / a[0];
		}
		break;
	case DIST_BETA:
		if (!(a[0] > 0) || !(a[1] > 0))
			return fail(why, len, "expected a and b above 0 in %s, got %.10g", sh->args,
			            a[0] > 0 ? a[1] : a[0]);
		out->lo = 0;
		out->hi = 1;
		out->par[0] = a[0];
		out->par[1] = a[1];
		break;
	case DIST_PERCENT:
		break;
	}
	if (!isfinite(out->par[0]) || !isfinite(out->par[1]))
		return fail(why, len, "expected numbers whose %s parameters are finite, got %.10g",
		            sh->args, out->par[0]);
	return true;
}

/* Triangular by its inverse distribution function. */
static double triangular_inverse(const dist *d, double u)
{
	double lo = d->arg[0], mode = d->arg[1], hi = d->arg[2];
	double cut = (mode - lo) / (hi - lo);
	return u < cut ? lo + sqrt(u * (hi - lo) * (mode - lo))
	               : hi - sqrt((1 - u) * (hi - lo) * (hi - mode));
}

double dist_draw(const dist *d, const gsl_rng *r)
{
	switch (d->kind) {
	case DIST_UNIFORM:
		return gsl_ran_flat(r, d->arg[0], d->arg[1]);
	case DIST_TRIANGULAR:
		return triangular_inverse(d, gsl_rng_uniform(r));
	case DIST_PERT:
		return d->arg[0] + (d->arg[2] - d->arg[0]) * gsl_ran_beta(r, d->par[0], d->par[1]);
	case DIST_NORMAL:
		return d->arg[0] + gsl_ran_gaussian_ziggurat(r, d->arg[1]);
	case DIST_LOGNORMAL:
		return gsl_ran_lognormal(r, d->par[0], d->par[1]);
	case DIST_GAMMA:
		return gsl_ran_gamma(r, d->par[0], d->par[1]);
	case DIST_BETA:
		return gsl_ran_beta(r, d->par[0], d->par[1]);
	case DIST_PERCENT:
		return gsl_ran_flat(r, d->par[0], d->par[1]);
	}
	return 0;
}

double dist_mean(const dist *d)
{
	const double *a = d->arg;
	switch (d->kind) {
	case DIST_UNIFORM:
		return (a[0] + a[1]) / 2;
	case DIST_TRIANGULAR:
		return (a[0] + a[1] + a[2]) / 3;
	case DIST_PERT:
		return (a[0] + 4 * a[1] + a[2]) / 6;
	case DIST_NORMAL:
	case DIST_LOGNORMAL:
	case DIST_GAMMA:
		return a[0];
	case DIST_BETA:
		return a[0] / (a[0] + a[1]);
	case DIST_PERCENT:
		return (d->par[0] + d->par[1]) / 2;
	}
	return 0;
}

/* Variance of beta(p, q) on [lo, hi]. */
static double beta_variance(double p, double q, double width)
{
	return width * width * p * q / ((p + q) * (p + q) * (p + q + 1));
}

double dist_variance(const dist *d)
{
	const double *a = d->arg;
	switch (d->kind) {
	case DIST_UNIFORM:
		return (a[1] - a[0]) * (a[1] - a[0]) / 12;
	case DIST_TRIANGULAR:
		return (a[0] * a[0] + a[1] * a[1] + a[2] * a[2] - a[0] * a[1] - a[0] * a[2] -
		        a[1] * a[2]) /
		       18;
	case DIST_PERT:
		return beta_variance(d->par[0], d->par[1], a[2] - a[0]);
	case DIST_NORMAL:
	case DIST_LOGNORMAL:
	case DIST_GAMMA:
		return a[1] * a[1];
	case DIST_BETA:
		return beta_variance(a[0], a[1], 1);
	case DIST_PERCENT:
		return (d->par[1] - d->par[0]) * (d->par[1] - d->par[0]) / 12;
	}
	return 0;
}

double dist_quantile(const dist *d, double p)
{
	switch (d->kind) {
	case DIST_UNIFORM:
		return gsl_cdf_flat_Pinv(p, d->arg[0], d->arg[1]);
	case DIST_TRIANGULAR:
		return triangular_inverse(d, p);
	case DIST_PERT:
		return d->arg[0] +
		       (d->arg[2] - d->arg[0]) * gsl_cdf_beta_Pinv(p, d->par[0], d->par[1]);
	case DIST_NORMAL:
		return d->arg[0] + gsl_cdf_gaussian_Pinv(p, d->arg[1]);
	case DIST_LOGNORMAL:
		return gsl_cdf_lognormal_Pinv(p, d->par[0], d->par[1]);
	case DIST_GAMMA:
		return gsl_cdf_gamma_Pinv(p, d->par[0], d->par[1]);
	case DIST_BETA:
		return gsl_cdf_beta_Pinv(p, d->par[0], d->par[1]);
	case DIST_PERCENT:
		return gsl_cdf_flat_Pinv(p, d->par[0], d->par[1]);
	}
	return 0;
}

void dist_format(const dist *d, char *buf, size_t len)
{
	if (d->kind == DIST_PERCENT) {
		snprintf(buf, len, "\xc2\xb1%.10g%%", d->arg[0]);
		return;
	}
	const shape *sh = NULL;
	for (size_t i = 0; i < N_SHAPES; i++)
		if (shapes[i].kind == d->kind)
			sh = &shapes[i];
	if (sh->n_args == 3)
		snprintf(buf, len, "%s(%.10g, %.10g, %.10g)", sh->name, d->arg[0], d->arg[1],
		         d->arg[2]);
	else
		snprintf(buf, len, "%s(%.10g, %.10g)", sh->name, d->arg[0], d->arg[1]);
}

/* xoshiro256++ (Blackman and Vigna), seeded by SplitMix64. */
typedef struct stream {
	uint64_t s[4];
} stream;

static uint64_t rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static uint64_t next(stream *st)
{
	uint64_t *s = st->s;
	uint64_t result = rotl(s[0] + s[3], 23) + s[0];
	uint64_t t = s[1] << 17;
	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return result;
}

static uint64_t splitmix(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15u);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

/* The key scrambles seed and draw together, so that neighbouring draws
 * start far apart; four SplitMix64 outputs fill the state. */
static void seed_state(stream *st, uint64_t seed, uint64_t draw)
{
	uint64_t x = seed;
	uint64_t key = splitmix(&x) ^ draw;
	uint64_t y = splitmix(&key);
	for (int k = 0; k < 4; k++)
		st->s[k] = splitmix(&y);
}

static void stream_set(void *state, unsigned long seed)
{
	seed_state(state, (uint64_t)seed, 0);
}

/* 32 bits, so that gsl_rng_max is the same on every platform; doubles
 * take 53 bits of their own. */
static unsigned long stream_get(void *state)
{
	return (unsigned long)(next(state) >> 32);
}

static double stream_get_double(void *state)
{
	return (double)(next(state) >> 11) * 0x1.0p-53;
}

static const gsl_rng_type stream_type = {"samkalk-xoshiro256++", 0xffffffffUL, 0,
                                         sizeof(stream),         stream_set,   stream_get,
                                         stream_get_double};
const gsl_rng_type *dist_stream_type = &stream_type;

gsl_rng *dist_stream_new(void)
{
	return gsl_rng_alloc(dist_stream_type);
}

void dist_stream_seed(gsl_rng *r, uint64_t seed, uint64_t draw)
{
	seed_state(r->state, seed, draw);
}
