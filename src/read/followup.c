/* followup.c -- a follow-up data file (issue #15; read/followup.h): its
 * bytes checked whole, its header telling the shape, every row checked
 * against the scenario and counted.
 *
 * The bytes first: size, UTF-16, line ends, control characters, then UTF-8
 * or else Windows-1252, converted by iconv (Excel's "CSV" on a Swedish
 * Windows). A file failing these is not text whose rows mean anything, so
 * its rows are not read. Then libcsv, fed one physical line at a time so
 * that every record knows the line it starts on (libcsv counts none).
 *
 * A panel's rows become (person, t, state) triples sorted by person then t
 * (two stable counting passes, skipped when the file already is): linear
 * in the rows and as large as they are, where T + 1 slots per person would
 * grow with the horizon even for persons seen once. Persons' ids and the
 * categories are interned in open-addressing tables over one arena of
 * bytes each: no allocation per row.
 *
 * A large file (datafile_split: 1 MiB) is read on three threads: its
 * SHA-256 on one, and a panel's rows cut in two at a line end near the
 * middle, each half's bytes checked line by line and its rows read by its
 * own libcsv parser, then merged in file order (parse_split). Any message,
 * or bytes that are not plain UTF-8, send the file back to one reader, so
 * that data and messages are one reader's, in its order.
 *
 * Lost to follow-up: a person whose last t observed is below the last t
 * observed in their intake (a gap loses only the moves across it), the
 * intervention group and the comparison group each against its own. */
#include "samkalk/read/followup.h"

#include <csv.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "samkalk/base/datafile.h"
#include "samkalk/base/limits.h"
#include "samkalk/base/sha256.h"
#include "samkalk/base/values.h"

#define SHOWN      40 /* bytes of a bad value quoted in a message */
#define MAX_COUNT  1000000000L
#define SUPPRESSED "<5" /* a register's suppressed cell: 1 to 4, counted as 2.5 */
#define CSV_OPTS   (CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL)
#define COUNT(a)   (sizeof(a) / sizeof *(a))
#define BIT(c)     (1u << (c))

enum col { C_ID, C_INTAKE, C_T, C_STATE, C_SEX, C_FROM, C_TO, C_COUNT, C_PHASE, C_GROUP, N_COLS };

typedef struct word {
	const char *text; /* lower case */
	int value;
} word;

static const word sex_words[] = {{"kvinna", FU_WOMEN}, {"kvinnor", FU_WOMEN}, {"k", FU_WOMEN},
                                 {"man", FU_MEN},      {"män", FU_MEN},       {"m", FU_MEN},
                                 {"women", FU_WOMEN},  {"woman", FU_WOMEN},   {"w", FU_WOMEN},
                                 {"men", FU_MEN}};
/* the group's value is its index of the first two, its name in messages */
static const word group_words[] = {
        {"insats", 0}, {"jämförelse", 1}, {"intervention", 0}, {"comparison", 1}};
static const word phase_words[] = {{"insats", TR_INTERVENTION}, {"efter", TR_AFTER},
                                   {"jämförelse", TR_BASELINE}, {"intervention", TR_INTERVENTION},
                                   {"after", TR_AFTER},         {"comparison", TR_BASELINE}};

/* A column's names (Swedish, English), and its words if it holds words. */
static const struct column {
	const char *sv, *en;
	const word *words;
	size_t n_words;
} columns[N_COLS] = {
        [C_ID] = {"id", "id", NULL, 0},
        [C_INTAKE] = {"intag", "intake", NULL, 0},
        [C_T] = {"t", "t", NULL, 0},
        [C_STATE] = {"tillstånd", "state", NULL, 0},
        [C_SEX] = {"kön", "sex", sex_words, COUNT(sex_words)},
        [C_FROM] = {"från", "from", NULL, 0},
        [C_TO] = {"till", "to", NULL, 0},
        [C_COUNT] = {"antal", "count", NULL, 0},
        [C_PHASE] = {"fas", "phase", phase_words, COUNT(phase_words)},
        [C_GROUP] = {"grupp", "arm", group_words, COUNT(group_words)},
};

/* One checked data row, whatever the shape; defaults where a column is absent. */
typedef struct row {
	int line;
	const char *id;
	size_t id_len;
	int intake, t, sex, group, set; /* intake: index 0..K-1 */
	size_t state, from, to;
	double count;
	bool suppressed;
} row;

/* Names interned: entry i is bytes + v[i].off, NUL-terminated. */
typedef struct names {
	char *bytes;
	size_t used, cap;
	struct name {
		size_t off;
		uint32_t len, hash;
	} * v;
	size_t n, cap_v;
	uint32_t *slot; /* entry + 1; 0 empty */
	size_t mask;
} names;

typedef struct person {
	int line; /* of its first row */
	int intake, sex, comparison;
	int last; /* the last t observed */
} person;

typedef struct obs {
	uint32_t person;
	int32_t line;
	uint16_t t, state;
} obs;

typedef struct reader reader;
typedef void row_fn(reader *r, const row *w);
static row_fn panel_row, moves_row, states_row;

/* A shape: the columns it needs, those it may have, and what counts a row.
 * A new shape is a row here, its function, and its name in followup.h. */
static const struct shape {
	unsigned need, may;
	const char *name, *columns;
	row_fn *count;
} shapes[N_FU_SHAPES] = {
        [FU_PANEL] = {BIT(C_ID) | BIT(C_T) | BIT(C_STATE),
                      BIT(C_INTAKE) | BIT(C_SEX) | BIT(C_GROUP), "a panel",
                      "id;t;tillstånd[;intag][;kön][;grupp]", panel_row},
        [FU_MOVES] = {BIT(C_FROM) | BIT(C_TO) | BIT(C_COUNT), BIT(C_SEX) | BIT(C_PHASE), "moves",
                      "från;till;antal[;kön][;fas]", moves_row},
        [FU_STATES] = {BIT(C_T) | BIT(C_STATE) | BIT(C_COUNT), BIT(C_INTAKE) | BIT(C_SEX), "states",
                       "t;tillstånd;antal[;intag][;kön]", states_row},
};

