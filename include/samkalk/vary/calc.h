/* calc.h -- one finished calculation: a scenario read and checked, its
 * model built, projected at the assumed effect, and its decision figures
 * (SPEC §5). What every report reads. */
#ifndef SAMKALK_CALC_H
#define SAMKALK_CALC_H

#include "samkalk/base/diag.h"
#include "samkalk/base/error.h"
#include "samkalk/model/calculation.h"

/* Reads and checks everything a scenario file says, in the order of the
 * layers: the scenario and its profile (read/scenario.h), the matrices and
 * unit costs (model/layer.h), the uncertainty spec (read/unc_spec.h) and,
 * when all else is right, the tornado's ends. From the file at path, or
 * from buf (len bytes) when buf is not NULL. Every mistake goes to d.
 * Returns SK_OK with *out and *spec set (*spec NULL without uncertainty
 * sections), SK_EINPUT or SK_ENOMEM with both NULL. */
sk_status calc_read(const char *path, const char *buf, size_t len, scenario **out, unc_spec **spec,
                    diag *d);

/* Reads, checks, projects and computes. Mistakes in the files go to d
 * (SK_EINPUT); SK_ENOMEM and SK_ENUMERIC are failures of the machine. */
sk_status calc_run(const char *scenario_path, calc **out, diag *d);

/* The same with the scenario file in a buffer (for tests and fuzzing). */
sk_status calc_run_buffer(const char *path, const char *buf, size_t len, calc **out, diag *d);

/* Only reads and checks (samkalk check): scenario, profile and model. */
sk_status calc_check(const char *scenario_path, diag *d);

void calc_free(calc *c);

#endif
