/* followup_draws.h -- the follow-up under [uncertainty] (issue #15;
 * docs/method.md, "Uppföljning"). In every Monte Carlo draw, after the
 * scenario's own inputs are drawn: each estimated row from its posterior
 * Dirichlet (replacing any distribution the scenario gives its moves),
 * each "<5" count from 1..4, the re-forecast projected from them, and the
 * forecast's share in each state at the t the data cover, from the draw's
 * matrices as used. The draw's random numbers come from a stream of their
 * own, so the scenario's draws are the same with or without a follow-up. */
#ifndef SAMKALK_FOLLOWUP_DRAWS_H
#define SAMKALK_FOLLOWUP_DRAWS_H

#include <stddef.h>
#include <stdint.h>

#include "samkalk/base/error.h"
#include "samkalk/model/calculation.h"
#include "samkalk/model/followup.h"

/* One thread's scratch. NULL when out of memory. */
typedef struct fu_draws fu_draws;
fu_draws *fu_draws_new(const calc *c);
void fu_draws_free(fu_draws *w);

/* The shares a draw gives: (the largest t of the outcome + 1) x states. */
size_t fu_draws_shares(const calc *c);

/* Draw k of seed: s, m and f are the draw's scenario, model and
 * projection (its investment and discount). Writes the re-forecast NPV of
 * every target into npv and the forecast shares into shares. Allocates
 * nothing. */
void fu_draws_one(fu_draws *w, const calc *c, const scenario *s, const model *m, const flows *f,
                  uint64_t seed, long k, double *npv, float *shares);

#endif