struct reader {
	const char *path;
	const followup_context *ctx;
	followup_data *f;
	diag *d;
	bool oom, stop;
	/* the record libcsv is reading: its fields, trimmed, NUL-terminated */
	int line;     /* the physical line being fed */
	int rec_line; /* where the record started; 0 between records */
	char *text;
	size_t used, cap;
	struct field {
		size_t off, len;
	} * fld;
	size_t n_fields, cap_fields;
	size_t long_field, long_len; /* the first field over SK_MAX_DATA_FIELD (1-based) */
	/* the header */
	bool have_header, have_separator;
	size_t n_cols;
	int kind[N_COLS];   /* of each column */
	int column[N_COLS]; /* of each kind, 1-based; 0 when absent */
	/* the last word or category read in a column: files repeat them (a
	 * person's rows, a state kept from year to year) */
	struct memo {
		char text[64];
		size_t len;
		int value;
	} memo[N_COLS];
	names categories, ids;
	size_t last_id; /* the person of the last panel row, or SIZE_MAX */
	uint16_t *cat_state;
	person *persons; /* one per entry of ids */
	size_t cap_persons;
	obs *obs;
	size_t n_obs, cap_obs, cap_suppressed;
	/* parse_split: each line's bytes checked just before libcsv reads it
	 * (datafile_plain), and whether one was not plain text; the second
	 * half's text */
	bool check_lines, not_plain;
	const char *split;
	size_t split_len;
};

/* p grown to room for need elements of size bytes, doubling: the new
 * block, or NULL when out of memory (p freed, *cap 0, r->oom: what was
 * read is dropped). GROW(r, p, cap, need) keeps p and says whether it can. */
static void *grow(reader *r, void *p, size_t *cap, size_t need, size_t size)
{
	size_t c = *cap ? *cap : 64;
	while (c < need)
		c *= 2;
	void *np = realloc(p, c * size);
	if (!np)
		free(p), r->oom = r->stop = true;
	*cap = np ? c : 0;
	return np;
}
#define GROW(r, p, cap, need) ((need) <= (cap) || ((p) = grow(r, p, &(cap), need, sizeof *(p))))

/* FxHash's step, a multiply per 8 bytes: FNV-1a's multiply per byte took
 * as long as libcsv's reading of the field. */
static uint32_t hash(const char *s, size_t n)
{
	uint64_t h = n, w;
	for (; n >= 8; s += 8, n -= 8) {
		memcpy(&w, s, 8);
		h = ((h << 5 | h >> 59) ^ w) * 0x517cc1b727220a95u;
	}
	w = 0;
	for (size_t k = 0; k < n; k++)
		w |= (uint64_t)(unsigned char)s[k] << (8 * k);
	return (uint32_t)((((h << 5 | h >> 59) ^ w) * 0x517cc1b727220a95u) >> 32);
}

/* Room in t's slots for more entries beyond its n, at most half full:
 * its entries put again into a table doubled as often as needed. False
 * when out of memory (r->oom). */
static bool room_for(reader *r, names *t, size_t more)
{
	size_t size = t->mask ? t->mask + 1 : 64;
	if (t->slot && 2 * (t->n + more) <= size)
		return true;
	while (2 * (t->n + more) > size)
		size *= 2;
	uint32_t *slot = calloc(size, sizeof *slot);
	if (!slot)
		return r->oom = r->stop = true, false;
	for (size_t k = 0; k < t->n; k++) {
		size_t i = t->v[k].hash & (size - 1);
		while (slot[i])
			i = (i + 1) & (size - 1);
		slot[i] = (uint32_t)k + 1;
	}
	free(t->slot);
	t->slot = slot;
	t->mask = size - 1;
	return true;
}

/* Index of s (n bytes, hash h) in t, added when add and new; SIZE_MAX when
 * absent or out of memory (r->oom). */
static size_t intern_hashed(reader *r, names *t, const char *s, size_t n, uint32_t h, bool add)
{
	if (add && !room_for(r, t, 1))
		return SIZE_MAX;
	size_t i = h & t->mask;
	for (; t->slot && t->slot[i]; i = (i + 1) & t->mask) {
		const struct name *e = &t->v[t->slot[i] - 1];
		if (e->hash == h && e->len == n && memcmp(t->bytes + e->off, s, n) == 0)
			return t->slot[i] - 1;
	}
	if (!add || !GROW(r, t->v, t->cap_v, t->n + 1) ||
	    !GROW(r, t->bytes, t->cap, t->used + n + 1))
		return SIZE_MAX;
	memcpy(t->bytes + t->used, s, n);
	t->bytes[t->used + n] = '\0';
	t->v[t->n] = (struct name){t->used, (uint32_t)n, h};
	t->used += n + 1;
	t->slot[i] = (uint32_t)++t->n;
	return t->n - 1;
}

static size_t intern(reader *r, names *t, const char *s, size_t n, bool add)
{
	return intern_hashed(r, t, s, n, hash(s, n), add);
}

static void names_free(names *t)
{
	free(t->bytes);
	free(t->v);
	free(t->slot);
}

static const char *name(const names *t, size_t i)
{
	return t->bytes + t->v[i].off;
}

/* s in lower case into out: ASCII, and Latin-1's capitals in UTF-8 (C3 80
 * to C3 9E but ×: Å, Ä, Ö, É). False when s is longer than any word. */
