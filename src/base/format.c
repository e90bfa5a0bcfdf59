/* format.c -- numbers for people (text, workbook) and for programs. */
#include "samkalk/base/format.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Inserts sep every three digits of the digit string in, into out. */
static void group(char *out, size_t n, const char *digits, const char *sep)
{
	size_t len = strlen(digits), used = 0, sl = strlen(sep);
	for (size_t i = 0; i < len && used + sl + 2 < n; i++) {
		if (i > 0 && (len - i) % 3 == 0) {
			memcpy(out + used, sep, sl);
			used += sl;
		}
		out[used++] = digits[i];
	}
	out[used] = '\0';
}

static const char *sign_of(double rounded, bool with_plus)
{
	if (rounded < 0)
		return FORMAT_MINUS;
	return with_plus && rounded > 0 ? "+" : "";
}

char *format_amount(char *buf, size_t n, double v, lang l, bool with_plus)
{
	double r = round(v);
	char digits[64], grouped[96];
	snprintf(digits, sizeof digits, "%.0f", fabs(r));
	group(grouped, sizeof grouped, digits, l == LANG_SV ? FORMAT_GROUP_SV : ",");
	snprintf(buf, n, "%s%s", sign_of(r, with_plus), grouped);
	return buf;
}

char *format_decimal(char *buf, size_t n, double v, int decimals, lang l, bool with_plus)
{
	double scale = pow(10, decimals);
	double r = round(v * scale) / scale;
	char digits[64];
	snprintf(digits, sizeof digits, "%.*f", decimals, fabs(r));
	char *dot = strchr(digits, '.');
	char whole[64], grouped[96];
	snprintf(whole, sizeof whole, "%.*s", dot ? (int)(dot - digits) : (int)strlen(digits),
	         digits);
	group(grouped, sizeof grouped, whole, l == LANG_SV ? FORMAT_GROUP_SV : ",");
	snprintf(buf, n, "%s%s%s%s", sign_of(r, with_plus), grouped,
	         dot ? (l == LANG_SV ? "," : ".") : "", dot ? dot + 1 : "");
	return buf;
}

char *format_exact(char *buf, size_t n, double v)
{
	if (v == 0)
		v = 0; /* no "-0" */
	for (int prec = 15; prec <= 17; prec++) {
		snprintf(buf, n, "%.*g", prec, v);
		if (strtod(buf, NULL) == v)
			break;
	}
	return buf;
}

char *format_rates(char *buf, size_t n, const double *rate, int years, lang l)
{
	size_t used = 0;
	buf[0] = '\0';
	for (int t = 0; t < years && used < n;) {
		int end = t;
		while (end + 1 < years && rate[end + 1] == rate[t])
			end++;
		char pct[32], span[48];
		format_decimal(pct, sizeof pct, 100 * rate[t], 1, l, false);
		const char *unit = l == LANG_SV ? " % per år" : "% a year";
		if (end > t)
			snprintf(span, sizeof span, "%s %d\xe2\x80\x93%d",
			         l == LANG_SV ? " år" : " in years", t + 1, end + 1);
		else
			snprintf(span, sizeof span, "%s %d", l == LANG_SV ? " år" : " in year",
			         t + 1);
		if (t == 0 && end == years - 1)
			used += (size_t)snprintf(buf + used, n - used, "%s%s", pct, unit);
		else
			used += (size_t)snprintf(buf + used, n - used, "%s%s%s%s", t ? ", " : "",
			                         pct, unit, span);
		t = end + 1;
	}
	return buf;
}

void format_cell(FILE *out, const char *s, size_t width, bool right)
{
	size_t w = format_width(s);
	size_t pad = w < width ? width - w : 0;
	if (right)
		fprintf(out, "%*s%s", (int)pad, "", s);
	else
		fprintf(out, "%s%*s", s, (int)pad, "");
}

size_t format_width(const char *s)
{
	size_t w = 0;
	for (; *s; s++)
		w += ((unsigned char)*s & 0xc0) != 0x80;
	return w;
}

/* A CSV field: quoted when it holds a comma, quote or line end, and with a
 * leading ' when it starts like a formula (= + - @), so that a spreadsheet
 * shows it as text (SPEC §8). */
void format_csv_field(FILE *out, const char *s)
{
	bool quote = strpbrk(s, ",\"\r\n") != NULL;
	if (quote)
		fputc('"', out);
	if (strchr("=+-@", s[0]) && s[0])
		fputc('\'', out);
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			fputc('"', out);
		fputc(*p, out);
	}
	if (quote)
		fputc('"', out);
}

char *format_percent(char *buf, size_t n, double share, lang l)
{
	char d[32];
	snprintf(buf, n, l == LANG_SV ? "%s %%" : "%s%%",
	         format_decimal(d, sizeof d, 100 * share, 0, l, false));
	return buf;
}
