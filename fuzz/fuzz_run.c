/* fuzz_run.c -- libFuzzer target: a whole run in memory, from two file
 * buffers to the figures. The input is a profile, a line "@@SCENARIO@@",
 * then a scenario; the profile goes to an in-memory file (memfd) whose path
 * replaces "@PROFILE@" in the scenario. A run that reads must project,
 * find every figure and write its reports without a fault (issue #7). */
#define _GNU_SOURCE
#include <gsl/gsl_errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "samkalk/calc.h"
#include "samkalk/report.h"

#define SPLIT "@@SCENARIO@@\n"
#define TOKEN "@PROFILE@"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	gsl_set_error_handler_off();
	const char *text = (const char *)data;
	const char *split = memmem(text, size, SPLIT, strlen(SPLIT));
	if (!split)
		return 0;
	size_t plen = (size_t)(split - text);
	const char *scen = split + strlen(SPLIT);
	size_t slen = size - plen - strlen(SPLIT);
	int fd = memfd_create("profile", 0);
	if (fd < 0 || write(fd, text, plen) != (ssize_t)plen) {
		if (fd >= 0)
			close(fd);
		return 0;
	}
	char path[64];
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	/* the scenario with every TOKEN replaced by the profile's path */
	char *buf = malloc(slen * 8 + 1);
	size_t n = 0;
	for (size_t i = 0; buf && i < slen;) {
		if (slen - i >= strlen(TOKEN) && memcmp(scen + i, TOKEN, strlen(TOKEN)) == 0) {
			memcpy(buf + n, path, strlen(path));
			n += strlen(path);
			i += strlen(TOKEN);
		} else {
			buf[n++] = scen[i++];
		}
	}
	if (buf) {
		diag d;
		diag_init(&d);
		calc *c = NULL;
		if (calc_run_buffer("fuzz.ini", buf, n, &c, &d) == SK_OK) {
			FILE *null = fopen("/dev/null", "w");
			if (null) {
				report_text(c, LANG_SV, null);
				report_csv(c, null);
				report_json(c, null);
				fclose(null);
			}
		}
		calc_free(c);
		diag_free(&d);
		free(buf);
	}
	close(fd);
	return 0;
}