static bool fold(const char *s, char out[32])
{
	size_t i = 0;
	for (; s[i]; i++) {
		unsigned char c = (unsigned char)s[i];
		if (i == 31)
			return false;
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		else if (i > 0 && (unsigned char)s[i - 1] == 0xc3 && c >= 0x80 && c <= 0x9e &&
		         c != 0x97)
			c += 0x20;
		out[i] = (char)c;
	}
	out[i] = '\0';
	return true;
}

static int find_word(const word *w, size_t n, const char *s)
{
	char low[32];
	for (size_t i = 0; i < n && fold(s, low); i++)
		if (strcmp(low, w[i].text) == 0)
			return w[i].value;
	return -1;
}

/* An unknown name and the nearest known one, in value_unknown's words but
 * at a cell (value_unknown has no column); list: up to 12 of them. */
static void unknown(reader *r, int line, int col, const char *kind, const char *s,
                    const char *const *known, size_t n, const char *list)
{
	char buf[400] = "";
	for (size_t i = 0, u = 0; !list && i < n && i < 12 && u < sizeof buf; i++)
		u += (size_t)snprintf(buf + u, sizeof buf - u, "%s'%s'%s", i ? ", " : "", known[i],
		                      i == 11 && n > 12 ? ", ..." : "");
	const char *near = value_nearest(s, known, n);
	if (near)
		diag_add_at(r->d, r->path, line, col,
		            "unknown %s '%.*s', did you mean '%s'? (expected one of %s)", kind,
		            SHOWN, s, near, list ? list : buf);
	else
		diag_add_at(r->d, r->path, line, col, "unknown %s '%.*s', expected one of %s", kind,
		            SHOWN, s, list ? list : buf);
}

/* One message for a bad field: what was expected, what was found. */
static bool bad(reader *r, int line, int col, const char *expected, const char *s, const char *why)
{
	if (!*s)
		diag_add_at(r->d, r->path, line, col, "expected %s, got nothing", expected);
	else if (strcmp(s, SUPPRESSED) == 0)
		diag_add_at(r->d, r->path, line, col,
		            "expected %s, got '<5' (a suppressed count: only antal may hold one)",
		            expected);
	else
		diag_add_at(r->d, r->path, line, col, "expected %s, got '%.*s'%s", expected, SHOWN,
		            s, why);
	return false;
}

/* A whole number in [min, max] from the field s (n bytes): digits, after a
 * '-' when negative, at most ten. Else false after a message naming what
 * (a format of min and max). */
static bool number(reader *r, int line, int col, const char *s, size_t n, long min, long max,
                   const char *what, long *out)
{
	bool neg = n && *s == '-', ok = n - neg > 0 && n - neg <= 10;
	long v = 0;
	for (size_t i = neg; ok && i < n; i++)
		ok = s[i] >= '0' && s[i] <= '9', v = 10 * v + (s[i] - '0');
	*out = neg ? -v : v;
	if (ok && *out >= min && *out <= max)
		return true;
	char expected[160];
	snprintf(expected, sizeof expected, what, min, max);
	bool numeric = strspn(s, "0123456789-.,") == n;
	return bad(r, line, col, expected, s,
	           numeric && strchr(s, ',')   ? " (a fraction with a decimal comma)"
	           : numeric && strchr(s, '.') ? " (a fraction)"
	                                       : "");
}

/* Whether the field s (n bytes) is the memo's text, so that its value holds. */
static bool same(const struct memo *m, const char *s, size_t n)
{
	return n && n == m->len && memcmp(s, m->text, n) == 0;
}

/* The memo of a column: s (n bytes), read as value; none when too long. */
static void remember(struct memo *m, const char *s, size_t n, int value)
{
	m->len = n < sizeof m->text ? n : 0;
	memcpy(m->text, s, m->len);
	m->value = value;
}

/* The row's fields in column order; false after the first bad one's message. */
static bool read_fields(reader *r, int line, row *w)
{
	const followup_context *c = r->ctx;
	*w = (row){.line = line, .sex = FU_UNKNOWN, .set = TR_INTERVENTION};
	char what[160];
	for (size_t i = 0; i < r->n_cols; i++) {
		const char *s = r->text + r->fld[i].off;
		size_t n = r->fld[i].len, x;
		int col = (int)i + 1, k = r->kind[i];
		long v = 0;
		switch (k) {
		case C_ID:
			if (!n)
				return bad(r, line, col, "a person id", s, "");
			w->id = s, w->id_len = n;
			break;
		case C_INTAKE:
			if (!number(r, line, col, s, n, c->start_year,
			            c->start_year + c->intakes - 1L,
			            "intag, an intake year from %ld to %ld", &v))
				return false;
			w->intake = (int)(v - c->start_year);
			break;
		case C_T:
			if (!number(r, line, col, s, n, 0, c->years,
			            "t, whole years since entry from %ld to %ld", &v))
				return false;
			w->t = (int)v;
			break;
		case C_STATE:
		case C_FROM:
		case C_TO:
			if (!same(&r->memo[k], s, n)) {
				if ((x = intern(r, &r->categories, s, n, false)) == SIZE_MAX) {
					if (!n || strcmp(s, SUPPRESSED) == 0)
						return bad(r, line, col, "a category", s, "");
					unknown(r, line, col, "category", s, c->categories,
					        c->n_categories, NULL);
					return false;
				}
				remember(&r->memo[k], s, n, r->cat_state[x]);
			}
			*(k == C_STATE  ? &w->state
			  : k == C_FROM ? &w->from
			                : &w->to) = (size_t)r->memo[k].value;
			break;
		case C_COUNT:
			if ((w->suppressed = strcmp(s, SUPPRESSED) == 0))
				w->count = 2.5;
			else if (number(r, line, col, s, n, 0, MAX_COUNT,
			                "antal, a whole number from %ld to %ld or " SUPPRESSED, &v))
				w->count = (double)v;
			else
				return false;
			break;
		default: { /* a column of words */
			struct memo *m = &r->memo[k];
			const struct column *cw = &columns[k];
			int value;
			if (!same(m, s, n)) {
				if ((value = find_word(cw->words, cw->n_words, s)) < 0) {
					int u = snprintf(what, sizeof what, "%s, one of ", cw->sv);
					for (size_t j = 0; j < cw->n_words; j++)
						u += snprintf(what + u, sizeof what - (size_t)u,
						              "%s%s", j ? ", " : "",
						              cw->words[j].text);
					return bad(r, line, col, what, s, "");
				}
				remember(m, s, n, value);
			}
			*(k == C_SEX ? &w->sex : k == C_GROUP ? &w->group : &w->set) = m->value;
		}
		}
	}
	/* a later intake has fewer years in the horizon: its t ends sooner */
	if (r->column[C_T] && w->t > c->years - w->intake) {
		diag_add_at(
		        r->d, r->path, line, r->column[C_T],
		        "expected t, whole years since entry from 0 to %d for the intake of %d (the calculation ends in %d), got '%d'",
		        c->years - w->intake, c->start_year + w->intake,
		        c->start_year + c->years - 1, w->t);
		return false;
	}
	return true;
}

