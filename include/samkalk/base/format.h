/* format.h -- numbers as a committee reads them: whole kronor with
 * thousands separators, explicit signs, decimal comma in Swedish. */
#ifndef SAMKALK_FORMAT_H
#define SAMKALK_FORMAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef enum lang { LANG_SV, LANG_EN } lang;

/* The minus sign of text output: U+2212, never mistaken for a dash. */
#define FORMAT_MINUS "\xe2\x88\x92"
/* The Swedish thousands separator: a no-break space (U+00A0), so that a
 * number never splits across lines or cells when copied. */
#define FORMAT_GROUP_SV "\xc2\xa0"

/* Whole kronor, rounded half away from zero, with thousands separators
 * (a no-break space in Swedish, a comma in English): "1 700 000". With signed, a '+'
 * precedes amounts above 0; amounts below 0 always carry FORMAT_MINUS.
 * A value that rounds to 0 is "0". Returns buf. */
char *format_amount(char *buf, size_t n, double v, lang l, bool with_plus);

/* A number with the given decimals and the language's decimal sign:
 * "2,4" or "2.4". Returns buf. */
char *format_decimal(char *buf, size_t n, double v, int decimals, lang l, bool with_plus);

/* Shortest text that reads back as exactly v ("%.17g" at most), for CSV
 * and JSON. Returns buf. */
char *format_exact(char *buf, size_t n, double v);

/* The discount rates of years 1..years in words: "3,5 % per år" when one
 * rate, else by band: "3,5 % per år år 1–30, 3,0 % per år år 31–40"
 * ("3.5% a year in years 1–30, …"). Returns buf. */
char *format_rates(char *buf, size_t n, const double *rate, int years, lang l);

/* Prints s padded with blanks to width display columns, left or right
 * aligned: a table cell of the text reports. */
void format_cell(FILE *out, const char *s, size_t width, bool right);

/* Display width of UTF-8 text: its code points. */
size_t format_width(const char *s);

/* A share as whole percent: "95 %" (sv) or "95%" (en). Returns buf. */
char *format_percent(char *buf, size_t n, double share, lang l);

/* A CSV field: quoted when it holds a comma, quote or line end, and with a
 * leading ' when it starts like a formula (= + - @), so that a spreadsheet
 * shows it as text (SPEC §8). */
void format_csv_field(FILE *out, const char *s);

#endif
