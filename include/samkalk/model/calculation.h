/* calculation.h -- what one calculation holds, from the files read to the
 * figures (SPEC §5, §6): the type every later layer reads. vary/calc.h
 * fills it in the order of the layers; the writers only format it. */
#ifndef SAMKALK_CALCULATION_H
#define SAMKALK_CALCULATION_H

#include "samkalk/model/metrics.h"
#include "samkalk/model/model.h"
#include "samkalk/read/scenario.h"
#include "samkalk/read/unc_spec.h"

typedef struct calc {
	scenario *s;
	unc_spec *spec; /* [sensitivity X], [uncertainty X]; NULL without them */
	model *m;
	flows *f;              /* the projection at lambda = 1 */
	results *r;            /* figures, break-even included */
	struct unc_results *u; /* tornado and draws (uncertainty_run), or NULL */
	/* the follow-up's estimate, outcome and re-forecast (model/followup.h),
	 * or NULL without [followup] */
	struct followup_results *fu;
} calc;

#endif