/* A person has one intake, sex and group: a row saying otherwise is refused. */
static bool same_person(reader *r, const person *p, const row *w, size_t id)
{
	static const char *const sex_names[] = {"kvinna", "man"};
	int kind = w->intake != p->intake      ? C_INTAKE
	           : w->sex != p->sex          ? C_SEX
	           : w->group != p->comparison ? C_GROUP
	                                       : -1;
	if (kind < 0)
		return true;
	char was[16];
	snprintf(was, sizeof was, "%d", r->ctx->start_year + p->intake);
	int col = r->column[kind];
	diag_add_at(r->d, r->path, w->line, col,
	            "expected %s %s for person '%.*s', as on line %d, got '%s'", columns[kind].sv,
	            kind == C_INTAKE ? was
	            : kind == C_SEX  ? sex_names[p->sex]
	                             : group_words[p->comparison].text,
	            SHOWN, name(&r->ids, id), p->line, r->text + r->fld[col - 1].off);
	return false;
}

static void panel_row(reader *r, const row *w)
{
	size_t n = r->ids.n, id = r->last_id; /* a person's rows often come together */
	if (id == SIZE_MAX || r->ids.v[id].len != w->id_len ||
	    memcmp(name(&r->ids, id), w->id, w->id_len) != 0)
		id = r->last_id = intern(r, &r->ids, w->id, w->id_len, true);
	if (id == SIZE_MAX || !GROW(r, r->persons, r->cap_persons, r->ids.n) ||
	    !GROW(r, r->obs, r->cap_obs, r->n_obs + 1))
		return;
	person *p = &r->persons[id];
	if (id == n)
		*p = (person){w->line, w->intake, w->sex, w->group, 0};
	else if (!same_person(r, p, w, id))
		return;
	r->obs[r->n_obs++] = (obs){(uint32_t)id, w->line, (uint16_t)w->t, (uint16_t)w->state};
}

static void suppressed(reader *r, followup_suppressed s)
{
	followup_data *f = r->f;
	if (GROW(r, f->suppressed, r->cap_suppressed, f->n_suppressed + 1))
		f->suppressed[f->n_suppressed++] = s;
}

static void moves_row(reader *r, const row *w)
{
	*followup_moves(r->f, w->set, w->sex, w->from, w->to) += w->count;
	r->f->n_moves += w->count;
	if (w->suppressed)
		suppressed(r,
		           (followup_suppressed){w->line, w->set, w->sex, -1, -1, w->from, w->to});
}

static void states_row(reader *r, const row *w)
{
	followup_data *f = r->f;
	*followup_occupancy(f, w->intake, w->t, w->sex, w->state) += w->count;
	if (w->t > f->last_t[w->intake])
		f->last_t[w->intake] = w->t;
	if (w->suppressed)
		suppressed(r, (followup_suppressed){w->line, -1, w->sex, w->intake, w->t, SIZE_MAX,
		                                    w->state});
}

static const char *field(const reader *r, size_t i)
{
	return r->text + r->fld[i].off;
}

/* "a panel id;t;tillstånd, moves ... or states ...": each shape's needs. */
static const char *shapes_text(char *buf, size_t size)
{
	for (size_t s = 0, u = 0; s < N_FU_SHAPES && u < size; s++)
		u += (size_t)snprintf(buf + u, size - u, "%s%s %.*s",
		                      !s                    ? ""
		                      : s + 1 < N_FU_SHAPES ? ", "
		                                            : " or ",
		                      shapes[s].name, (int)strcspn(shapes[s].columns, "["),
		                      shapes[s].columns);
	return buf;
}

/* The header: known names, each once, the columns of one shape. On any
 * mistake one message and no rows read (without columns they mean nothing). */
