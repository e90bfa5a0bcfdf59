/* datafile.c -- a data file's bytes as text (base/datafile.h): read
 * whole, checked byte by byte, converted from Windows-1252 with iconv. */
#define _DEFAULT_SOURCE /* madvise and MADV_HUGEPAGE, where the system has them */
#include "samkalk/base/datafile.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>

bool datafile_blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
			return false;
	return true;
}

static size_t split_min = (size_t)1 << 20;

bool datafile_split(size_t n)
{
	return n >= split_min;
}

void datafile_split_set(size_t min)
{
	split_min = min;
}

/* Room for n bytes of a file, to free(): from 2 MiB on, in whole huge
 * pages of 2 MiB where Linux has transparent huge pages for the asking
 * (MADV_HUGEPAGE): reading the 53.5 MB panel of bench/followup.sh then took
 * 22 ms of CPU instead of 40 (13 000 page faults fewer) and freeing it
 * 0.2 ms instead of 4. NULL when out of memory. */
static char *room(size_t n)
{
#if defined(MADV_HUGEPAGE)
	size_t huge = (size_t)2 << 20, whole = (n + huge - 1) / huge * huge;
	if (n >= huge) {
		char *p = aligned_alloc(huge, whole);
		if (p)
			madvise(p, whole, MADV_HUGEPAGE); /* if refused, ordinary pages */
		return p;
	}
#endif
	return malloc(n);
}

sk_status datafile_read(const char *path, long max, const char *ref_file, int ref_line,
                        const char *ref_key, char **out, size_t *out_len, diag *d)
{
	*out = NULL;
	*out_len = 0;
	FILE *fp = fopen(path, "rb");
	struct stat st;
	const char *why = NULL;
	if (!fp || fstat(fileno(fp), &st) != 0 || !S_ISREG(st.st_mode)) {
		why = !fp ? strerror(errno) : "not a regular file";
	} else if (st.st_size > max) {
		diag_add(d, path, 0, NULL, "expected a file of at most %ld bytes, got %lld bytes",
		         max, (long long)st.st_size);
		fclose(fp);
		return SK_EINPUT;
	}
	/* to the end, whatever fstat said: the file may grow under us (past the
	 * limit, which datafile_text_of then refuses) */
	size_t cap = why ? 0 : (size_t)st.st_size + 1, len = 0;
	char *buf = why ? NULL : room(cap);
	while (buf && (len += fread(buf + len, 1, cap - len, fp)) == cap && cap <= (size_t)max) {
		char *more = realloc(buf, 2 * cap);
		if (!more)
			free(buf);
		buf = more, cap *= 2;
	}
	if (buf && ferror(fp))
		why = strerror(errno);
	if (fp)
		fclose(fp);
	if (why && ref_file)
		diag_add(d, ref_file, ref_line, ref_key, "cannot read %s: %s", path, why);
	else if (why)
		diag_add(d, path, 0, NULL, "cannot read the file: %s", why);
	if (why || !buf) {
		free(buf);
		return why ? SK_EINPUT : SK_ENOMEM;
	}
	*out = buf;
	*out_len = len;
	return SK_OK;
}

/* Length of the UTF-8 sequence at s (n bytes left), 0 when it is none. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
	size_t more;
	uint32_t cp, min;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		more = 1, cp = s[0] & 0x1f, min = 0x80;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		more = 2, cp = s[0] & 0x0f, min = 0x800;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		more = 3, cp = s[0] & 0x07, min = 0x10000;
	else
		return 0;
	for (size_t k = 1; k <= more; k++) {
		if (k >= n || (s[k] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[k] & 0x3f);
	}
	return cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? 0 : more + 1;
}

/* How many of the 8 bytes at s, from the first, are 0x20..0x7e: 8 bytes at
 * once, where a byte outside that range sets its high bit by a borrow
 * (below 0x20), a carry (0x7f, 0xff) or itself (0x80 and above). A
 * borrow or carry runs on into the bytes after it, so only the first set
 * high bit is sure to be its own byte's: enough to skip to it, on a
 * little-endian CPU (elsewhere 8 or 0). */
