/* assumptions.c -- the workbook's sheet of every input with its source
 * and file:line (issue #4, SPEC §8): the basics, labelled from the table
 * of inputs (read/inputs.def; with the discount rate cell, or one cell per
 * [discounting] band, that every discount factor refers to), cohort,
 * intervention costs, actors, transitions as written, the index, unit
 * costs as formulas over the profile's items, the matrices as used and
 * the input files with their SHA-256. Keys and sections are named as the
 * table of inputs names them. */
#include "samkalk/report/xlsx/book.h"

#include "samkalk/read/inputs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void param_head(book *b, lxw_worksheet *ws, lxw_row_t r)
{
	book_str(b, ws, r, 0, words(b->l, W_INPUT_DATA), b->fmt.head_left);
	book_str(b, ws, r, 1, words(b->l, W_VALUE), b->fmt.head_left);
	book_str(b, ws, r, 2, words(b->l, W_UNIT), b->fmt.head_left);
	book_str(b, ws, r, 3, words(b->l, W_FILE_LINE), b->fmt.head_left);
	book_str(b, ws, r, 4, words(b->l, W_SOURCE), b->fmt.head_left);
}

/* A row's label or unit in the workbook's language. */
static const char *in_lang(const book *b, const char *sv, const char *en)
{
	return b->l == LANG_SV ? sv : en;
}

/* The discount rate: one cell, or one per [discounting] band; every
 * discount factor refers to them. */
static lxw_row_t rate_rows(book *b, lxw_worksheet *ws, lxw_row_t r, const input_key *k)
{
	const scenario *s = b->s;
	const char *label = in_lang(b, k->label_sv, k->label_en);
	const char *unit = in_lang(b, k->unit_sv, k->unit_en);
	if (!s->has_bands) {
		b->rate_row = r;
		book_str(b, ws, r, 0, label, b->fmt.bold);
		book_num(b, ws, r, RATE_COL, s->discount_rate, b->fmt.link);
		book_str(b, ws, r, 2, unit, b->fmt.text);
		book_provenance(b, ws, r, k->section, k->key);
		return r + 1;
	}
	for (size_t i = 0; i < s->n_bands; i++) {
		const struct rate_band *band = &s->bands[i];
		book_strf(b, ws, r, 0, b->fmt.bold, "%s, %s %d\xe2\x80\x93%d", label,
		          words(b->l, W_UNIT_YEARS), band->from, band->to);
		book_num(b, ws, r, RATE_COL, band->rate, b->fmt.link);
		book_str(b, ws, r, 2, unit, b->fmt.text);
		book_where(b, ws, r, 3, s->doc, band->entry->line);
		if (band->entry->comment)
			book_str(b, ws, r, 4, band->entry->comment, b->fmt.text);
		for (int t = band->from; t <= band->to && t <= s->years; t++)
			b->band_row[t - 1] = r;
		r++;
	}
	return r;
}

/* The value of row k in column 1, as its kind shows it. */
static void value_cell(book *b, lxw_worksheet *ws, lxw_row_t r, const input_key *k)
{
	const scenario *s = b->s;
	if (k == &input_keys[IN_PROFILES]) {
		book_str(b, ws, r, 1, b->p->name, b->fmt.text);
	} else if (k == &input_keys[IN_WORK_STATE]) {
		book_str(b, ws, r, 1,
		         s->work_state < b->ns ? b->p->states[s->work_state].id
		                               : words(b->l, W_NONE),
		         b->fmt.text);
	} else if (k == &input_keys[IN_DISCOUNT_TIMING]) {
		book_str(b, ws, r, 1, words(b->l, words_of_timing[s->timing]), b->fmt.text);
	} else if (k == &input_keys[IN_COSTS_ON]) {
		book_str(b, ws, r, 1, words(b->l, words_of_costs_on[s->costs_on]), b->fmt.text);
	} else if (k->store == STORE_TEXT) {
		book_str(b, ws, r, 1, input_text(s, k), b->fmt.text);
	} else if (k->kind == KIND_CHOICE) {
		book_str(b, ws, r, 1, k->choices[(int)input_number(s, k, 0)], b->fmt.text);
	} else if (k->store == STORE_INT || k->store == STORE_LONG) {
		book_num(b, ws, r, 1, input_number(s, k, 0), b->fmt.year);
	} else if (k->store == STORE_DOUBLE) {
		book_num(b, ws, r, 1, input_number(s, k, 0), k->percent ? b->fmt.pct : b->fmt.kr);
	}
}

