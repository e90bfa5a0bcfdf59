/* test_inifile.c -- the INI reader (inifile.h, SPEC §3-4 file shape, §8 bad
 * input): every entry with its own line, CRLF and a BOM accepted, values of
 * any length arriving whole, inline comments cut only after a blank, and the
 * things inih would mangle (indentation, broken headers, long lines, bytes
 * that are not UTF-8) refused with "file:line: ..." messages.
 * Expected values are read off the buffers by hand; the digests come from
 * FIPS 180-2 / NIST or from coreutils sha256sum, never from samkalk. */
#include <criterion/criterion.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "samkalk/base/inifile.h"

/* Parses a NUL-terminated buffer (without its NUL) as "t.ini". */
static sk_status parse(const char *text, ini_doc **doc, diag *d)
{
	diag_init(d);
	return inifile_parse("t.ini", text, strlen(text), doc, d);
}

/* Everything diag_print would show; the caller frees it. */
static char *printed(diag *d)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	cr_assert_not_null(f);
	diag_print(d, f);
	fclose(f);
	return buf;
}

/* Asserts that parsing text fails with exactly the messages want. */
static void refused(const char *text, size_t len, const char *want)
{
	diag d;
	diag_init(&d);
	ini_doc *doc = NULL;
	sk_status st = inifile_parse("t.ini", text, len, &doc, &d);
	cr_assert_eq(st, SK_EINPUT, "status %d for %s", st, text);
	/* the document of the other lines comes back, so that later checks
	 * can report the file's other mistakes; the refused lines are counted */
	cr_assert_not_null(doc);
	cr_assert_gt(doc->n_refused, 0);
	inifile_free(doc);
	char *out = printed(&d);
	cr_assert_str_eq(out, want);
	free(out);
	diag_free(&d);
}

static void refused_text(const char *text, const char *want)
{
	refused(text, strlen(text), want);
}

/* The entry with this key in section sec, or NULL. */
static const ini_entry *entry(const ini_doc *doc, const char *sec, const char *key)
{
	size_t s = inifile_find_section(doc, sec);
	size_t first, end;
	inifile_entries(doc, s, &first, &end);
	for (size_t i = first; i < end; i++)
		if (strcmp(doc->entries[i].key, key) == 0)
			return &doc->entries[i];
	return NULL;
}

Test(inifile, line_numbers_of_sections_and_entries)
{
	/* line 1 comment, 2 [scenario], 3 name, 4 blank, 5 # comment,
	 * 6 years, 7 [cohort], 8 size */
	const char *text = "; comment\n[scenario]\nname = Test\n\n# also a comment\nyears = 5\n"
	                   "[cohort]\nsize = 10\n";
	diag d;
	ini_doc *doc;
	cr_assert_eq(parse(text, &doc, &d), SK_OK);
	cr_assert_eq(diag_count(&d), 0);
	cr_assert_str_eq(doc->path, "t.ini");
	cr_assert_eq(doc->n_sections, 2);
	cr_assert_str_eq(doc->sections[0].name, "scenario");
	cr_assert_eq(doc->sections[0].line, 2);
	cr_assert_str_eq(doc->sections[1].name, "cohort");
	cr_assert_eq(doc->sections[1].line, 7);
	cr_assert_eq(doc->n_entries, 3);
	cr_assert_str_eq(doc->entries[0].key, "name");
	cr_assert_str_eq(doc->entries[0].value, "Test");
	cr_assert_eq(doc->entries[0].line, 3);
	cr_assert_eq(doc->entries[0].section, 0);
	cr_assert_str_eq(doc->entries[1].key, "years");
	cr_assert_eq(doc->entries[1].line, 6);
	cr_assert_eq(doc->entries[1].section, 0);
	cr_assert_str_eq(doc->entries[2].key, "size");
	cr_assert_str_eq(doc->entries[2].value, "10");
	cr_assert_eq(doc->entries[2].line, 8);
	cr_assert_eq(doc->entries[2].section, 1);
	inifile_free(doc);
	diag_free(&d);
}

