/* two_files.h -- for the libFuzzer targets that run a whole calculation:
 * the input is a profile, a line "@@SCENARIO@@", then a scenario; the
 * profile goes to an in-memory file (memfd) whose path replaces
 * "@PROFILE@" in the scenario. */
#ifndef SAMKALK_FUZZ_TWO_FILES_H
#define SAMKALK_FUZZ_TWO_FILES_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "samkalk/vary/calc.h"

#define SPLIT "@@SCENARIO@@\n"
#define TOKEN "@PROFILE@"

/* Reads the two files of data into a calculation; calls use(c) when the
 * files are right. */
static void two_files(const uint8_t *data, size_t size, void (*use)(calc *c))
{
	const char *text = (const char *)data;
	const char *split = memmem(text, size, SPLIT, strlen(SPLIT));
	if (!split)
		return;
	size_t plen = (size_t)(split - text);
	const char *scen = split + strlen(SPLIT);
	size_t slen = size - plen - strlen(SPLIT);
	int fd = memfd_create("profile", 0);
	if (fd < 0 || write(fd, text, plen) != (ssize_t)plen) {
		if (fd >= 0)
			close(fd);
		return;
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
		if (calc_run_buffer("fuzz.ini", buf, n, &c, &d) == SK_OK)
			use(c);
		calc_free(c);
		diag_free(&d);
		free(buf);
	}
	close(fd);
}

#endif
