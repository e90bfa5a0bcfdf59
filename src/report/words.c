/* words.c -- a word of the catalogue in a language (words.h): the tables
 * are words_sv.c and words_en.c. */
#include "samkalk/report/words.h"

#include <stdarg.h>
#include <stdio.h>

const char *words(lang l, word_key k)
{
	return (l == LANG_SV ? words_sv : words_en)[k];
}

char *words_format(char *buf, size_t n, lang l, word_key k, ...)
{
	va_list ap;
	va_start(ap, k);
	vsnprintf(buf, n, words(l, k), ap);
	va_end(ap);
	return buf;
}