Test(inifile, find_section_and_its_entries)
{
	const char *text = "[a]\nx = 1\ny = 2\n[b]\n[c]\nz = 3\n";
	diag d;
	ini_doc *doc;
	cr_assert_eq(parse(text, &doc, &d), SK_OK);
	cr_assert_eq(inifile_find_section(doc, "a"), 0);
	cr_assert_eq(inifile_find_section(doc, "c"), 2);
	cr_assert_eq(inifile_find_section(doc, "d"), SIZE_MAX);
	size_t first, end;
	inifile_entries(doc, 0, &first, &end); /* x, y */
	cr_assert_eq(first, 0);
	cr_assert_eq(end, 2);
	inifile_entries(doc, 1, &first, &end); /* [b] is empty */
	cr_assert_eq(end - first, 0);
	inifile_entries(doc, 2, &first, &end); /* z */
	cr_assert_eq(first, 2);
	cr_assert_eq(end, 3);
	inifile_entries(doc, SIZE_MAX, &first, &end);
	cr_assert_eq(end - first, 0);
	inifile_free(doc);
	diag_free(&d);
}

Test(inifile, blanks_around_keys_values_and_names_trimmed)
{
	const char *text = "[ scenario ]\nname\t=   Unga vuxna  \nyears=5\n";
	diag d;
	ini_doc *doc;
	cr_assert_eq(parse(text, &doc, &d), SK_OK);
	cr_assert_str_eq(doc->sections[0].name, "scenario");
	cr_assert_str_eq(entry(doc, "scenario", "name")->value, "Unga vuxna");
	cr_assert_str_eq(entry(doc, "scenario", "years")->value, "5");
	inifile_free(doc);
	diag_free(&d);
}

Test(inifile, last_line_without_newline)
{
	diag d;
	ini_doc *doc;
	cr_assert_eq(parse("[a]\nx = 1", &doc, &d), SK_OK);
	cr_assert_str_eq(entry(doc, "a", "x")->value, "1");
	cr_assert_eq(entry(doc, "a", "x")->line, 2);
	inifile_free(doc);
	diag_free(&d);
}

Test(inifile, crlf_line_endings)
{
	/* the same file as line_numbers_...: no '\r' may reach a key, value or
	 * name, and the lines are counted the same */
	const char *text = "; comment\r\n[scenario]\r\nname = Test\r\n\r\nyears = 5\r\n";
	diag d;
	ini_doc *doc;
	cr_assert_eq(parse(text, &doc, &d), SK_OK);
	cr_assert_str_eq(doc->sections[0].name, "scenario");
	cr_assert_eq(doc->sections[0].line, 2);
	cr_assert_str_eq(entry(doc, "scenario", "name")->value, "Test");
	cr_assert_eq(entry(doc, "scenario", "name")->line, 3);
	cr_assert_str_eq(entry(doc, "scenario", "years")->value, "5");
	cr_assert_eq(entry(doc, "scenario", "years")->line, 5);
	inifile_free(doc);
	diag_free(&d);
}

Test(inifile, crlf_mistake_reported_on_its_line_without_cr)
{
	refused_text(
	        "[a]\r\nx = 1\r\n  y = 2\r\n",
	        "t.ini:3: expected the line to start in the first column, got indentation (remove the leading blanks; lines are never joined)\n");
}

Test(inifile, bom_at_the_start_is_skipped)
{
	diag d;
	ini_doc *doc;
	cr_assert_eq(parse("\xef\xbb\xbf[scenario]\nname = x\n", &doc, &d), SK_OK);
	cr_assert_str_eq(doc->sections[0].name, "scenario");
	cr_assert_eq(doc->sections[0].line, 1);
	cr_assert_eq(entry(doc, "scenario", "name")->line, 2);
	inifile_free(doc);
	diag_free(&d);
	/* a BOM before a comment, and a BOM with CRLF */
	cr_assert_eq(parse("\xef\xbb\xbf; c\r\n[a]\r\nx = 1\r\n", &doc, &d), SK_OK);
	cr_assert_str_eq(entry(doc, "a", "x")->value, "1");
	inifile_free(doc);
	diag_free(&d);
}

