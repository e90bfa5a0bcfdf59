/* error.h -- the one status type of samkalk, its messages and exit codes.
 *
 * Each value's comment is its message; sk_strerror() returns it and
 * tests/unit/test_error.c checks that every value has text. Values are
 * never renumbered. */
#ifndef SAMKALK_ERROR_H
#define SAMKALK_ERROR_H

typedef enum sk_status {
	SK_OK = 0,    /* done */
	SK_EINPUT,    /* bad input (see the messages above) */
	SK_EUSAGE,    /* bad command line (see samkalk --help) */
	SK_ENOMEM,    /* out of memory */
	SK_EIO,       /* could not write the output */
	SK_ENUMERIC,  /* a numerical routine failed */
	SK_STATUS_MAX /* (sentinel, not a status) */
} sk_status;

/* The message of a status; never NULL, "unknown status" past the table. */
const char *sk_strerror(sk_status status);

/* Exit status for a status: 0 done, 2 bad input or usage, 1 a failure of the
 * machine (memory, disk, numerics). Documented in --help and docs/. */
int sk_exit_code(sk_status status);

#endif
