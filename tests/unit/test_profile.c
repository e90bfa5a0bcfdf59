/* test_profile.c -- reading a profile (SPEC §3): actors in order with their
 * kinds, states in file order, items with sources and price years, the
 * index sorted by year. Expected values are those written in
 * tests/unit/data/reader_profile.ini. */
#include <criterion/criterion.h>
#include <string.h>

#include "samkalk/read/profile.h"

static profile *load(void)
{
	diag d;
	diag_init(&d);
	profile *p = NULL;
	sk_status st = profile_load("tests/unit/data/reader_profile.ini", &p, &d, NULL, 0, NULL);
	cr_assert_eq(st, SK_OK, "status %d, %zu messages", st, diag_count(&d));
	diag_free(&d);
	return p;
}

Test(profile, actors_in_order_with_kinds)
{
	profile *p = load();
	cr_assert_eq(p->n_actors, 2);
	cr_assert_str_eq(p->actors[0].id, "kommun");
	cr_assert_str_eq(p->actors[0].label, "Kommunen");
	cr_assert_eq(p->actors[0].kind, ACTOR_FISCAL); /* default kind */
	cr_assert_str_eq(p->actors[1].id, "prod");
	cr_assert_eq(p->actors[1].kind, ACTOR_ECONOMIC); /* [actor kinds] prod = economic */
	profile_free(p);
}

Test(profile, states_in_file_order_label_defaults_to_id)
{
	profile *p = load();
	cr_assert_eq(p->n_states, 3);
	cr_assert_str_eq(p->states[0].label, "Tillstånd A");
	cr_assert_str_eq(p->states[1].id, "B");
	cr_assert_str_eq(p->states[1].label, "B"); /* no label: the id */
	cr_assert_eq(profile_state_index(p, "C"), 2);
	cr_assert_eq(profile_state_index(p, "D"), SIZE_MAX);
	profile_free(p);
}

Test(profile, items_with_source_and_price_year)
{
	profile *p = load();
	cr_assert_eq(p->n_items, 3);
	cr_assert_str_eq(p->items[0].key, "kommun.bistand");
	cr_assert_str_eq(p->items[0].name, "bistand");
	cr_assert_float_eq(p->items[0].amount_sek, 1000, 1e-12);
	cr_assert_str_eq(p->items[0].source, "Källa ett");
	cr_assert_eq(p->items[0].price_year, 2024); /* the profile's */
	cr_assert_eq(p->items[1].price_year, 2026); /* its own .price_year */
	cr_assert_null(p->items[1].source);
	cr_assert_eq(p->items[2].state, 1);
	cr_assert_eq(p->items[2].actor, 1);
	cr_assert_float_eq(p->items[2].amount_sek, -2000, 1e-12); /* a revenue */
	profile_free(p);
}

Test(profile, index_sorted_by_year)
{
	profile *p = load();
	cr_assert_eq(p->n_index, 2);
	cr_assert_eq(p->index[0].year, 2024); /* written second in the file */
	cr_assert_float_eq(profile_index_value(p, 2026), 60000, 1e-12);
	cr_assert_float_eq(profile_index_value(p, 2025), 0, 0); /* absent */
	profile_free(p);
}