Test(inifile, value_longer_than_inih_line_arrives_whole)
{
	/* inih's line is 200 bytes: a 1000-byte value must not be cut or its
	 * rest read as a new line */
	char value[1001];
	for (size_t i = 0; i < 1000; i++)
		value[i] = (char)('a' + i % 26);
	value[1000] = '\0';
	value[500] = ';'; /* no blank before it: kept */
	char *text = malloc(1100);
	cr_assert_not_null(text);
	snprintf(text, 1100, "[state AM3]\nkommun.x.source = %s\nkommun.x = 1\n", value);
	diag d;
	ini_doc *doc;
	cr_assert_eq(parse(text, &doc, &d), SK_OK);
	cr_assert_eq(doc->n_entries, 2);
	const ini_entry *e = entry(doc, "state AM3", "kommun.x.source");
	cr_assert_not_null(e);
	cr_assert_eq(strlen(e->value), 1000);
	cr_assert_str_eq(e->value, value);
	cr_assert_eq(e->line, 2);
	cr_assert_eq(entry(doc, "state AM3", "kommun.x")->line, 3);
	inifile_free(doc);
	diag_free(&d);
	free(text);
}

Test(inifile, line_of_4096_bytes_accepted_4097_refused)
{
	/* SK_MAX_LINE_BYTES = 4096 (limits.h, docs/limits.md), without the
	 * line's end */
	char *text = malloc(5000);
	cr_assert_not_null(text);
	memcpy(text, "[a]\nx = ", 8);
	memset(text + 8, 'v', 4092); /* "x = " + 4092 bytes = 4096 */
	strcpy(text + 8 + 4092, "\n");
	diag d;
	ini_doc *doc;
	cr_assert_eq(parse(text, &doc, &d), SK_OK, "%zu messages", diag_count(&d));
	cr_assert_eq(strlen(entry(doc, "a", "x")->value), 4092);
	inifile_free(doc);
	diag_free(&d);
	/* the same with CRLF: the CR is not part of the line */
	strcpy(text + 8 + 4092, "\r\n");
	cr_assert_eq(parse(text, &doc, &d), SK_OK);
	inifile_free(doc);
	diag_free(&d);
	/* one byte more */
	memset(text + 8, 'v', 4093);
	strcpy(text + 8 + 4093, "\ny = 1\n");
	refused_text(text, "t.ini:2: expected a line of at most 4096 bytes, got 4097 bytes\n");
	free(text);
}

Test(inifile, inline_comment_cut_only_after_a_blank)
{
	const char *text = "[a]\n"
	                   "x = 12 ; a comment\n"     /* cut */
	                   "y = Unga;vuxna\n"         /* kept: no blank before ';' */
	                   "z = 0.5\t; tab before\n"  /* cut */
	                   "w = ; only a comment\n"   /* empty value */
	                   "v = a # b\n"              /* '#' is not an inline comment */
	                   "u = http://x;y ; note\n"; /* first ';' kept, second cut */
	diag d;
	ini_doc *doc;
	cr_assert_eq(parse(text, &doc, &d), SK_OK);
	cr_assert_str_eq(entry(doc, "a", "x")->value, "12");
	cr_assert_str_eq(entry(doc, "a", "y")->value, "Unga;vuxna");
	cr_assert_str_eq(entry(doc, "a", "z")->value, "0.5");
	cr_assert_str_eq(entry(doc, "a", "w")->value, "");
	cr_assert_str_eq(entry(doc, "a", "v")->value, "a # b");
	cr_assert_str_eq(entry(doc, "a", "u")->value, "http://x;y");
	inifile_free(doc);
	diag_free(&d);
}

Test(inifile, comment_after_section_header)
{
	diag d;
	ini_doc *doc;
	cr_assert_eq(parse("[a] ; the first\n[b]\t# the second\nx = 1\n", &doc, &d), SK_OK);
	cr_assert_str_eq(doc->sections[0].name, "a");
	cr_assert_str_eq(doc->sections[1].name, "b");
	inifile_free(doc);
	diag_free(&d);
}

