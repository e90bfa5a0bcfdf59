/* test_words.c -- the reports' catalogue of words (words.h): every key has
 * text in Swedish and in English, and both have the same printf
 * conversions in the same order, so that a writer's arguments fit either
 * language; words glued into sentences keep their spaces in both. */
#include <criterion/criterion.h>
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "samkalk/report/words.h"

/* The conversions of a printf format, each as written ("%d", "%.1f",
 * "%zu"), joined by '|' into out; "%%" is text, not a conversion. False
 * when a '%' does not start a conversion printf knows. */
static bool conversions(const char *fmt, char *out, size_t n)
{
	size_t used = 0;
	out[0] = '\0';
	for (const char *p = fmt; *p; p++) {
		if (*p != '%')
			continue;
		if (p[1] == '%') {
			p++;
			continue;
		}
		const char *start = p++;
		p += strspn(p, "-+ #0'");
		if (*p == '*')
			p++;
		else
			while (isdigit((unsigned char)*p))
				p++;
		if (*p == '.') {
			p++;
			if (*p == '*')
				p++;
			else
				while (isdigit((unsigned char)*p))
					p++;
		}
		static const char *const lengths[] = {"hh", "ll", "h", "l", "L", "z", "j", "t"};
		for (size_t i = 0; i < sizeof lengths / sizeof *lengths; i++)
			if (strncmp(p, lengths[i], strlen(lengths[i])) == 0) {
				p += strlen(lengths[i]);
				break;
			}
		if (!*p || !strchr("diouxXeEfFgGaAcsp", *p))
			return false;
		used += (size_t)snprintf(out + used, n - used, "%s%.*s", used ? "|" : "",
		                         (int)(p - start + 1), start);
		if (used >= n)
			return false;
	}
	return true;
}

Test(words, the_parser_reads_conversions_and_skips_percent_signs)
{
	char c[256];
	cr_assert(conversions("%d (efter %s år), %.1f %%, %zu, %llu, %-8s", c, sizeof c));
	cr_assert_str_eq(c, "%d|%s|%.1f|%zu|%llu|%-8s");
	cr_assert(conversions("5 %% av", c, sizeof c));
	cr_assert_str_eq(c, "");
	/* a bare % is read as a conversion: "5 % av" holds "% a" (hex float) */
	cr_assert(conversions("5 % av", c, sizeof c));
	cr_assert_str_eq(c, "% a");
	cr_assert(!conversions("100 %", c, sizeof c));
}

Test(words, every_key_has_text_in_both_languages)
{
	for (int k = 0; k < N_WORDS; k++) {
		cr_assert_not_null(words_sv[k], "word %d has no Swedish text", k);
		cr_assert_not_null(words_en[k], "word %d has no English text", k);
		cr_assert_neq(words_sv[k][0], '\0', "word %d is empty in Swedish", k);
		cr_assert_neq(words_en[k][0], '\0', "word %d is empty in English", k);
		cr_assert_eq(words(LANG_SV, (word_key)k), words_sv[k]);
		cr_assert_eq(words(LANG_EN, (word_key)k), words_en[k]);
	}
}

Test(words, both_languages_have_the_same_conversions_in_the_same_order)
{
	for (int k = 0; k < N_WORDS; k++) {
		char sv[256], en[256];
		cr_assert(conversions(words_sv[k], sv, sizeof sv),
		          "word %d: a %% that printf does not know in Swedish: %s", k, words_sv[k]);
		cr_assert(conversions(words_en[k], en, sizeof en),
		          "word %d: a %% that printf does not know in English: %s", k, words_en[k]);
		cr_assert_str_eq(sv, en, "word %d: Swedish \"%s\" has %s, English \"%s\" has %s", k,
		                 words_sv[k], sv, words_en[k], en);
	}
}

/* The run of spaces and line ends at one end of s: 1 at the start, -1 at
 * the end. */
static size_t blank_run(const char *s, int end)
{
	size_t n = strlen(s), k = 0;
	if (end < 0)
		while (k < n && isspace((unsigned char)s[n - 1 - k]))
			k++;
	else
		while (k < n && isspace((unsigned char)s[k]))
			k++;
	return k;
}

Test(words, words_glued_into_sentences_keep_their_spaces_in_both_languages)
{
	for (int k = 0; k < N_WORDS; k++)
		for (int end = -1; end <= 1; end += 2) {
			size_t a = blank_run(words_sv[k], end), b = blank_run(words_en[k], end);
			cr_assert_eq(a > 0, b > 0,
			             "word %d: \"%s\" and \"%s\" differ in spaces at its %s", k,
			             words_sv[k], words_en[k], end < 0 ? "end" : "start");
		}
}

Test(words, a_word_with_a_percent_sign_is_formatted_whole)
{
	char buf[512];
	/* "P5/P95: 5 %% av ...": the sign printed once */
	cr_assert_not_null(
	        strstr(words_format(buf, sizeof buf, LANG_SV, W_UNC_STATS_NOTE), "5 % av"));
	cr_assert_not_null(
	        strstr(words_format(buf, sizeof buf, LANG_EN, W_UNC_STATS_NOTE), "5% of"));
	cr_assert_str_eq(words_format(buf, sizeof buf, LANG_SV, W_PERCENT, "53"), "53 %");
	cr_assert_str_eq(words_format(buf, sizeof buf, LANG_EN, W_PERCENT, "53"), "53%");
}

/* The words of each choice, indexed by its enum: every value has its own
 * word (an entry left out would be key 0, W_INTERVENTION, "Insats"). */
static void distinct_words(const word_key *w, size_t n, const char *what)
{
	for (size_t i = 0; i < n; i++) {
		cr_assert_neq(w[i], W_INTERVENTION, "%s %zu has no word", what, i);
		for (size_t j = 0; j < i; j++)
			cr_assert_neq(w[i], w[j], "%s %zu and %zu share a word", what, i, j);
	}
}

Test(words, every_choice_has_a_word_of_its_own)
{
	distinct_words(words_of_sex, N_SEX, "sex");
	distinct_words(words_of_timing, N_TIMINGS, "discount timing");
	distinct_words(words_of_costs_on, N_COSTS_ON, "costs_on");
	distinct_words(words_of_actor_kind, N_ACTOR_KINDS, "actor kind");
}
