/* error.c -- messages and exit codes of sk_status (see error.h). */
#include "samkalk/base/error.h"

static const char *const messages[SK_STATUS_MAX] = {
        [SK_OK] = "done",
        [SK_EINPUT] = "bad input (see the messages above)",
        [SK_EUSAGE] = "bad command line (see samkalk --help)",
        [SK_ENOMEM] = "out of memory",
        [SK_EIO] = "could not write the output",
        [SK_ENUMERIC] = "a numerical routine failed",
};

const char *sk_strerror(sk_status status)
{
	if ((int)status < 0 || status >= SK_STATUS_MAX || !messages[status])
		return "unknown status";
	return messages[status];
}

int sk_exit_code(sk_status status)
{
	switch (status) {
	case SK_OK:
		return 0;
	case SK_EINPUT:
	case SK_EUSAGE:
		return 2;
	default:
		return 1;
	}
}