Test(inifile, utf8_text_kept)
{
	/* 2-byte ö, 3-byte €, 4-byte U+1F600 */
	diag d;
	ini_doc *doc;
	cr_assert_eq(parse("[a]\nx = Förvaltning 5 € \xf0\x9f\x98\x80\n", &doc, &d), SK_OK);
	cr_assert_str_eq(entry(doc, "a", "x")->value, "Förvaltning 5 € \xf0\x9f\x98\x80");
	inifile_free(doc);
	diag_free(&d);
}

Test(inifile, indented_line_refused)
{
	/* inih would join "  y = 2" to the value above */
	refused_text(
	        "[a]\nx = 1\n  y = 2\n\tz = 3\n",
	        "t.ini:3: expected the line to start in the first column, got indentation (remove the leading blanks; lines are never joined)\n"
	        "t.ini:4: expected the line to start in the first column, got indentation (remove the leading blanks; lines are never joined)\n");
}

Test(inifile, indented_comment_and_blank_line_fine)
{
	diag d;
	ini_doc *doc;
	cr_assert_eq(parse("[a]\n   \n  ; indented comment\nx = 1\n", &doc, &d), SK_OK);
	cr_assert_eq(entry(doc, "a", "x")->line, 4);
	inifile_free(doc);
	diag_free(&d);
}

Test(inifile, unterminated_header_refuses_the_keys_under_it)
{
	/* If "x = 2" went into [a] (as inih does), line 4 would also be a
	 * duplicate of line 2; it must not be read at all. [c] is read again. */
	refused_text(
	        "[a]\nx = 1\n[b\nx = 2\n[c]\nx = 3\nx = 4\n",
	        "t.ini:3: expected a section header [name], got an unterminated '[' (keys below it are not read until the next header)\n"
	        "t.ini:7: x: duplicate key in [c], first at line 6: expected each key once\n");
}

Test(inifile, other_broken_headers)
{
	refused_text(
	        "[a] x = 1\n",
	        "t.ini:1: expected only a comment after the section header's ']', got 'x = 1'\n");
	refused_text("[]\n", "t.ini:1: expected a section name between [ and ], got nothing\n");
	refused_text("[a[b]\n", "t.ini:1: expected a section header [name], got a second '['\n");
	/* 49 bytes is what inih keeps (SK_MAX_SECTION_NAME); 50 is refused */
	char text[64] = "[";
	memset(text + 1, 's', 49);
	strcpy(text + 50, "]\n");
	diag d;
	ini_doc *doc;
	cr_assert_eq(parse(text, &doc, &d), SK_OK);
	cr_assert_eq(strlen(doc->sections[0].name), 49);
	inifile_free(doc);
	diag_free(&d);
	memset(text + 1, 's', 50);
	strcpy(text + 51, "]\n");
	refused_text(text, "t.ini:1: expected a section name of at most 49 bytes, got 50 bytes\n");
}

Test(inifile, duplicate_key_refused_with_both_lines)
{
	refused_text("[a]\nx = 1\ny = 2\nx = 3\n",
	             "t.ini:4: x: duplicate key in [a], first at line 2: expected each key once\n");
}

Test(inifile, same_key_in_two_sections_fine)
{
	diag d;
	ini_doc *doc;
	cr_assert_eq(parse("[a]\nx = 1\n[b]\nx = 2\n", &doc, &d), SK_OK);
	cr_assert_str_eq(entry(doc, "a", "x")->value, "1");
	cr_assert_str_eq(entry(doc, "b", "x")->value, "2");
	inifile_free(doc);
	diag_free(&d);
}

Test(inifile, duplicate_section_refused_with_both_lines)
{
	/* the second [a]'s keys are not read, so its x is no duplicate key */
	refused_text(
	        "[a]\nx = 1\n[b]\n[a]\nx = 2\n",
	        "t.ini:4: duplicate section [a], first at line 1: expected each section once\n");
}

Test(inifile, key_before_any_section_refused)
{
	refused_text("x = 1\n[a]\n",
	             "t.ini:1: x: expected a [section] header above the first key\n");
}

