/* calc.h -- one finished calculation: a scenario read and checked, its
 * model built, projected at the assumed effect, and its decision figures
 * (SPEC §5). What every report reads. */
#ifndef SAMKALK_CALC_H
#define SAMKALK_CALC_H

#include "samkalk/diag.h"
#include "samkalk/error.h"
#include "samkalk/metrics.h"
#include "samkalk/model.h"
#include "samkalk/scenario.h"

typedef struct calc {
	scenario *s;
	model *m;
	flows *f;              /* the projection at lambda = 1 */
	results *r;            /* figures, break-even included */
	struct unc_results *u; /* tornado and draws (uncertainty_run), or NULL */
} calc;

/* Reads, checks, projects and computes. Mistakes in the files go to d
 * (SK_EINPUT); SK_ENOMEM and SK_ENUMERIC are failures of the machine. */
sk_status calc_run(const char *scenario_path, calc **out, diag *d);

/* The same with the scenario file in a buffer (for tests and fuzzing). */
sk_status calc_run_buffer(const char *path, const char *buf, size_t len, calc **out, diag *d);

/* Only reads and checks (samkalk check): scenario, profile and model. */
sk_status calc_check(const char *scenario_path, diag *d);

void calc_free(calc *c);

#endif