/* The basics: each row of the table of inputs with a place on this sheet
 * (read/inputs.def .sheet), in that order, a gap in the numbers an empty
 * row; label and unit from the table. */
static lxw_row_t assumptions_basics(book *b, lxw_worksheet *ws)
{
	const scenario *s = b->s;
	lxw_row_t r = 2;
	book_str(b, ws, r++, 0, words(b->l, W_BASICS), b->fmt.question);
	param_head(b, ws, r++);
	int last = 0;
	for (int place = 1; place <= N_INPUTS; place++) {
		const input_key *k = NULL;
		for (size_t i = 0; i < N_INPUTS && !k; i++)
			if (input_keys[i].sheet == place)
				k = &input_keys[i];
		if (!k)
			continue;
		r += (lxw_row_t)(place - last - 1); /* the gaps */
		last = place;
		if (k == &input_keys[IN_DISCOUNT_RATE]) {
			r = rate_rows(b, ws, r, k);
			continue;
		}
		book_str(b, ws, r, 0, in_lang(b, k->label_sv, k->label_en), b->fmt.text);
		value_cell(b, ws, r, k);
		if (k->unit_sv)
			book_str(b, ws, r, 2, in_lang(b, k->unit_sv, k->unit_en), b->fmt.text);
		if (k == &input_keys[IN_PRICE_YEAR] && !s->price_year_line)
			book_where(b, ws, r, 3, b->p->doc, b->p->price_year_line);
		else
			book_provenance(b, ws, r, k->section, k->key);
		r++;
	}
	return r + 1;
}

