/* scenario.h -- a scenario: cohort, intervention and yearly transitions
 * without and with it, read with its profile and checked (SPEC §4, §8). */
#ifndef SAMKALK_SCENARIO_H
#define SAMKALK_SCENARIO_H

#include <stdbool.h>
#include <stddef.h>

#include "samkalk/base/diag.h"
#include "samkalk/base/error.h"
#include "samkalk/base/inifile.h"
#include "samkalk/read/profile.h"
#include "samkalk/read/scenario_types.h"

/* Reads a scenario file and the profile it names and checks what the files
 * say: every key against the table of inputs (read/inputs.h) and the
 * profile's states and actors. Every mistake of both files goes to d.
 * Returns SK_OK; SK_EINPUT with *out set when both files could be read but
 * hold mistakes, so that the checks of later layers (model/layer.h, the
 * uncertainty spec) can still report theirs (the caller frees it); SK_EINPUT
 * with *out NULL when the profile could not be read; or SK_ENOMEM. The
 * matrices and unit costs are left for layer_resolve(). */
sk_status scenario_load(const char *path, scenario **out, diag *d);

/* The same from a buffer (path for messages and for finding the profile). */
sk_status scenario_parse(const char *path, const char *buf, size_t len, scenario **out, diag *d);

/* Frees a scenario; accepts NULL. */
void scenario_free(scenario *s);

#endif
