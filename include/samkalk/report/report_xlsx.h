/* report_xlsx.h -- the committee workbook (issue #4): a summary a nämnd
 * reads without help, then every number traceable to the cell: yearly flows
 * per actor and per sex with live formulas, outcomes, assumptions with
 * file:line, the method in words, and the flows as a filterable table. */
#ifndef SAMKALK_REPORT_XLSX_H
#define SAMKALK_REPORT_XLSX_H

#include <time.h>

#include "samkalk/base/error.h"
#include "samkalk/base/format.h"
#include "samkalk/vary/calc.h"

/* Writes the workbook of c to path (a temporary file: the caller renames
 * it into place), with libxlsxwriter's own temporary files in the
 * directory tmpdir (NULL: the system's, as tmpfileplus finds it: $TMP,
 * $TEMP or /tmp). run_date is printed in the footer and stored as the
 * document's creation date. Returns SK_OK, or SK_EIO with why set to the
 * reason (libxlsxwriter's), without the path: the caller names its target. */
sk_status report_xlsx(const calc *c, lang l, const char *path, const char *tmpdir, time_t run_date,
                      char *why, size_t why_len);

/* The comparison workbook: a Jämförelse sheet (the compared figures,
 * ranks, a chart of each scenario's cumulative public-sector net by year of
 * the calculation, and a bar chart of the years to payback per actor and
 * scenario), then each scenario's own summary and per-actor sheets, with
 * values (its own workbook, from samkalk run -o, has the formulas).
 * Same returns as report_xlsx(). */
struct comparison;
sk_status report_xlsx_compare(const struct comparison *cmp, lang l, const char *path,
                              const char *tmpdir, time_t run_date, char *why, size_t why_len);

#endif
