/* words.c -- a word of the catalogue in a language (words.h): the tables
 * are words_sv.c and words_en.c; and the words of the choices, by enum. */
#include "samkalk/report/words.h"

#include <stdarg.h>
#include <stdio.h>

#include "samkalk/read/profile.h"

const word_key words_of_sex[N_SEX] = {[SEX_WOMEN] = W_WOMEN, [SEX_MEN] = W_MEN};
const word_key words_of_timing[N_TIMINGS] = {
        [TIMING_START] = W_TIMING_START, [TIMING_END] = W_TIMING_END};
const word_key words_of_costs_on[N_COSTS_ON] = {
        [COSTS_START] = W_COSTS_START, [COSTS_END] = W_COSTS_END, [COSTS_MEAN] = W_COSTS_MEAN};
const word_key words_of_actor_kind[N_ACTOR_KINDS] = {[ACTOR_FISCAL] = W_KIND_FISCAL,
                                                     [ACTOR_ECONOMIC] = W_KIND_ECONOMIC,
                                                     [ACTOR_HOUSEHOLD] = W_KIND_HOUSEHOLD};

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