static lxw_row_t assumptions_cohort_costs(book *b, lxw_worksheet *ws, lxw_row_t r)
{
	const scenario *s = b->s;
	const ini_doc *doc = s->doc;
	book_str(b, ws, r++, 0, words(b->l, W_START_TITLE), b->fmt.question);
	book_str(b, ws, r, 0, words(b->l, W_STATE), b->fmt.head_left);
	book_str(b, ws, r, 1, words(b->l, W_WOMEN), b->fmt.head);
	book_str(b, ws, r, 2, words(b->l, W_MEN), b->fmt.head);
	book_str(b, ws, r, 4, words(b->l, W_FILE_LINE), b->fmt.head_left);
	book_str(b, ws, r, 5, words(b->l, W_SOURCE), b->fmt.head_left);
	r++;
	for (size_t st = 0; st < b->ns; st++) {
		if (s->start[SEX_WOMEN][st] == 0 && s->start[SEX_MEN][st] == 0)
			continue;
		book_str(b, ws, r, 0, b->p->states[st].label, b->fmt.text);
		book_num(b, ws, r, 1, s->start[SEX_WOMEN][st], b->fmt.pct);
		book_num(b, ws, r, 2, s->start[SEX_MEN][st], b->fmt.pct);
		const ini_entry *e = NULL;
		for (int g = 0; g < N_SEX && !e; g++)
			e = inifile_find_entry(doc, inputs_cohort_section(g), b->p->states[st].id);
		if (!e)
			e = inifile_find_entry(doc, input_keys[IN_START_SHARE].section,
			                       b->p->states[st].id);
		book_where(b, ws, r, 4, doc, e ? e->line : 0);
		if (e && e->comment)
			book_str(b, ws, r, 5, e->comment, b->fmt.text);
		r++;
	}
	r++;
	book_str(b, ws, r++, 0, words(b->l, W_COSTS_TITLE), b->fmt.question);
	param_head(b, ws, r++);
	char unit[64];
	snprintf(unit, sizeof unit, words(b->l, W_UNIT_KR_PRICES), s->price_year);
	/* the rows of the costs per actor ("fixed_cost.ACTOR"...) and their words */
	static const struct {
		input_id row;
		word_key name;
	} costs[3] = {{IN_FIXED_COST, W_FIXED_COST},
	              {IN_COST_PER_PARTICIPANT, W_COST_PER_PARTICIPANT},
	              {IN_STARTUP_COST, W_STARTUP_COST}};
	for (size_t a = 0; a < b->na; a++)
		for (int k = 0; k < 3; k++) { /* one row per cost, with its own source */
			const input_key *in = &input_keys[costs[k].row];
			double v = input_number(s, in, a);
			if (!v)
				continue;
			const char *stem_end = strrchr(in->key, '.'); /* cut ".ACTOR" */
			char key[96];
			snprintf(key, sizeof key, "%.*s.%s", (int)(stem_end - in->key), in->key,
			         b->p->actors[a].id);
			book_strf(b, ws, r, 0, b->fmt.text, "%s: %s", b->p->actors[a].label,
			          words(b->l, costs[k].name));
			book_num(b, ws, r, 1, v, b->fmt.kr);
			book_str(b, ws, r, 2, unit, b->fmt.text);
			book_provenance(b, ws, r++, in->section, key);
		}
	r++;
	book_str(b, ws, r++, 0, words(b->l, W_ACTORS_TITLE), b->fmt.question);
	book_str(b, ws, r, 0, words(b->l, W_ACTOR_NAME), b->fmt.head_left);
	book_str(b, ws, r, 1, words(b->l, W_ACTOR_ID), b->fmt.head_left);
	book_str(b, ws, r, 2, words(b->l, W_ACTOR_KIND), b->fmt.head_left);
	book_str(b, ws, r++, 4, words(b->l, W_FILE_LINE), b->fmt.head_left);
	for (size_t a = 0; a < b->na; a++) {
		book_str(b, ws, r, 0, b->p->actors[a].label, b->fmt.text);
		book_str(b, ws, r, 1, b->p->actors[a].id, b->fmt.text);
		book_str(b, ws, r, 2, words(b->l, words_of_actor_kind[b->p->actors[a].kind]),
		         b->fmt.text);
		book_where(b, ws, r++, 4, b->p->doc, b->p->actors[a].line);
	}
	return r + 1;
}

/* Whether sec is a transition section or [outcome]. */
static bool dynamics_section(const char *sec)
{
	for (int set = 0; set < N_TR; set++)
		for (int who = 0; who < N_FOR; who++)
			if (strcmp(inputs_tr_section(set, who), sec) == 0)
				return true;
	return strcmp(sec, input_keys[IN_OUTCOME_TARGET].section) == 0;
}

/* The number entry e of section sec was read as (a transition's
 * probability, an [outcome] rate); false for text (the target). */
static bool read_as(const scenario *s, const ini_entry *e, const char *sec, double *v)
{
	for (int set = 0; set < N_TR; set++)
		for (int who = 0; who < N_FOR; who++) {
			const transitions *t = &s->tr[set][who];
			if (strcmp(inputs_tr_section(set, who), sec) != 0)
				continue;
			for (size_t k = 0; k < t->n; k++)
				if (t->v[k].line == e->line) {
					*v = t->v[k].p;
					return true;
				}
			return false;
		}
	const input_key *k = inputs_find(FILE_SCENARIO, sec, e->key);
	if (!k || k->store != STORE_DOUBLE)
		return false;
	*v = input_number(s, k, 0);
	return true;
}