static void header(reader *r, int line)
{
	char got[200];
	r->have_header = r->stop = true;
	size_t n = r->n_fields;
	while (n > 1 && !r->fld[n - 1].len) /* Excel's empty columns at the right */
		n--;
	if (r->long_field) {
		diag_add_at(r->d, r->path, line, (int)r->long_field,
		            "expected a column name of at most %d bytes, got %zu bytes",
		            SK_MAX_DATA_FIELD, r->long_len);
		return;
	}
	if (!r->have_separator) {
		diag_add(
		        r->d, r->path, line, NULL,
		        "expected column names separated by ';' or ',' (%s), got one column '%.*s'",
		        shapes_text(got, sizeof got), SHOWN, field(r, 0));
		return;
	}
	unsigned present = 0;
	const char *known[2 * N_COLS];
	char list[400], low[32];
	for (size_t k = 0, u = 0; k < N_COLS; k++) {
		bool two = strcmp(columns[k].sv, columns[k].en) != 0;
		known[2 * k] = columns[k].sv, known[2 * k + 1] = columns[k].en;
		u += (size_t)snprintf(list + u, sizeof list - u, "%s%s%s%s", k ? ", " : "",
		                      columns[k].sv, two ? "/" : "", two ? columns[k].en : "");
	}
	for (size_t i = 0; i < n; i++) {
		const char *s = field(r, i);
		int col = (int)i + 1, k = 0;
		while (k < N_COLS && !(fold(s, low) && (strcmp(low, columns[k].sv) == 0 ||
		                                        strcmp(low, columns[k].en) == 0)))
			k++;
		if (!*s)
			diag_add_at(r->d, r->path, line, col,
			            "expected a column name, got nothing");
		else if (k == N_COLS)
			unknown(r, line, col, "column", s, known, COUNT(known), list);
		else if (present & BIT(k))
			diag_add_at(
			        r->d, r->path, line, col,
			        "expected each column once, got '%.*s' again (column %d is '%s')",
			        SHOWN, s, r->column[k], field(r, (size_t)r->column[k] - 1));
		if (!*s || k == N_COLS || present & BIT(k))
			return;
		present |= BIT(k);
		r->kind[i] = k;
		r->column[k] = col;
	}
	int s = 0;
	while (s < N_FU_SHAPES && (present & shapes[s].need) != shapes[s].need)
		s++;
	if (s == N_FU_SHAPES) {
		char want[200];
		got[0] = '\0';
		for (size_t i = 0, u = 0; i < n && u < sizeof got; i++)
			u += (size_t)snprintf(got + u, sizeof got - u, "%s%s",
			                      i ? (char[]){r->f->separator, 0} : "", field(r, i));
		diag_add(r->d, r->path, line, NULL, "expected the columns of %s, got %s",
		         shapes_text(want, sizeof want), got);
		return;
	}
	for (size_t i = 0; i < n; i++)
		if (!(BIT(r->kind[i]) & (shapes[s].need | shapes[s].may))) {
			diag_add_at(r->d, r->path, line, (int)i + 1,
			            "expected only the columns of %s (%s), got '%s'",
			            shapes[s].name, shapes[s].columns, field(r, i));
			return;
		}
	followup_data *f = r->f;
	f->shape = (followup_shape)s;
	f->has_sex = present & BIT(C_SEX);
	f->has_intake = present & BIT(C_INTAKE);
	f->has_group = present & BIT(C_GROUP);
	r->n_cols = n;
	r->stop = false;
}

static void data_row(reader *r, int line)
{
	size_t n = r->n_fields, i = 0, extra = r->n_cols;
	while (i < n && !r->fld[i].len)
		i++;
	if (i == n) /* Excel's ";;;" below the data */
		return;
	if (r->f->rows == SK_MAX_DATA_ROWS) {
		diag_add(r->d, r->path, line, NULL, "expected at most %d rows of data, got more",
		         SK_MAX_DATA_ROWS);
		r->stop = true;
		return;
	}
	r->f->rows++;
	while (extra < n && !r->fld[extra].len) /* empty fields past the header's: Excel's */
		extra++;
	row w;
	if (r->long_field)
		diag_add_at(r->d, r->path, line, (int)r->long_field,
		            "expected a field of at most %d bytes, got %zu bytes",
		            SK_MAX_DATA_FIELD, r->long_len);
	else if (n < r->n_cols)
		diag_add_at(r->d, r->path, line, (int)n + 1,
		            "expected %zu fields as in the header, got %zu", r->n_cols, n);
	else if (extra < n)
		diag_add_at(r->d, r->path, line, (int)extra + 1,
		            "expected %zu fields as in the header, got more: '%.*s'", r->n_cols,
		            SHOWN, field(r, extra));
	else if (read_fields(r, line, &w))
		shapes[r->f->shape].count(r, &w);
}

/* libcsv's end of a field: kept, trimmed (libcsv trims only unquoted ones). */
static void on_field(void *s, size_t n, void *data)
{
	reader *r = data;
	const char *t = s ? s : "";
	if (!r->rec_line)
		r->rec_line = r->line;
	while (n && (*t == ' ' || *t == '\t'))
		t++, n--;
	while (n && (t[n - 1] == ' ' || t[n - 1] == '\t'))
		n--;
	if (n > SK_MAX_DATA_FIELD && !r->long_field)
		r->long_field = r->n_fields + 1, r->long_len = n;
	n = n > SK_MAX_DATA_FIELD ? 0 : n;
	if (!GROW(r, r->text, r->cap, r->used + n + 1) ||
	    !GROW(r, r->fld, r->cap_fields, r->n_fields + 1))
		return;
	/* short: words of 8 (the last one overlapping), no call to memcpy */
	char *to = r->text + r->used;
	if (n >= 8) {
		for (size_t i = 0; i + 8 < n; i += 8)
			memcpy(to + i, t + i, 8);
		memcpy(to + n - 8, t + n - 8, 8);
	} else {
		for (size_t i = 0; i < n; i++)
			to[i] = t[i];
	}
	to[n] = '\0';
	r->fld[r->n_fields++] = (struct field){r->used, n};
	r->used += n + 1;
}

static void record_reset(reader *r)
{
	r->rec_line = 0;
	r->used = r->n_fields = r->long_field = 0;
}