Test(inifile, lines_that_are_not_key_value)
{
	refused_text("[a]\njust words\n",
	             "t.ini:2: expected 'key = value' or a [section] header, got 'just words'\n");
	refused_text("[a]\n= 5\n", "t.ini:2: expected a key before '=', got nothing\n");
	refused_text("[a]\nname: x = y\n",
	             "t.ini:2: expected 'key = value', got a ':' before the '=' in 'name: x'\n");
}

Test(inifile, not_utf8_refused_with_line_and_byte)
{
	/* Latin-1 "Gävle": 0xe4 is the 9th byte of "name = G\xe4vle" */
	refused_text(
	        "[a]\nname = G\xe4vle\n",
	        "t.ini:2: byte 9: expected UTF-8 text, got byte 0xe4 (save the file as UTF-8)\n");
	/* overlong '/' (0xc0 0xaf), a UTF-16 surrogate, a truncated sequence */
	refused_text(
	        "[a]\nx = \xc0\xaf\n",
	        "t.ini:2: byte 5: expected UTF-8 text, got byte 0xc0 (save the file as UTF-8)\n");
	refused_text(
	        "[a]\nx = \xed\xa0\x80\n",
	        "t.ini:2: byte 5: expected UTF-8 text, got byte 0xed (save the file as UTF-8)\n");
	refused_text(
	        "[a]\nx = \xe2\x82\n",
	        "t.ini:2: byte 5: expected UTF-8 text, got byte 0xe2 (save the file as UTF-8)\n");
}

Test(inifile, control_characters_refused)
{
	refused_text("[a]\nx = a\x1b"
	             "b\n",
	             "t.ini:2: byte 6: expected text, got the control character 0x1b\n");
	/* a NUL inside the buffer: the length, not the NUL, ends the file */
	refused("[a]\nx = 1\0002\n", 12,
	        "t.ini:2: byte 6: expected text, got the control character 0x00\n");
	/* a lone CR (old Mac line end) is a control character, not a line end */
	refused_text("[a]\rx = 1\n",
	             "t.ini:1: byte 4: expected text, got the control character 0x0d\n");
}

Test(inifile, every_mistake_of_a_file_reported_in_line_order)
{
	refused_text(
	        "x = 0\n[a]\ny = 1\n  z = 2\ny = 3\n[b\n[a]\n",
	        "t.ini:1: x: expected a [section] header above the first key\n"
	        "t.ini:4: expected the line to start in the first column, got indentation (remove the leading blanks; lines are never joined)\n"
	        "t.ini:5: y: duplicate key in [a], first at line 3: expected each key once\n"
	        "t.ini:6: expected a section header [name], got an unterminated '[' (keys below it are not read until the next header)\n"
	        "t.ini:7: duplicate section [a], first at line 2: expected each section once\n");
}

Test(inifile, sha256_of_the_buffer)
{
	diag d;
	ini_doc *doc;
	/* an empty file is refused as a whole (one message, no document); the
	 * empty message's digest is checked in test_sha256.c */
	cr_assert_eq(parse("", &doc, &d), SK_EINPUT);
	cr_assert_null(doc);
	diag_free(&d);
	/* printf '[a]\nx = 1\n' | sha256sum (coreutils 9.1) */
	cr_assert_eq(parse("[a]\nx = 1\n", &doc, &d), SK_OK);
	cr_assert_str_eq(doc->sha256,
	                 "c2507fada1e1bf3a5006833bec38f02ced1c9ec870b62ceb191f2a2d99e738f2");
	inifile_free(doc);
	diag_free(&d);
	/* the bytes as given, CR and BOM included, not the text as read:
	 * printf '[a]\r\nx = 1\r\n' | sha256sum and
	 * printf '\xef\xbb\xbf[a]\nx = 1\n' | sha256sum */
	cr_assert_eq(parse("[a]\r\nx = 1\r\n", &doc, &d), SK_OK);
	cr_assert_str_eq(doc->sha256,
	                 "c5775aadb3b84b6d3a627b4f09f4b4cf379cb8b482fe6201fc4ed7260038206d");
	inifile_free(doc);
	diag_free(&d);
	cr_assert_eq(parse("\xef\xbb\xbf[a]\nx = 1\n", &doc, &d), SK_OK);
	cr_assert_str_eq(doc->sha256,
	                 "1ac6855c77330aefb818e1a32bb0a1c5bbe9e5dfea8fe2738eb05d2fe171da5b");
	inifile_free(doc);
	diag_free(&d);
}