static lxw_row_t assumptions_transitions(book *b, lxw_worksheet *ws, lxw_row_t r)
{
	const scenario *s = b->s;
	book_str(b, ws, r++, 0, words(b->l, W_TRANSITIONS_TITLE), b->fmt.question);
	book_str(b, ws, r, 0, words(b->l, W_TRANSITION), b->fmt.head_left);
	book_str(b, ws, r, 1, words(b->l, W_VALUE), b->fmt.head);
	book_str(b, ws, r, 2, words(b->l, W_UNIT), b->fmt.head_left);
	book_str(b, ws, r, 3, words(b->l, W_SECTION), b->fmt.head_left);
	book_str(b, ws, r, 4, words(b->l, W_FILE_LINE), b->fmt.head_left);
	book_str(b, ws, r++, 5, words(b->l, W_SOURCE), b->fmt.head_left);
	const ini_doc *doc = s->doc;
	for (size_t i = 0; i < doc->n_entries; i++) {
		const ini_entry *e = &doc->entries[i];
		const char *sec = doc->sections[e->section].name;
		double v;
		if (!dynamics_section(sec))
			continue;
		book_str(b, ws, r, 0, e->key, b->fmt.text);
		if (read_as(s, e, sec, &v)) {
			book_num(b, ws, r, 1, v, b->fmt.prob);
			book_str(b, ws, r, 2, words(b->l, W_UNIT_PROBABILITY), b->fmt.text);
		} else {
			book_str(b, ws, r, 1, e->value, b->fmt.text);
		}
		book_strf(b, ws, r, 3, b->fmt.text, "[%s]", sec);
		book_where(b, ws, r, 4, doc, e->line);
		if (e->comment)
			book_str(b, ws, r, 5, e->comment, b->fmt.text);
		r++;
	}
	return r + 1;
}

/* The index table, the unit-cost matrix (sums of the item rows below it)
 * and the items, each moved to the price year by a formula over the index
 * table. */