/* libcsv's end of a record. */
static void on_record(int c, void *data)
{
	reader *r = data;
	(void)c;
	if (!r->stop && !r->have_header)
		header(r, r->rec_line);
	else if (!r->stop)
		data_row(r, r->rec_line);
	record_reset(r);
}

/* Feeds libcsv one physical line at a time: a record starts on the first
 * line with text after the last one ended. After a strict-mode error (a
 * stray quote) the parser starts again on the next line. */
static void parse_rows(reader *r, const char *s, size_t n)
{
	struct csv_parser p;
	bool ok = csv_init(&p, CSV_OPTS) == 0;
	if (ok)
		csv_set_delim(&p, (unsigned char)r->f->separator);
	for (size_t pos = 0, done, len; ok && pos < n && !r->stop; pos += len) {
		const char *line = s + pos, *nl = memchr(line, '\n', n - pos);
		len = nl ? (size_t)(nl - line) + 1 : n - pos;
		if (r->check_lines && (r->not_plain = !datafile_plain(line, len)))
			break;
		r->line++;
		if (!r->rec_line && !datafile_blank(line, len))
			r->rec_line = r->line;
		if ((done = csv_parse(&p, line, len, on_field, on_record, r)) == len)
			continue;
		if (csv_error(&p) != CSV_EPARSE)
			break;
		int at = r->rec_line ? r->rec_line : r->line, col = (int)r->n_fields + 1;
		if (line[done] == '"')
			diag_add_at(
			        r->d, r->path, at, col,
			        "expected a field with no quotes or quoted whole (\"...\"), got a '\"' inside it");
		else
			diag_add_at(
			        r->d, r->path, at, col,
			        "expected '%c' or the end of the line after a closing '\"', got more text",
			        r->f->separator);
		r->f->rows += r->have_header;
		r->stop |= !r->have_header;
		record_reset(r);
		csv_free(&p);
		if ((ok = csv_init(&p, CSV_OPTS) == 0))
			csv_set_delim(&p, (unsigned char)r->f->separator);
	}
	if (ok && !r->stop && csv_fini(&p, on_field, on_record, r) != 0) {
		diag_add_at(r->d, r->path, r->rec_line, (int)r->n_fields + 1,
		            "expected a closing '\"' of the field, got the end of the file");
		r->f->rows += r->have_header;
	}
	r->oom |= !ok || csv_error(&p) == CSV_ENOMEM;
	if (ok)
		csv_free(&p);
}

/* The panel's triples sorted by person then t, file order kept among
 * equals: two stable counting passes, by t then by person, unless they
 * already are (a register's extract mostly is). False when out of memory. */
static bool sort_obs(reader *r)
{
	obs *o = r->obs;
	size_t n = r->n_obs, np = r->ids.n, nt = (size_t)r->ctx->years + 1, sorted = 1;
	while (sorted < n &&
	       (o[sorted - 1].person < o[sorted].person ||
	        (o[sorted - 1].person == o[sorted].person && o[sorted - 1].t <= o[sorted].t)))
		sorted++;
	if (sorted >= n)
		return true;
	obs *tmp = malloc(n * sizeof *tmp);
	size_t na = (np > nt ? np : nt) + 1, *at = calloc(na, sizeof *at);
	if (!tmp || !at) {
		free(tmp);
		free(at);
		return false;
	}
	for (size_t i = 0; i < n; i++)
		at[o[i].t + 1]++;
	for (size_t k = 1; k <= nt; k++)
		at[k] += at[k - 1];
	for (size_t i = 0; i < n; i++)
		tmp[at[o[i].t]++] = o[i];
	memset(at, 0, na * sizeof *at);
	for (size_t i = 0; i < n; i++)
		at[tmp[i].person + 1]++;
	for (size_t k = 1; k <= np; k++)
		at[k] += at[k - 1];
	for (size_t i = 0; i < n; i++)
		o[at[tmp[i].person]++] = tmp[i];
	free(tmp);
	free(at);
	return true;
}

/* The moves, occupancy, last t and losses of a panel's sorted triples, and
 * a message for each row repeating a person's t. */
static void panel_count(reader *r)
{
	followup_data *f = r->f;
	size_t n = r->n_obs, np = r->ids.n;
	obs *o = r->obs;
	int *last_cmp = malloc((size_t)f->intakes * sizeof *last_cmp);
	if (!last_cmp || !sort_obs(r)) {
		free(last_cmp);
		r->oom = true;
		return;
	}
	for (int k = 0; k < f->intakes; k++)
		last_cmp[k] = -1;
	for (size_t i = 0, j; i < n; i = j) {
		person *p = &r->persons[o[i].person];
		int *last = p->comparison ? &last_cmp[p->intake] : &f->last_t[p->intake];
		for (j = i; j < n && o[j].person == o[i].person; j++) {
			int t = o[j].t;
			if (j > i && t == o[j - 1].t) {
				size_t first = j - 1;
				while (first > i && o[first - 1].t == t)
					first--;
				diag_add_at(
				        r->d, r->path, o[j].line, r->column[C_T],
				        "expected one row per person and t, got a second row for person '%.*s' at t = %d (the first on line %d)",
				        SHOWN, name(&r->ids, o[i].person), t, o[first].line);
				continue;
			}
			if (j > i && t == o[j - 1].t + 1) { /* a gap breaks the chain */
				int set = p->comparison                     ? TR_BASELINE
				          : t <= r->ctx->intervention_years ? TR_INTERVENTION
				                                            : TR_AFTER;
				*followup_moves(f, set, p->sex, o[j - 1].state, o[j].state) += 1;
				f->n_moves += 1;
			}
			if (!p->comparison)
				*followup_occupancy(f, p->intake, t, p->sex, o[j].state) += 1;
			*last = t > *last ? t : *last;
			p->last = t > p->last ? t : p->last;
		}
	}
	/* lost (issue #15, "decided"): the last t seen below the last t of the
	 * intake and group; a gap loses only the moves across it */
	for (size_t k = 0; k < np; k++) {
		const person *p = &r->persons[k];
		int last = p->comparison ? last_cmp[p->intake] : f->last_t[p->intake];
		*(p->comparison ? &f->persons_comparison : &f->persons) += 1;
		*(p->comparison ? &f->lost_comparison : &f->lost) += p->last < last;
	}
	free(last_cmp);
}

