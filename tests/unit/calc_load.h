/* calc_load.h -- a whole calculation of a test scenario, or the test
 * fails with the file's messages, and NEAR for its figures. Shared by the
 * unit tests that start from files in tests/unit/data. */
#ifndef CALC_LOAD_H
#define CALC_LOAD_H

#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>

#include "samkalk/vary/calc.h"

__attribute__((unused)) static calc *load(const char *path)
{
	diag d;
	diag_init(&d);
	calc *c = NULL;
	sk_status st = calc_run(path, &c, &d);
	if (st != SK_OK)
		diag_print(&d, stderr);
	diag_free(&d);
	cr_assert_eq(st, SK_OK, "calc_run(%s): %s", path, sk_strerror(st));
	return c;
}

/* got within 1e-9 relative of want, or 1e-6 absolute near zero: each test
 * file says why that tolerance suits its hand-computed values. */
#define NEAR(got, want)                                                                            \
	do {                                                                                       \
		double g_ = (got), w_ = (want);                                                    \
		cr_assert(fabs(g_ - w_) <= fmax(1e-6, 1e-9 * fabs(w_)),                            \
		          "%s = %.17g, expected %.17g", #got, g_, w_);                             \
	} while (0)

#endif