static lxw_row_t assumptions_costs(book *b, lxw_worksheet *ws, lxw_row_t r)
{
	const profile *p = b->p;
	const scenario *s = b->s;
	lxw_row_t index_first = 0;
	if (p->n_index) {
		book_str(b, ws, r++, 0, words(b->l, W_INDEX_TITLE), b->fmt.question);
		book_str(b, ws, r, 0, words(b->l, W_INDEX_YEAR), b->fmt.head_left);
		book_str(b, ws, r, 1, words(b->l, W_INDEX_VALUE), b->fmt.head);
		book_str(b, ws, r++, 4, words(b->l, W_FILE_LINE), b->fmt.head_left);
		index_first = r;
		for (size_t i = 0; i < p->n_index; i++, r++) {
			book_num(b, ws, r, 0, p->index[i].year, b->fmt.year);
			book_num(b, ws, r, 1, p->index[i].value, b->fmt.kr);
			book_where(b, ws, r, 4, p->doc, p->index[i].line);
		}
		r++;
	}
	book_strf(b, ws, r++, 0, b->fmt.question, words(b->l, W_UNIT_COSTS_TITLE), s->price_year);
	lxw_row_t matrix_head = r;
	lxw_row_t items_first = matrix_head + 1 + (lxw_row_t)b->ns + 3;
	book_str(b, ws, matrix_head, 0, words(b->l, W_STATE), b->fmt.head_left);
	for (size_t a = 0; a < b->na; a++)
		book_str(b, ws, matrix_head, (lxw_col_t)(1 + a), p->actors[a].label, b->fmt.head);
	/* the items first, so the matrix can name their rows */
	lxw_row_t ir = items_first - 1;
	book_str(b, ws, ir - 1, 0, words(b->l, W_ITEMS_TITLE), b->fmt.question);
	book_str(b, ws, ir, 0, words(b->l, W_STATE), b->fmt.head_left);
	book_str(b, ws, ir, 1, words(b->l, W_ACTOR), b->fmt.head_left);
	book_str(b, ws, ir, 2, words(b->l, W_ITEM), b->fmt.head_left);
	book_strf(b, ws, ir, 3, b->fmt.head, "%s, kr", words(b->l, W_AMOUNT));
	book_str(b, ws, ir, 4, words(b->l, W_PRICE_YEAR), b->fmt.head);
	book_str(b, ws, ir, 5, words(b->l, W_PRICE_MOVE), b->fmt.head);
	book_strf(b, ws, ir, 6, b->fmt.head, words(b->l, W_AMOUNT_MOVED), s->price_year);
	book_str(b, ws, ir, 7, words(b->l, W_FILE_LINE), b->fmt.head_left);
	book_str(b, ws, ir, 8, words(b->l, W_SOURCE), b->fmt.head_left);
	worksheet_set_row(ws, ir, 30, NULL);
	for (size_t i = 0; i < p->n_items; i++) {
		const profile_item *it = &p->items[i];
		lxw_row_t row = items_first + (lxw_row_t)i;
		char fm[160], a1[16], a2[16];
		book_str(b, ws, row, 0, p->states[it->state].id, b->fmt.text);
		book_str(b, ws, row, 1, p->actors[it->actor].id, b->fmt.text);
		book_str(b, ws, row, 2, it->name, b->fmt.text);
		book_num(b, ws, row, 3, it->amount_sek, b->fmt.kr);
		book_num(b, ws, row, 4, it->price_year, b->fmt.year);
		if (it->price_year == s->price_year || !p->n_index) {
			book_num(b, ws, row, 5, 1, b->fmt.prob);
		} else {
			size_t from_i = 0, to_i = 0;
			for (size_t k = 0; k < p->n_index; k++) {
				if (p->index[k].year == it->price_year)
					from_i = k;
				if (p->index[k].year == s->price_year)
					to_i = k;
			}
			snprintf(fm, sizeof fm, "=%s/%s",
			         book_ref(a1, index_first + (lxw_row_t)to_i, 1),
			         book_ref(a2, index_first + (lxw_row_t)from_i, 1));
			book_formula(b, ws, row, 5, fm, s->item_factor[i], b->fmt.prob);
		}
		snprintf(fm, sizeof fm, "=%s*%s", book_ref(a1, row, 3), book_ref(a2, row, 5));
		book_formula(b, ws, row, 6, fm, s->item_moved[i], b->fmt.kr);
		book_where(b, ws, row, 7, p->doc, it->line);
		if (it->source)
			book_str(b, ws, row, 8, it->source, b->fmt.text);
	}
	for (size_t st = 0; st < b->ns; st++) {
		lxw_row_t row = matrix_head + 1 + (lxw_row_t)st;
		book_str(b, ws, row, 0, p->states[st].label, b->fmt.text);
		for (size_t a = 0; a < b->na; a++) {
			char fm[1024], a1[16];
			size_t used = 0;
			for (size_t i = 0; i < p->n_items && used < sizeof fm - 16; i++)
				if (p->items[i].state == st && p->items[i].actor == a)
					used += (size_t)snprintf(
					        fm + used, sizeof fm - used, "%c%s",
					        used ? '+' : '=',
					        book_ref(a1, items_first + (lxw_row_t)i, 6));
			if (used)
				book_formula(b, ws, row, (lxw_col_t)(1 + a), fm,
				             s->unit_cost[st * b->na + a], b->fmt.kr);
			else /* no item: nothing to sum */
				book_num(b, ws, row, (lxw_col_t)(1 + a), 0, b->fmt.kr);
		}
	}
	return items_first + (lxw_row_t)p->n_items + 1;
}

/* The transition sets by name (N_TR). */
static const word_key set_words[N_TR] = {W_SET_BASELINE, W_SET_INTERVENTION, W_SET_AFTER};