/* The header's separator: the first ';' or ',' outside quotes before the
 * header's line ends, or 0. */
static char separator(const char *s, size_t n)
{
	bool quoted = false, begun = false;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '"')
			quoted = !quoted;
		else if (!quoted && (s[i] == ';' || s[i] == ','))
			return s[i];
		else if (!quoted && s[i] == '\n' && begun)
			return 0;
		begun |= !datafile_blank(s + i, 1);
	}
	return 0;
}

/* What the reader knows of a text before its rows: converted or not, and
 * the header's separator. */
static void text_begin(reader *r, const datafile_text *t)
{
	char sep = separator(t->text, t->n);
	r->f->converted = t->converted;
	r->have_separator = sep != 0;
	r->f->separator = sep ? sep : ';';
}

typedef struct digest {
	const char *buf;
	size_t len;
	char hex[65];
} digest;

static void *digest_of(void *arg)
{
	digest *g = arg;
	sha256_hex(g->buf, g->len, g->hex);
	return NULL;
}

static followup_data *data_new(const char *path, const followup_context *c)
{
	followup_data *f = calloc(1, sizeof *f);
	if (!f)
		return NULL;
	size_t n = c->n_states, k = (size_t)c->intakes, t1 = (size_t)c->years + 1;
	f->path = strdup(path);
	f->moves = calloc(N_TR * N_FU_SEX * n * n + 1, sizeof *f->moves);
	f->occupancy = calloc(k * t1 * N_FU_SEX * n + 1, sizeof *f->occupancy);
	f->last_t = malloc((k + 1) * sizeof *f->last_t);
	if (!f->path || !f->moves || !f->occupancy || !f->last_t) {
		followup_free(f);
		return NULL;
	}
	for (size_t i = 0; i < k; i++)
		f->last_t[i] = -1;
	f->n_states = n;
	f->intakes = c->intakes;
	f->years = c->years;
	return f;
}

/* What a reader allocated for the rows it read (not the categories, which
 * the halves of parse_split share). */
static void rows_free(reader *r)
{
	free(r->text);
	free(r->fld);
	free(r->persons);
	free(r->obs);
	names_free(&r->ids);
}

static void *parse_half(void *arg)
{
	reader *h = arg;
	parse_rows(h, h->split, h->split_len);
	return NULL;
}

/* The second half's persons and triples after the first's, as one reader
 * reading on would have added them: each id interned in turn (new ones in
 * order of first row), a line number moved by the first half's lines.
 * False when out of memory, or when a person the first half knows has
 * another intake, sex or group in the second (a message of same_person). */
static bool merge(reader *a, const reader *b)
{
	size_t known = a->ids.n, *to = malloc((b->ids.n + 1) * sizeof *to);
	bool ok = to && GROW(a, a->obs, a->cap_obs, a->n_obs + b->n_obs) &&
	          room_for(a, &a->ids, b->ids.n); /* one rehash at most */
	for (size_t k = 0; ok && k < b->ids.n; k++) {
		person q = b->persons[k];
		to[k] = intern_hashed(a, &a->ids, name(&b->ids, k), b->ids.v[k].len,
		                      b->ids.v[k].hash, true);
		if (!(ok = to[k] != SIZE_MAX && GROW(a, a->persons, a->cap_persons, a->ids.n)))
			break;
		const person *p = &a->persons[to[k]];
		if (to[k] < known)
			ok = p->intake == q.intake && p->sex == q.sex &&
			     p->comparison == q.comparison;
		else
			a->persons[to[k]] = q, a->persons[to[k]].line += a->line;
	}
	for (size_t i = 0; ok && i < b->n_obs; i++) {
		obs o = b->obs[i];
		a->obs[a->n_obs++] = (obs){(uint32_t)to[o.person], o.line + a->line, o.t, o.state};
	}
	free(to);
	return ok;
}

/* The offset just after the first LF at or after from in s (n bytes), or n. */
static size_t line_end(const char *s, size_t n, size_t from)
{
	const char *nl = from < n ? memchr(s + from, '\n', n - from) : NULL;
	return nl ? (size_t)(nl + 1 - s) : n;
}

/* A large panel on two threads: the header first, then the rows after it
 * cut in two at the first line end after the middle, each half read by
 * its own libcsv parser and reader (the second counting its lines from 0),
 * which checks each line's bytes just before (datafile_plain: the line is
 * then read from the cache, not from memory again), then merged in file
 * order: what parse_rows gives over the whole text, as long as neither
 * half has a message. A half's messages could not be put in their order,
 * and a row of the second half can mean something else after an error in
 * the first (a stray quote), so on any message, as on another shape,
 * bytes that are not plain UTF-8, no line end to cut at or a lack of
 * memory, it returns false with r as it was: parse_rows then reads the
 * text alone and gives the messages. No quotes need counting to find the
 * cut: a line end inside a quoted field leaves the first half's parser in
 * that field, which csv_fini reports ("expected a closing '"'"), and so a
 * cut there, which only a field over several lines allows, is one reader's
 * too. */
