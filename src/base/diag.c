/* diag.c -- collected bad-input messages, printed sorted (SPEC §8). */
#include "samkalk/base/diag.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void diag_init(diag *d)
{
	memset(d, 0, sizeof *d);
}

void diag_free(diag *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->n; i++)
		free(d->msgs[i].text);
	for (size_t i = 0; i < d->n_files; i++)
		free(d->files[i]);
	free(d->msgs);
	free(d->files);
	free(d->per_file);
	free(d->dropped);
	diag_init(d);
}

/* Index of file in d->files, adding it; SIZE_MAX on allocation failure. */
static size_t file_seq(diag *d, const char *file)
{
	for (size_t i = 0; i < d->n_files; i++)
		if (strcmp(d->files[i], file) == 0)
			return i;
	size_t n = d->n_files + 1;
	char **files = realloc(d->files, n * sizeof *files);
	if (!files)
		return SIZE_MAX;
	d->files = files;
	size_t *per = realloc(d->per_file, n * sizeof *per);
	if (!per)
		return SIZE_MAX;
	d->per_file = per;
	size_t *dropped = realloc(d->dropped, n * sizeof *dropped);
	if (!dropped)
		return SIZE_MAX;
	d->dropped = dropped;
	d->files[d->n_files] = strdup(file);
	if (!d->files[d->n_files])
		return SIZE_MAX;
	d->per_file[d->n_files] = 0;
	d->dropped[d->n_files] = 0;
	return d->n_files++;
}

/* Adds "file[:line[:column]]: [key: ]body". */
__attribute__((format(printf, 6, 0))) static void
add(diag *d, const char *file, int line, int column, const char *key, const char *fmt, va_list ap)
{
	if (!file)
		file = "samkalk";
	size_t fs = file_seq(d, file);
	if (fs == SIZE_MAX) {
		d->oom = true;
		return;
	}
	if (d->per_file[fs] >= DIAG_MAX_PER_FILE) {
		d->dropped[fs]++;
		return;
	}
	char head[64];
	if (line > 0 && column > 0)
		snprintf(head, sizeof head, ":%d:%d", line, column);
	else if (line > 0)
		snprintf(head, sizeof head, ":%d", line);
	else
		head[0] = '\0';
	char body[1024];
	vsnprintf(body, sizeof body, fmt, ap);
	size_t len = strlen(file) + strlen(head) + (key ? strlen(key) + 2 : 0) + strlen(body) + 3;
	char *text = malloc(len);
	if (!text) {
		d->oom = true;
		return;
	}
	snprintf(text, len, "%s%s: %s%s%s", file, head, key ? key : "", key ? ": " : "", body);
	if (d->n == d->cap) {
		size_t cap = d->cap ? 2 * d->cap : 16;
		diag_msg *msgs = realloc(d->msgs, cap * sizeof *msgs);
		if (!msgs) {
			free(text);
			d->oom = true;
			return;
		}
		d->msgs = msgs;
		d->cap = cap;
	}
	d->msgs[d->n] = (diag_msg){text, fs, line, d->n};
	d->n++;
	d->per_file[fs]++;
}

void diag_add(diag *d, const char *file, int line, const char *key, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(d, file, line, 0, key, fmt, ap);
	va_end(ap);
}

void diag_add_at(diag *d, const char *file, int line, int column, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(d, file, line, column, NULL, fmt, ap);
	va_end(ap);
}

bool diag_file(diag *d, const char *file)
{
	if (file_seq(d, file) != SIZE_MAX)
		return true;
	d->oom = true;
	return false;
}

size_t diag_count(const diag *d)
{
	size_t n = d->n + (d->oom ? 1 : 0);
	for (size_t i = 0; i < d->n_files; i++)
		n += d->dropped[i];
	return n;
}

static int by_file_line(const void *a, const void *b)
{
	const diag_msg *x = a, *y = b;
	if (x->file_seq != y->file_seq)
		return x->file_seq < y->file_seq ? -1 : 1;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void diag_print(diag *d, FILE *out)
{
	if (d->n) /* qsort's array may not be NULL, even when empty */
		qsort(d->msgs, d->n, sizeof *d->msgs, by_file_line);
	size_t shown_file = SIZE_MAX;
	for (size_t i = 0; i <= d->n; i++) {
		size_t fs = i < d->n ? d->msgs[i].file_seq : SIZE_MAX;
		if (shown_file != SIZE_MAX && fs != shown_file && d->dropped[shown_file])
			fprintf(out, "%s: %zu more mistakes not shown\n", d->files[shown_file],
			        d->dropped[shown_file]);
		if (i == d->n)
			break;
		shown_file = fs;
		fprintf(out, "%s\n", d->msgs[i].text);
	}
	if (d->oom)
		fprintf(out, "samkalk: out of memory while collecting messages\n");
}