static lxw_row_t assumptions_matrices(book *b, lxw_worksheet *ws, lxw_row_t r)
{
	const scenario *s = b->s;
	book_str(b, ws, r++, 0, words(b->l, W_MATRICES_TITLE), b->fmt.question);
	if (s->outcome_mode) {
		char line[256];
		snprintf(line, sizeof line, "%s%s = %s", words(b->l, W_OUTCOME_GENERATED),
		         input_keys[IN_OUTCOME_TARGET].key, b->p->states[s->outcome_target].id);
		book_str(b, ws, r++, 0, line, b->fmt.note);
	}
	for (int set = 0; set < N_TR; set++)
		for (int g = 0; g < N_SEX; g++) {
			book_strf(b, ws, r++, 0, b->fmt.bold, "%s, %s", words(b->l, set_words[set]),
			          words(b->l, words_of_sex[g]));
			book_str(b, ws, r, 0, words(b->l, W_STATE), b->fmt.head_left);
			for (size_t c = 0; c < b->ns; c++)
				book_str(b, ws, r, (lxw_col_t)(1 + c), b->p->states[c].id,
				         b->fmt.head);
			r++;
			for (size_t a = 0; a < b->ns; a++, r++) {
				book_str(b, ws, r, 0, b->p->states[a].id, b->fmt.text);
				for (size_t c = 0; c < b->ns; c++)
					book_num(b, ws, r, (lxw_col_t)(1 + c),
					         s->p[set][g][a * b->ns + c], b->fmt.prob);
			}
			r++;
		}
	return r;
}

static lxw_row_t assumptions_files(book *b, lxw_worksheet *ws, lxw_row_t r)
{
	book_str(b, ws, r++, 0, words(b->l, W_FILES_TITLE), b->fmt.question);
	book_str(b, ws, r, 0, words(b->l, W_FILE_GIVEN), b->fmt.head_left);
	book_str(b, ws, r, 1, words(b->l, W_FILE_RESOLVED), b->fmt.head_left);
	book_str(b, ws, r++, 3, words(b->l, W_SHA256), b->fmt.head_left);
	const ini_doc *docs[2] = {b->s->doc, b->p->doc};
	for (int i = 0; i < 2; i++, r++) {
		book_str(b, ws, r, 0, docs[i]->path, b->fmt.text);
		char *full = realpath(docs[i]->path, NULL);
		book_str(b, ws, r, 1, full ? full : docs[i]->path, b->fmt.text);
		free(full);
		book_str(b, ws, r, 3, docs[i]->sha256, b->fmt.text);
	}
	return r;
}

void sheet_assumptions(book *b)
{
	lxw_worksheet *ws = b->ws[SHEET_ASSUMPTIONS];
	book_str(b, ws, 0, 0, words(b->l, W_ASSUMPTIONS_TITLE), b->fmt.title);
	lxw_row_t r = assumptions_basics(b, ws);
	r = assumptions_cohort_costs(b, ws, r);
	r = assumptions_transitions(b, ws, r);
	r = assumptions_costs(b, ws, r);
	r = assumptions_matrices(b, ws, r);
	r = assumptions_files(b, ws, r + 1);
	/* Sources run on to the right on screen; on paper the tables fit the
	 * width of the page and long sources are cut at its edge. */
	lxw_col_t last = (lxw_col_t)(b->ns > 8 ? b->ns : 8);
	book_keep(b, worksheet_print_area(ws, 0, 0, r, last));
	worksheet_set_column(ws, 0, 0, 40, NULL);
	worksheet_set_column(ws, 1, 2, 18, NULL);
	worksheet_set_column(ws, 3, 3, 30, NULL);
	worksheet_set_column(ws, 4, 4, 34, NULL);
	worksheet_set_column(ws, 5, 6, 16, NULL);
	worksheet_set_column(ws, 7, 7, 36, NULL);
	worksheet_set_column(ws, 8, 8, 20, NULL);
	book_print_setup(b, ws, false);
	if (!b->s->has_bands) { /* with bands each year names its band's cell */
		char target[96], cell[16];
		lxw_rowcol_to_cell_abs(cell, b->rate_row, RATE_COL, LXW_TRUE, LXW_TRUE);
		snprintf(target, sizeof target, "=%s!%s", b->quoted[SHEET_ASSUMPTIONS], cell);
		book_keep(b, workbook_define_name(b->wb, words(b->l, W_RATE_NAME), target));
	}
}