static bool parse_split(reader *r, const char *s, size_t n)
{
	size_t from = 0, head, cut;
	while (from < n && datafile_blank(s + from, 1))
		from++;
	head = line_end(s, n, from);
	cut = line_end(s, n, head + (n - head) / 2);
	if (cut >= n)
		return false;
	diag quiet[2];
	diag_init(&quiet[0]);
	diag_init(&quiet[1]);
	reader h[2] = {*r, *r};
	followup_data f2 = {0};
	h[0].d = &quiet[0];
	h[0].check_lines = h[1].check_lines = true;
	h[0].f = data_new(r->path, r->ctx);
	bool ok = h[0].f != NULL;
	if (ok) {
		h[0].f->converted = r->f->converted;
		h[0].f->separator = r->f->separator;
		parse_rows(&h[0], s, head);
		ok = !h[0].not_plain && !h[0].oom && !diag_count(&quiet[0]) && h[0].have_header &&
		     !h[0].stop && h[0].f->shape == FU_PANEL;
	}
	if (ok) {
		/* the second reader: r as it is, the header as the first read it */
		h[1].d = &quiet[1];
		f2.shape = FU_PANEL, f2.separator = r->f->separator;
		h[1].f = &f2;
		h[1].have_header = true;
		h[1].n_cols = h[0].n_cols;
		memcpy(h[1].kind, h[0].kind, sizeof h[1].kind);
		memcpy(h[1].column, h[0].column, sizeof h[1].column);
		h[1].split = s + cut, h[1].split_len = n - cut;
		pthread_t other;
		bool two = pthread_create(&other, NULL, parse_half, &h[1]) == 0;
		parse_rows(&h[0], s + head, cut - head);
		if (two)
			pthread_join(other, NULL);
		else
			parse_half(&h[1]);
		ok = !h[0].not_plain && !h[1].not_plain && !h[0].oom && !h[1].oom &&
		     !diag_count(&quiet[0]) && !diag_count(&quiet[1]) &&
		     h[0].f->rows + f2.rows <= SK_MAX_DATA_ROWS && merge(&h[0], &h[1]);
		h[0].f->rows += f2.rows;
		rows_free(&h[1]);
	}
	diag_free(&quiet[0]);
	diag_free(&quiet[1]);
	if (!ok) {
		followup_free(h[0].f);
		rows_free(&h[0]);
		return false;
	}
	followup_free(r->f);
	h[0].d = r->d;
	*r = h[0];
	return true;
}

sk_status followup_parse(const char *path, const char *buf, size_t len, const followup_context *ctx,
                         followup_data **out, diag *d)
{
	*out = NULL;
	size_t before = diag_count(d);
	reader r = {
	        .path = path, .ctx = ctx, .d = d, .f = data_new(path, ctx), .last_id = SIZE_MAX};
	r.cat_state = malloc((ctx->n_categories + 1) * sizeof *r.cat_state);
	for (size_t k = 0; r.f && r.cat_state && !r.oom && k < ctx->n_categories; k++) {
		const char *s = ctx->categories[k];
		size_t n = r.categories.n, x = intern(&r, &r.categories, s, strlen(s), true);
		if (x == n) /* a category named twice keeps its first state */
			r.cat_state[x] = (uint16_t)ctx->category_state[k];
	}
	if (!r.f || !r.cat_state || r.oom) {
		followup_free(r.f);
		free(r.cat_state);
		names_free(&r.categories);
		return SK_ENOMEM;
	}
	/* the digest beside the reading of a large file */
	digest g = {buf, len, ""};
	pthread_t thread;
	bool beside = datafile_split(len) && pthread_create(&thread, NULL, digest_of, &g) == 0;
	if (!beside)
		digest_of(&g);
	/* a large panel's halves on two threads; else one reader, the bytes
	 * checked whole (their messages) or converted */
	datafile_text t = {0};
	bool text = datafile_text_start(d, path, buf, len, SK_MAX_DATA_BYTES, &t), split = false;
	if (text) {
		text_begin(&r, &t);
		split = datafile_split(t.n) && parse_split(&r, t.text, t.n);
	}
	if (text && !split &&
	    (text = datafile_text_of(d, path, buf, len, SK_MAX_DATA_BYTES, &t, &r.oom))) {
		text_begin(&r, &t);
		parse_rows(&r, t.text, t.n);
	}
	if (text) {
		if (r.have_header && !r.stop && r.f->rows == 0)
			diag_add(d, path, 0, NULL,
			         "expected rows of data below the header, got none");
		if (r.f->shape == FU_PANEL && r.n_cols && !r.oom)
			panel_count(&r);
	}
	if (beside)
		pthread_join(thread, NULL);
	memcpy(r.f->sha256, g.hex, sizeof g.hex);
	free(t.owned);
	free(r.cat_state);
	names_free(&r.categories);
	rows_free(&r);
	if (r.oom || diag_count(d) != before) {
		followup_free(r.f);
		return r.oom ? SK_ENOMEM : SK_EINPUT;
	}
	*out = r.f;
	return SK_OK;
}

sk_status followup_read(const char *path, const followup_context *ctx, followup_data **out, diag *d)
{
	*out = NULL;
	char *buf;
	size_t len;
	sk_status st = datafile_read(path, SK_MAX_DATA_BYTES, ctx->ref_file, ctx->ref_line,
	                             ctx->ref_key, &buf, &len, d);
	if (st == SK_OK)
		st = followup_parse(path, buf, len, ctx, out, d);
	free(buf);
	return st;
}

void followup_free(followup_data *f)
{
	if (!f)
		return;
	free(f->path);
	free(f->moves);
	free(f->occupancy);
	free(f->last_t);
	free(f->suppressed);
	free(f);
}