static size_t printable(const unsigned char *s)
{
	uint64_t w;
	memcpy(&w, s, 8);
	uint64_t m = ((w - 0x2020202020202020u) | (w + 0x0101010101010101u)) & 0x8080808080808080u;
	if (!m)
		return 8;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	return (size_t)__builtin_ctzll(m) / 8;
#else
	return 0;
#endif
}

enum bad_kind { CONTROL, CONTROL_UTF8, NOT_UTF8, UNDEFINED_1252 };

/* Offset of the first byte of kind in s, or n: a control character but
 * tab, CR and LF (and, in UTF-8, U+0080..U+009F), a byte that is not
 * UTF-8, or one Windows-1252 leaves undefined. */
static size_t bad_at(const unsigned char *s, size_t n, enum bad_kind kind)
{
	for (size_t i = 0, k; i < n; i += k) {
		unsigned char c = s[i];
		k = 1;
		if (c >= 0x20 && c < 0x7f)
			continue;
		bool control = (c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7f;
		if ((kind == NOT_UTF8 && c >= 0x80 && !(k = utf8_len(s + i, n - i))) ||
		    (kind == CONTROL && control) ||
		    (kind == CONTROL_UTF8 &&
		     (control || (c == 0xc2 && i + 1 < n && s[i + 1] <= 0x9f))) ||
		    (kind == UNDEFINED_1252 &&
		     (c == 0x81 || c == 0x8d || c == 0x8f || c == 0x90 || c == 0x9d)))
			return i;
	}
	return n;
}

/* One message for each line holding a byte of kind (s starts on line 1);
 * false when there is none. */
static bool bad_lines(diag *d, const char *path, const unsigned char *s, size_t n,
                      enum bad_kind kind)
{
	static const char *const says[] = {
	        [CONTROL] = "byte %zu: expected text, got the control character 0x%02x",
	        [CONTROL_UTF8] = "byte %zu: expected text, got the control character U+%04X",
	        [NOT_UTF8] =
	                "byte %zu: expected UTF-8 text after the byte-order mark, got byte 0x%02x",
	        [UNDEFINED_1252] =
	                "byte %zu: expected UTF-8 or Windows-1252 text, got byte 0x%02x, which Windows-1252 leaves undefined (save the file as 'CSV UTF-8')"};
	if (bad_at(s, n, kind) == n)
		return false;
	for (size_t pos = 0, len, b, line = 1; pos < n; pos += len + 1, line++) {
		const unsigned char *nl = memchr(s + pos, '\n', n - pos);
		len = nl ? (size_t)(nl - (s + pos)) : n - pos;
		if ((b = bad_at(s + pos, len, kind)) == len)
			continue;
		bool c1 = kind == CONTROL_UTF8 && s[pos + b] == 0xc2;
		int says_kind = c1 ? CONTROL_UTF8 : kind == CONTROL_UTF8 ? CONTROL : kind;
		diag_add(d, path, (int)line, NULL, says[says_kind], b + 1,
		         (unsigned)s[pos + b + c1]);
	}
	return true;
}

bool datafile_text_start(diag *d, const char *path, const char *buf, size_t len, long max,
                         datafile_text *out)
{
	*out = (datafile_text){0};
	const unsigned char *u = (const unsigned char *)buf;
	size_t head = len < 200 ? len : 200, zeros = 0;
	for (size_t k = 0; k < head; k++)
		zeros += buf[k] == '\0';
	bool bom = len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0;
	const char *whole = NULL;
	if (len > (size_t)max) {
		diag_add(d, path, 0, NULL, "expected a file of at most %ld bytes, got %zu bytes",
		         max, len);
		return false;
	}
	if ((len >= 2 && ((u[0] == 0xff && u[1] == 0xfe) || (u[0] == 0xfe && u[1] == 0xff))) ||
	    zeros * 4 > head)
		whole = "expected UTF-8 or Windows-1252 text, got UTF-16 or binary data (in Excel, save as 'CSV UTF-8')";
	else if (!memchr(buf, '\n', len) && memchr(buf, '\r', len))
		whole = "expected lines ending in LF or CRLF, got CR only (old Mac line ends: save the file with Windows or Unix line ends)";
	else if (datafile_blank(buf + 3 * bom, len - 3 * bom))
		whole = "expected a header row and rows of data, got an empty file";
	if (whole) {
		diag_add(d, path, 0, NULL, "%s", whole);
		return false;
	}
	out->text = buf + 3 * bom, out->n = len - 3 * bom;
	return true;
}

/* What the bytes of s hold: a control character but tab, CR and LF (c0),
 * U+0080..U+009F in UTF-8 (c1), a byte that is not UTF-8 (utf8 false).
 * With stop, it returns at the first of these. */
static void scan(const unsigned char *u, size_t len, bool stop, bool *c0, bool *c1, bool *utf8)
{
	/* in locals, not through the pointers, which may alias u */
	bool control = false, c1_utf8 = false, valid = true;
	for (size_t i = 0, k; i < len; i += k) {
		if (i + 8 <= len && (k = printable(u + i)) > 0)
			continue;
		k = 1;
		if ((u[i] >= 0x20 && u[i] < 0x7f) || u[i] == '\n')
			continue;
		if (valid && u[i] >= 0xc3 && u[i] <= 0xdf && i + 1 < len &&
		    (u[i + 1] & 0xc0) == 0x80) { /* å, ä, ö and their like: U+00C0..U+07FF */
			k = 2;
			continue;
		}
		control |= u[i] == 0x7f ||
		           (u[i] < 0x20 && u[i] != '\t' && u[i] != '\r' && u[i] != '\n');
		if (u[i] >= 0x80 && valid && !(k = utf8_len(u + i, len - i)))
			valid = false, k = 1;
		c1_utf8 |= k == 2 && u[i] == 0xc2 && u[i + 1] < 0xa0;
		if (stop && (control || c1_utf8 || !valid))
			break;
	}
	*c0 = control, *c1 = c1_utf8, *utf8 = valid;
}

bool datafile_plain(const char *s, size_t n)
{
	bool c0, c1, utf8;
	scan((const unsigned char *)s, n, true, &c0, &c1, &utf8);
	return !c0 && !c1 && utf8;
}

bool datafile_text_of(diag *d, const char *path, const char *buf, size_t len, long max,
                      datafile_text *out, bool *oom)
{
	if (!datafile_text_start(d, path, buf, len, max, out))
		return false;
	bool bom = out->text != buf, c0, c1, utf8;
	const unsigned char *u = (const unsigned char *)out->text;
	len = out->n;
	/* one pass over the bytes for the common case; bad_lines for the rare */
	scan(u, len, false, &c0, &c1, &utf8);
	if ((c0 || (c1 && utf8)) && bad_lines(d, path, u, len, utf8 ? CONTROL_UTF8 : CONTROL))
		return false;
	if (utf8)
		return true;
	if (bad_lines(d, path, u, len, bom ? NOT_UTF8 : UNDEFINED_1252))
		return false;
	size_t cap = len + 1; /* a byte becomes at most 3 (0x80..0x9f: U+2xxx), 2 above */
	for (size_t i = 0; i < len; i++)
		cap += u[i] >= 0x80 ? 2 : 0;
	char *conv = malloc(cap), *in = (char *)u, *o = conv;
	size_t in_left = len, out_left = cap;
	if (!conv)
		return *oom = true, false;
	iconv_t cd = iconv_open("UTF-8", "WINDOWS-1252");
	size_t rc = cd == (iconv_t)-1 ? (size_t)-1 : iconv(cd, &in, &in_left, &o, &out_left);
	int err = errno;
	if (cd != (iconv_t)-1)
		iconv_close(cd);
	if (rc == (size_t)-1) {
		diag_add(
		        d, path, 0, NULL,
		        "expected UTF-8 text, got text that iconv cannot convert from Windows-1252: %s",
		        strerror(err));
		free(conv);
		return false;
	}
	out->owned = conv;
	out->text = conv, out->n = cap - out_left;
	return out->converted = true;
}
