/* inifile.c -- INI files to entries with line numbers, through inih
 * (SPEC §3-4 file shape, §8 bad input). See inifile.h for why the reader
 * checks every line before inih sees it. */
#include "samkalk/base/inifile.h"

#include <errno.h>
#include <ini.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "samkalk/base/limits.h"
#include "samkalk/base/sha256.h"

/* What the reader hands inih in place of a value it cannot carry. */
#define LONG_VALUE "\x1f"
/* The section inih is given after a broken header: its keys are dropped. */
#define BAD_SECTION "\x1e"

typedef struct reader {
	const char *path;
	const char *buf;
	size_t len, pos;
	int line;
	ini_doc *doc;
	diag *d;
	bool in_section;    /* a valid header has been seen */
	size_t section;     /* index of the current valid section */
	size_t first_entry; /* first entry of the current section */
	const char *long_value;
	size_t long_value_len;
	/* The comment block above the current keys: kept for the keys that
	 * follow it up to a blank line, a header or the next comment block. */
	char *comment;
	size_t comment_len;
	bool comment_closed;        /* a key came after it: the next comment starts anew */
	const char *inline_comment; /* "; ..." after the current key's value */
	size_t inline_comment_len;
	bool oom;
} reader;

/* Offset of the first byte that is not valid UTF-8 or is a control
 * character other than tab, or len if there is none. */