Test(inifile, read_names_the_referring_key_when_the_file_is_missing)
{
	diag d;
	diag_init(&d);
	ini_doc *doc = (ini_doc *)1;
	sk_status st =
	        inifile_read("tests/unit/data/no_such_file.ini", &doc, &d, "s.ini", 4, "profiles");
	cr_assert_eq(st, SK_EINPUT);
	cr_assert_null(doc);
	char *out = printed(&d);
	cr_assert_str_eq(
	        out,
	        "s.ini:4: profiles: cannot read tests/unit/data/no_such_file.ini: No such file or directory\n");
	free(out);
	diag_free(&d);
}

Test(inifile, read_refuses_a_directory)
{
	diag d;
	diag_init(&d);
	ini_doc *doc = (ini_doc *)1;
	cr_assert_eq(inifile_read("tests/unit", &doc, &d, NULL, 0, NULL), SK_EINPUT);
	cr_assert_null(doc);
	char *out = printed(&d);
	cr_assert_str_eq(out, "tests/unit: cannot read the file: not a regular file\n");
	free(out);
	diag_free(&d);
}

Test(inifile, free_accepts_null)
{
	inifile_free(NULL);
}

/* A refused line marks its section and leaves the other lines in the
 * document: line 3 (indented) is refused in [a]; [b] is untouched. */
Test(inifile, refused_line_marks_its_section_and_keeps_the_rest)
{
	diag d;
	diag_init(&d);
	ini_doc *doc = NULL;
	static const char text[] = "[a]\nx = 1\n  y = 2\n[b]\nz = 3\n";
	cr_assert_eq(inifile_parse("t.ini", text, sizeof text - 1, &doc, &d), SK_EINPUT);
	cr_assert_not_null(doc);
	cr_assert_eq(doc->n_refused, 1);
	cr_assert_eq(doc->n_entries, 2); /* x and z */
	cr_assert(doc->sections[0].refused);
	cr_assert(!doc->sections[1].refused);
	cr_assert(!doc->bad_header);
	inifile_free(doc);
	diag_free(&d);
}

/* An unterminated header is a bad header: the keys under it are dropped,
 * so checks for missing sections must stay silent. */
Test(inifile, unterminated_header_sets_bad_header)
{
	diag d;
	diag_init(&d);
	ini_doc *doc = NULL;
	static const char text[] = "[a]\nx = 1\n[b\ny = 2\n";
	cr_assert_eq(inifile_parse("t.ini", text, sizeof text - 1, &doc, &d), SK_EINPUT);
	cr_assert(doc->bad_header);
	cr_assert_eq(doc->n_entries, 1); /* y is not put in [a] */
	inifile_free(doc);
	diag_free(&d);
}

/* The comment block above a key, and its inline comment, travel with it:
 * the workbook shows them as the input's source. A blank line ends a
 * block; a block covers the keys right below it. */
Test(inifile, comments_above_and_after_a_key_are_kept)
{
	diag d;
	diag_init(&d);
	ini_doc *doc = NULL;
	static const char text[] = "[a]\n"
	                           "; 72 deltagare,\n"
	                           "; KNUT3 s. 24\n"
	                           "size = 72 ; per intag\n"
	                           "intakes = 1\n"
	                           "\n"
	                           "women = 0.5\n"
	                           "; andelar\n"
	                           "AM3 = 0.6\n";
	cr_assert_eq(inifile_parse("t.ini", text, sizeof text - 1, &doc, &d), SK_OK);
	cr_assert_eq(doc->n_entries, 4);
	cr_assert_str_eq(doc->entries[0].comment, "72 deltagare, KNUT3 s. 24 per intag");
	cr_assert_str_eq(doc->entries[1].comment, "72 deltagare, KNUT3 s. 24");
	cr_assert_null(doc->entries[2].comment); /* after a blank line */
	cr_assert_str_eq(doc->entries[3].comment, "andelar");
	inifile_free(doc);
	diag_free(&d);
}
