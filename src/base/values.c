/* values.c -- one value of an INI entry, checked (SPEC §8). */
#include "samkalk/base/values.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define SHOWN 40 /* bytes of a bad value quoted in a message */

bool value_number_text(diag *d, const char *file, int line, const char *key, const char *s,
                       double min, double max, const char *expected, double *out)
{
	const char *why = NULL;
	char *end = NULL;
	double v = 0;
	/* strtod also reads hex, "inf" and "nan": only plain decimals pass. */
	bool plain = *s != '\0';
	for (const char *p = s; *p; p++)
		if (!strchr("0123456789+-.eE", *p))
			plain = false;
	if (*s == '\0') {
		why = "nothing";
	} else if (!plain) {
		if (strchr(s, ',') && !strchr(s, ' '))
			why = "a ',' (use '.' as the decimal sign)";
		else if (strspn(s, "0123456789 ") == strlen(s))
			why = "spaces inside the number (write 1500000, not 1 500 000)";
		else if (strchr(s, '%'))
			why = "a '%' (write 0.05 for 5 %)";
	} else {
		errno = 0;
		v = strtod(s, &end);
		if (end == s || *end != '\0')
			plain = false;
		else if (errno == ERANGE && fabs(v) < 1)
			why = "a number too small to represent";
		else if (errno == ERANGE || !isfinite(v))
			why = "a number too large to represent";
	}
	if (!plain && !why) {
		diag_add(d, file, line, key, "expected %s, got '%.*s'", expected, SHOWN, s);
		return false;
	}
	if (why && *s == '\0') {
		diag_add(d, file, line, key, "expected %s, got %s", expected, why);
		return false;
	}
	if (why) {
		diag_add(d, file, line, key, "expected %s, got %s in '%.*s'", expected, why, SHOWN,
		         s);
		return false;
	}
	if (v < min || v > max) {
		diag_add(d, file, line, key, "expected %s, got %s", expected, s);
		return false;
	}
	*out = v == 0 ? 0.0 : v; /* no -0 in any output */
	return true;
}

bool value_number(diag *d, const ini_doc *doc, const ini_entry *e, double min, double max,
                  const char *expected, double *out)
{
	return value_number_text(d, doc->path, e->line, e->key, e->value, min, max, expected, out);
}

bool value_int(diag *d, const ini_doc *doc, const ini_entry *e, long min, long max,
               const char *expected, long *out)
{
	double v;
	if (!value_number(d, doc, e, -1e18, 1e18, expected, &v))
		return false;
	if (v != floor(v)) {
		diag_add(d, doc->path, e->line, e->key, "expected %s, got the fraction %s",
		         expected, e->value);
		return false;
	}
	if (v < (double)min || v > (double)max) {
		diag_add(d, doc->path, e->line, e->key, "expected %s, got %s", expected, e->value);
		return false;
	}
	*out = (long)v;
	return true;
}

bool value_text(diag *d, const ini_doc *doc, const ini_entry *e, const char *expected)
{
	if (e->value[0] != '\0')
		return true;
	diag_add(d, doc->path, e->line, e->key, "expected %s, got nothing", expected);
	return false;
}

bool value_is_id(const char *s)
{
	size_t n = strlen(s);
	/* first a letter or digit: an id never starts like a formula ("-x") */
	if (n == 0 || n > 64 || (unsigned char)s[0] >= 0x80 || !isalnum((unsigned char)s[0]))
		return false;
	for (const char *p = s; *p; p++)
		if (!((unsigned char)*p < 0x80 &&
		      (isalnum((unsigned char)*p) || *p == '_' || *p == '-')))
			return false;
	return true;
}

/* Levenshtein distance of two short strings (both cut to 63 bytes). */
static size_t distance(const char *a, const char *b)
{
	size_t n = strnlen(a, 63), m = strnlen(b, 63);
	size_t row[64];
	for (size_t j = 0; j <= m; j++)
		row[j] = j;
	for (size_t i = 1; i <= n; i++) {
		size_t diag_prev = row[0];
		row[0] = i;
		for (size_t j = 1; j <= m; j++) {
			size_t up = row[j];
			size_t cost =
			        tolower((unsigned char)a[i - 1]) == tolower((unsigned char)b[j - 1])
			                ? 0
			                : 1;
			size_t best = diag_prev + cost;
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag_prev = up;
		}
	}
	return row[m];
}

const char *value_nearest(const char *word, const char *const *candidates, size_t n)
{
	const char *best = NULL;
	size_t best_d = (size_t)-1;
	for (size_t i = 0; i < n; i++) {
		size_t dd = distance(word, candidates[i]);
		if (dd < best_d)
			best_d = dd, best = candidates[i];
	}
	if (!best)
		return NULL;
	size_t longer = strlen(word) > strlen(best) ? strlen(word) : strlen(best);
	if (longer > 63)
		longer = 63;
	return best_d * 3 <= longer + 1 ? best : NULL;
}

void value_unknown(diag *d, const char *file, int line, const char *key, const char *kind,
                   const char *word, const char *const *candidates, size_t n)
{
	char list[400] = "";
	size_t used = 0;
	for (size_t i = 0; i < n && i < 12 && used < sizeof list; i++)
		used += (size_t)snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "",
		                         candidates[i]);
	if (n > 12 && used < sizeof list)
		snprintf(list + used, sizeof list - used, ", ...");
	/* "key in [scenario]" reads "unknown key 'x' in [scenario]" */
	const char *in = strstr(kind, " in ");
	int kind_n = in ? (int)(in - kind) : (int)strlen(kind);
	const char *where = in ? in : "";
	const char *near = value_nearest(word, candidates, n);
	if (near)
		diag_add(d, file, line, key,
		         "unknown %.*s '%.*s'%s, did you mean '%s'? (expected one of %s)", kind_n,
		         kind, SHOWN, word, where, near, list);
	else
		diag_add(d, file, line, key, "unknown %.*s '%.*s'%s, expected one of %s", kind_n,
		         kind, SHOWN, word, where, list);
}