static size_t bad_byte(const unsigned char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		unsigned char c = s[i];
		if (c < 0x80) {
			if ((c < 0x20 && c != '\t') || c == 0x7f)
				return i;
			i++;
			continue;
		}
		size_t n;
		uint32_t cp, min;
		if (c >= 0xc2 && c <= 0xdf) {
			n = 1, cp = c & 0x1f, min = 0x80;
		} else if (c >= 0xe0 && c <= 0xef) {
			n = 2, cp = c & 0x0f, min = 0x800;
		} else if (c >= 0xf0 && c <= 0xf4) {
			n = 3, cp = c & 0x07, min = 0x10000;
		} else {
			return i;
		}
		for (size_t k = 1; k <= n; k++) {
			if (i + k >= len || (s[i + k] & 0xc0) != 0x80)
				return i;
			cp = (cp << 6) | (s[i + k] & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return i;
		if ((cp < 0xa0 && cp >= 0x80) || cp == 0xfeff) /* C1 controls, a stray BOM */
			return i;
		i += n + 1;
	}
	return len;
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* Trims blanks from both ends of [*s, *s + *n). */
static void trim(const char **s, size_t *n)
{
	while (*n && is_blank(**s))
		(*s)++, (*n)--;
	while (*n && is_blank((*s)[*n - 1]))
		(*n)--;
}

/* Length up to an inline comment: ';' preceded by a blank, as inih cuts. */
static size_t before_comment(const char *s, size_t n)
{
	for (size_t i = 1; i < n; i++)
		if (s[i] == ';' && is_blank(s[i - 1]))
			return i;
	return n;
}

/* Writes text to inih's buffer (room for num bytes with NUL). */
static char *give(char *str, int num, const char *text, size_t n)
{
	if (n + 2 > (size_t)num)
		n = (size_t)num - 2; /* cannot happen: callers check the size */
	memcpy(str, text, n);
	str[n] = '\n';
	str[n + 1] = '\0';
	return str;
}

static char *section_line(reader *r, char *str, int num, const char *s, size_t n)
{
	const char *end = memchr(s, ']', n);
	if (!end) {
		diag_add(
		        r->d, r->path, r->line, NULL,
		        "expected a section header [name], got an unterminated '[' (keys below it are not read until the next header)");
		r->in_section = false;
		r->doc->bad_header = true;
		return give(str, num, "[" BAD_SECTION "]", 3);
	}
	const char *rest = end + 1;
	size_t rest_n = n - (size_t)(rest - s);
	trim(&rest, &rest_n);
	if (rest_n && rest[0] != ';' && rest[0] != '#') {
		diag_add(r->d, r->path, r->line, NULL,
		         "expected only a comment after the section header's ']', got '%.*s'",
		         (int)(rest_n > 40 ? 40 : rest_n), rest);
		r->in_section = false;
		r->doc->bad_header = true;
		return give(str, num, "[" BAD_SECTION "]", 3);
	}
	const char *name = s + 1;
	size_t name_n = (size_t)(end - name);
	trim(&name, &name_n);
	if (name_n == 0 || name_n > SK_MAX_SECTION_NAME || memchr(name, '[', name_n)) {
		if (name_n == 0)
			diag_add(r->d, r->path, r->line, NULL,
			         "expected a section name between [ and ], got nothing");
		else if (name_n > SK_MAX_SECTION_NAME)
			diag_add(r->d, r->path, r->line, NULL,
			         "expected a section name of at most %d bytes, got %zu bytes",
			         SK_MAX_SECTION_NAME, name_n);
		else
			diag_add(r->d, r->path, r->line, NULL,
			         "expected a section header [name], got a second '['");
		r->in_section = false;
		r->doc->bad_header = true;
		return give(str, num, "[" BAD_SECTION "]", 3);
	}
	ini_doc *doc = r->doc;
	if (doc->n_sections == SK_MAX_SECTIONS) {
		diag_add(r->d, r->path, r->line, NULL,
		         "expected at most %d sections in a file, got more", SK_MAX_SECTIONS);
		r->in_section = false;
		doc->bad_header = true;
		return give(str, num, "[" BAD_SECTION "]", 3);
	}
	for (size_t i = 0; i < doc->n_sections; i++) {
		if (strlen(doc->sections[i].name) == name_n &&
		    memcmp(doc->sections[i].name, name, name_n) == 0) {
			diag_add(
			        r->d, r->path, r->line, NULL,
			        "duplicate section [%.*s], first at line %d: expected each section once",
			        (int)name_n, name, doc->sections[i].line);
			r->in_section = false;
			return give(str, num, "[" BAD_SECTION "]", 3);
		}
	}
	ini_section *sections = realloc(doc->sections, (doc->n_sections + 1) * sizeof *sections);
	char *copy = strndup(name, name_n);
	if (!sections || !copy) {
		if (sections)
			doc->sections = sections;
		free(copy);
		r->oom = true;
		return NULL;
	}
	doc->sections = sections;
	doc->sections[doc->n_sections] = (ini_section){copy, r->line, false};
	r->section = doc->n_sections++;
	r->first_entry = doc->n_entries;
	r->in_section = true;
	char header[SK_MAX_SECTION_NAME + 3];
	header[0] = '[';
	memcpy(header + 1, name, name_n);
	header[name_n + 1] = ']';
	return give(str, num, header, name_n + 2);
}

static char *key_line(reader *r, char *str, int num, const char *s, size_t n)
{
	size_t full = n;
	n = before_comment(s, n);
	r->inline_comment = s + n;
	r->inline_comment_len = full - n;
	const char *eq = memchr(s, '=', n);
	const char *colon = memchr(s, ':', n);
	if (!eq && colon) {
		diag_add(r->d, r->path, r->line, NULL,
		         "expected 'key = value', got a ':' in '%.*s' (write %.*s = ...)",
		         (int)(n > 60 ? 60 : n), s, (int)(colon - s), s);
		return give(str, num, "", 0);
	}
	if (!eq) {
		diag_add(r->d, r->path, r->line, NULL,
		         "expected 'key = value' or a [section] header, got '%.*s'",
		         (int)(n > 60 ? 60 : n), s);
		return give(str, num, "", 0);
	}
	const char *key = s, *value = eq + 1;
	size_t key_n = (size_t)(eq - s), value_n = n - key_n - 1;
	trim(&key, &key_n);
	trim(&value, &value_n);
	if (colon && colon < eq) {
		diag_add(r->d, r->path, r->line, NULL,
		         "expected 'key = value', got a ':' before the '=' in '%.*s'",
		         (int)(key_n > 60 ? 60 : key_n), key);
		return give(str, num, "", 0);
	}
	if (key_n == 0) {
		diag_add(r->d, r->path, r->line, NULL, "expected a key before '=', got nothing");
		return give(str, num, "", 0);
	}
	if (key_n > SK_MAX_KEY_BYTES) {
		diag_add(r->d, r->path, r->line, NULL,
		         "expected a key of at most %d bytes, got %zu bytes", SK_MAX_KEY_BYTES,
		         key_n);
		return give(str, num, "", 0);
	}
	if (!r->in_section) {
		if (r->doc->n_sections == 0)
			diag_add(r->d, r->path, r->line, NULL,
			         "%.*s: expected a [section] header above the first key",
			         (int)key_n, key);
		return give(str, num, "", 0);
	}
	char line[SK_MAX_KEY_BYTES + 8];
	memcpy(line, key, key_n);
	line[key_n] = '=';
	/* Values never go through inih, whatever their length: inih's line is
	 * 200 bytes, and one path for every value is one path to test. */
	r->long_value = value;
	r->long_value_len = value_n;
	memcpy(line + key_n + 1, LONG_VALUE, 1);
	return give(str, num, line, key_n + 2);
}

static char *check_line(reader *r, char *str, int num);

/* Appends a comment line (without its ';' and blanks) to the block above
 * the next keys. */
static void add_comment(reader *r, const char *t, size_t n)
{
	if (r->comment_closed)
		r->comment_len = 0;
	r->comment_closed = false;
	while (n && (*t == ';' || *t == '#'))
		t++, n--;
	trim(&t, &n);
	if (n == 0 || r->comment_len + n + 2 > SK_MAX_COMMENT_BYTES)
		return;
	char *c = realloc(r->comment, r->comment_len + n + 2);
	if (!c) {
		r->oom = true;
		return;
	}
	r->comment = c;
	if (r->comment_len)
		c[r->comment_len++] = ' ';
	memcpy(c + r->comment_len, t, n);
	r->comment_len += n;
	c[r->comment_len] = '\0';
}

/* The reader inih calls, fgets-style: one physical line per call, checked
 * and reduced to what inih parses faithfully; a line with a mistake becomes
 * an empty line, so inih's count stays ours, and marks its section. */
static char *next_line(char *str, int num, void *stream)
{
	reader *r = stream;
	size_t before = diag_count(r->d);
	size_t start = r->pos;
	char *res = check_line(r, str, num);
	if (diag_count(r->d) != before) {
		r->doc->n_refused++;
		if (r->in_section)
			r->doc->sections[r->section].refused = true;
		/* A refused line that meant to be a header ("  [cohort]", or one
		 * with a bad byte) starts a section we cannot read: its keys must
		 * not land in the section above. */
		const char *t = r->buf + start;
		while (t < r->buf + r->pos && (*t == ' ' || *t == '\t'))
			t++;
		if (res && t < r->buf + r->pos && *t == '[' && r->in_section) {
			r->in_section = false;
			r->doc->bad_header = true;
			return give(str, num, "[" BAD_SECTION "]", 3);
		}
	}
	return res;
}

static char *check_line(reader *r, char *str, int num)
{
	if (r->oom || r->pos >= r->len)
		return NULL;
	const char *s = r->buf + r->pos;
	const char *nl = memchr(s, '\n', r->len - r->pos);
	size_t n = nl ? (size_t)(nl - s) : r->len - r->pos;
	r->pos += n + (nl ? 1 : 0);
	r->line++;
	if (n && s[n - 1] == '\r')
		n--;
	if (r->line == 1 && n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		s += 3, n -= 3;
	if (n > SK_MAX_LINE_BYTES) {
		diag_add(r->d, r->path, r->line, NULL,
		         "expected a line of at most %d bytes, got %zu bytes", SK_MAX_LINE_BYTES,
		         n);
		return give(str, num, "", 0);
	}
	size_t bad = bad_byte((const unsigned char *)s, n);
	if (bad < n) {
		unsigned char c = (unsigned char)s[bad];
		if (c < 0x80)
			diag_add(r->d, r->path, r->line, NULL,
			         "byte %zu: expected text, got the control character 0x%02x",
			         bad + 1, c);
		else if (n - bad >= 3 && memcmp(s + bad, "\xef\xbb\xbf", 3) == 0)
			diag_add(
			        r->d, r->path, r->line, NULL,
			        "byte %zu: expected text, got a byte-order mark inside the file (were two files joined?)",
			        bad + 1);
		else if (c == 0xc2 && bad + 1 < n && ((unsigned char)s[bad + 1] & 0xc0) == 0x80)
			diag_add(
			        r->d, r->path, r->line, NULL,
			        "byte %zu: expected text, got the control character U+%04X",
			        bad + 1,
			        (unsigned)(((c & 0x1f) << 6) | ((unsigned char)s[bad + 1] & 0x3f)));
		else
			diag_add(
			        r->d, r->path, r->line, NULL,
			        "byte %zu: expected UTF-8 text, got byte 0x%02x (save the file as UTF-8)",
			        bad + 1, c);
		return give(str, num, "", 0);
	}
	const char *t = s;
	size_t tn = n;
	trim(&t, &tn);
	if (tn == 0) {
		r->comment_len = 0;
		return give(str, num, "", 0);
	}
	if (t[0] == ';' || t[0] == '#') {
		add_comment(r, t, tn);
		return give(str, num, "", 0);
	}
	if (t != s) {
		diag_add(
		        r->d, r->path, r->line, NULL,
		        "expected the line to start in the first column, got indentation (remove the leading blanks; lines are never joined)");
		return give(str, num, "", 0);
	}
	if (t[0] == '[') {
		r->comment_len = 0;
		return section_line(r, str, num, t, tn);
	}
	r->comment_closed = true;
	return key_line(r, str, num, t, tn);
}

/* The block above the key and the key's own inline comment, joined; NULL
 * when there is neither (or out of memory: the caller tells them apart). */
static char *joined_comment(const reader *r)
{
	const char *in = r->inline_comment;
	size_t in_n = r->inline_comment_len;
	while (in_n && (*in == ';' || *in == ' ' || *in == '\t'))
		in++, in_n--;
	if (!r->comment_len && !in_n)
		return NULL;
	size_t len = r->comment_len + in_n + 2;
	char *c = malloc(len);
	if (c)
		snprintf(c, len, "%.*s%s%.*s", (int)r->comment_len, r->comment ? r->comment : "",
		         r->comment_len && in_n ? " " : "", (int)in_n, in);
	return c;
}

static int on_entry(void *user, const char *section, const char *name, const char *value)
{
	reader *r = user;
	if (strcmp(section, BAD_SECTION) == 0 || !r->in_section)
		return 1;
	ini_doc *doc = r->doc;
	for (size_t i = r->first_entry; i < doc->n_entries; i++) {
		if (strcmp(doc->entries[i].key, name) == 0) {
			diag_add(r->d, r->path, r->line, name,
			         "duplicate key in [%s], first at line %d: expected each key once",
			         section, doc->entries[i].line);
			doc->n_refused++;
			doc->sections[r->section].refused = true;
			return 1;
		}
	}
	if (doc->n_entries >= SK_MAX_ENTRIES) {
		if (doc->n_entries == SK_MAX_ENTRIES)
			diag_add(r->d, r->path, r->line, NULL,
			         "expected at most %d keys in a file, got more", SK_MAX_ENTRIES);
		return 1;
	}
	if (strcmp(value, LONG_VALUE) != 0)
		return 1; /* cannot happen: the reader sends every value beside inih */
	if ((doc->n_entries & (doc->n_entries - 1)) == 0) { /* grow at powers of two */
		size_t cap = doc->n_entries ? 2 * doc->n_entries : 1;
		ini_entry *e = realloc(doc->entries, cap * sizeof *e);
		if (!e) {
			r->oom = true;
			return 0;
		}
		doc->entries = e;
	}
	char *key = strdup(name);
	char *val = strndup(r->long_value, r->long_value_len);
	char *comment = joined_comment(r);
	if (!key || !val || (!comment && (r->comment_len || r->inline_comment_len))) {
		free(key);
		free(val);
		free(comment);
		r->oom = true;
		return 0;
	}
	doc->entries[doc->n_entries++] = (ini_entry){r->section, key, val, r->line, comment};
	return 1;
}

/* A problem of the whole file, said once rather than on every line: UTF-16
 * (Excel's and Notepad's "Unicode"), CR-only line ends, or no text. */
static const char *whole_file_problem(const char *buf, size_t len)
{
	size_t head = len < 200 ? len : 200, zeros = 0;
	for (size_t k = 0; k < head; k++)
		zeros += buf[k] == '\0';
	if ((len >= 2 &&
	     ((buf[0] == '\xff' && buf[1] == '\xfe') || (buf[0] == '\xfe' && buf[1] == '\xff'))) ||
	    zeros * 4 > head)
		return "expected UTF-8 text, got UTF-16 or binary data (in Excel or Notepad, save as 'CSV UTF-8' or 'UTF-8' text)";
	if (memchr(buf, '\r', len) && !memchr(buf, '\n', len))
		return "expected lines ending in LF or CRLF, got CR only (old Mac line ends: save the file with Unix or Windows line ends)";
	size_t i = 0;
	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	for (; i < len; i++)
		if (!strchr(" \t\r\n", buf[i]))
			return NULL;
	return "expected an INI file with [sections], got an empty file";
}

sk_status inifile_parse(const char *path, const char *buf, size_t len, ini_doc **out, diag *d)
{
	*out = NULL;
	ini_doc *doc = calloc(1, sizeof *doc);
	if (!doc || !(doc->path = strdup(path))) {
		free(doc);
		return SK_ENOMEM;
	}
	sha256_hex(buf, len, doc->sha256);
	const char *whole = whole_file_problem(buf, len);
	if (whole) {
		diag_add(d, path, 0, NULL, "%s", whole);
		inifile_free(doc);
		return SK_EINPUT;
	}
	size_t before = diag_count(d);
	reader r = {.path = path, .buf = buf, .len = len, .doc = doc, .d = d};
	int rc = ini_parse_stream(next_line, &r, on_entry, &r);
	free(r.comment);
	if (r.oom) {
		inifile_free(doc);
		return SK_ENOMEM;
	}
	if (rc > 0) { /* the reader passed inih a line it still refused */
		diag_add(d, path, rc, NULL, "expected 'key = value' or a [section] header");
		doc->n_refused++;
	}
	if (doc->n_refused && doc->n_sections == 0)
		doc->bad_header = true; /* nothing readable: no "missing section" messages */
	*out = doc;
	return diag_count(d) != before ? SK_EINPUT : SK_OK;
}

sk_status inifile_read(const char *path, ini_doc **out, diag *d, const char *ref_file, int ref_line,
                       const char *ref_key)
{
	*out = NULL;
	const char *who = ref_file ? ref_file : path;
	int who_line = ref_file ? ref_line : 0;
	const char *who_key = ref_file ? ref_key : NULL;
	FILE *f = fopen(path, "rb");
	struct stat st;
	if (!f || fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
		const char *why = !f ? strerror(errno) : "not a regular file";
		if (ref_file)
			diag_add(d, who, who_line, who_key, "cannot read %s: %s", path, why);
		else
			diag_add(d, who, 0, NULL, "cannot read the file: %s", why);
		if (f)
			fclose(f);
		return SK_EINPUT;
	}
	if (st.st_size > SK_MAX_FILE_BYTES) {
		diag_add(d, path, 0, NULL, "expected a file of at most %d bytes, got %lld bytes",
		         SK_MAX_FILE_BYTES, (long long)st.st_size);
		fclose(f);
		return SK_EINPUT;
	}
	/* Read to the end, whatever fstat said: the file may change under us. */
	size_t cap = (size_t)st.st_size + 1, len = 0;
	char *buf = malloc(cap);
	if (!buf) {
		fclose(f);
		return SK_ENOMEM;
	}
	for (;;) {
		len += fread(buf + len, 1, cap - len, f);
		if (len < cap)
			break;
		if (cap > SK_MAX_FILE_BYTES) {
			diag_add(d, path, 0, NULL, "expected a file of at most %d bytes, got more",
			         SK_MAX_FILE_BYTES);
			free(buf);
			fclose(f);
			return SK_EINPUT;
		}
		char *more = realloc(buf, 2 * cap);
		if (!more) {
			free(buf);
			fclose(f);
			return SK_ENOMEM;
		}
		buf = more;
		cap *= 2;
	}
	bool failed = ferror(f);
	int err = errno;
	fclose(f);
	if (failed) {
		diag_add(d, who, who_line, who_key, "cannot read %s: %s", path, strerror(err));
		free(buf);
		return SK_EINPUT;
	}
	sk_status st2 = inifile_parse(path, buf, len, out, d);
	free(buf);
	return st2;
}

void inifile_free(ini_doc *doc)
{
	if (!doc)
		return;
	for (size_t i = 0; i < doc->n_sections; i++)
		free(doc->sections[i].name);
	for (size_t i = 0; i < doc->n_entries; i++) {
		free(doc->entries[i].key);
		free(doc->entries[i].value);
		free(doc->entries[i].comment);
	}
	free(doc->sections);
	free(doc->entries);
	free(doc->path);
	free(doc);
}

size_t inifile_find_section(const ini_doc *doc, const char *name)
{
	for (size_t i = 0; i < doc->n_sections; i++)
		if (strcmp(doc->sections[i].name, name) == 0)
			return i;
	return SIZE_MAX;
}

void inifile_entries(const ini_doc *doc, size_t s, size_t *first, size_t *end)
{
	*first = *end = 0;
	for (size_t i = 0; i < doc->n_entries && s != SIZE_MAX; i++) {
		if (doc->entries[i].section != s)
			continue;
		if (*end == 0)
			*first = i;
		*end = i + 1;
	}
}

const ini_entry *inifile_find_entry(const ini_doc *doc, const char *section, const char *key)
{
	size_t first, end;
	inifile_entries(doc, inifile_find_section(doc, section), &first, &end);
	for (size_t i = first; i < end; i++)
		if (strcmp(doc->entries[i].key, key) == 0)
			return &doc->entries[i];
	return NULL;
}
