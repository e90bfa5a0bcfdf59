/* starter.h -- `samkalk new NAME.ini`: a commented starter scenario against
 * the default profile, that `samkalk check` accepts and `samkalk run` runs
 * as written (issue #6). */
#ifndef SAMKALK_STARTER_H
#define SAMKALK_STARTER_H

#include <stdio.h>

#include "samkalk/base/error.h"

/* Finds the default profile (templates/typpersoner.ini beside the
 * program's build directory, or share/samkalk/templates/ of an installed
 * program) and writes into path_buf the path to it from dir (the directory
 * of the new scenario), relative when both are on one tree. Returns SK_OK,
 * or SK_EIO with why set when the profile cannot be found. */
sk_status starter_profile_path(const char *dir, char *path_buf, size_t n, char *why,
                               size_t why_len);

/* Writes the starter scenario, naming the profile at profile_path. */
sk_status starter_write(FILE *out, const char *profile_path);

#endif
