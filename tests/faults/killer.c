/* killer.c -- LD_PRELOAD library for tests/run_killsteps.sh and
 * tests/run_faults.sh (issue #19): counts every system call that changes
 * the file system and kills the process with SIGKILL just before call N,
 * so that a kill lands on each step of a run in turn, the same step on
 * every machine, with no timing.
 *   SAMKALK_FAULT_KILL_AT=N  SIGKILL before the N-th counted call (1 is the first)
 *   SAMKALK_FAULT_COUNT=FILE FILE holds the number of counted calls so far,
 *                            kept up to date at each (so it is right at exit)
 *
 * System calls, not libc symbols: the calls libc makes inside stdio,
 * mkstemp and tmpfile, and libxlsxwriter's own file writing, never pass
 * through a symbol an LD_PRELOAD wrapper could take. A seccomp filter
 * (installed by the constructor, before samkalk's threads start, and with
 * SECCOMP_FILTER_FLAG_TSYNC) answers SECCOMP_RET_TRAP for them: the kernel
 * does not make the call but raises SIGSYS, whose handler here counts it,
 * kills at N, or else makes the call itself and puts its result where the
 * trapped call returns it (RAX). The filter lets through the calls made from
 * one instruction, the `syscall` in raw_syscall() below (the kernel gives
 * the filter the instruction pointer): no argument is borrowed as a marker,
 * so calls with six arguments (pwritev2, copy_file_range) are trapped and
 * made unchanged too.
 *
 * Counted (the file system changes, or may): open, openat and openat2 for
 * writing (O_WRONLY, O_RDWR, O_CREAT, O_TRUNC, O_TMPFILE), creat, write,
 * pwrite64, writev, pwritev, pwritev2, sendfile, copy_file_range, fsync,
 * fdatasync, sync_file_range, link, linkat, symlink, symlinkat, rename,
 * renameat, renameat2, unlink, unlinkat, mkdir, mkdirat, mknod, mknodat,
 * rmdir, truncate, ftruncate, fallocate, fchmod, fchmodat, and close of a
 * descriptor this process opened for writing (a table of them is kept
 * here; every close is trapped, the others are made uncounted). Not
 * counted: a descriptor made writable by dup2() or fcntl(F_DUPFD), which
 * samkalk does not do. x86-64 Linux only (the registers, the numbers). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/openat2.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>

#if !defined(__x86_64__)
#error "killer.c: x86-64 Linux only"
#endif

/* raw_syscall(nr, a0..a5): the one place whose calls the filter lets
 * through; raw_syscall_ret is the instruction after its `syscall`, the
 * instruction pointer the kernel reports for them. */
long raw_syscall(long nr, long a0, long a1, long a2, long a3, long a4, long a5);
extern const char raw_syscall_ret[];
__asm__(".text\n"
        ".globl raw_syscall\n"
        ".hidden raw_syscall\n"
        ".type raw_syscall, @function\n"
        "raw_syscall:\n"
        "	movq %rdi, %rax\n"
        "	movq %rsi, %rdi\n"
        "	movq %rdx, %rsi\n"
        "	movq %rcx, %rdx\n"
        "	movq %r8, %r10\n"
        "	movq %r9, %r8\n"
        "	movq 8(%rsp), %r9\n"
        "	syscall\n"
        ".globl raw_syscall_ret\n"
        ".hidden raw_syscall_ret\n"
        "raw_syscall_ret:\n"
        "	ret\n"
        ".size raw_syscall, .-raw_syscall\n");

/* open flags that make a descriptor write, or create (O_TMPFILE includes
 * O_DIRECTORY, which opendir() uses too: only its own bit is tested) */
#define WRITING (O_WRONLY | O_RDWR | O_CREAT | O_TRUNC | (O_TMPFILE & ~O_DIRECTORY))

/* always counted */
static const int always[] = {
        SYS_creat,           SYS_write,     SYS_pwrite64,        SYS_writev,  SYS_pwritev,
        SYS_pwritev2,        SYS_sendfile,  SYS_copy_file_range, SYS_fsync,   SYS_fdatasync,
        SYS_sync_file_range, SYS_link,      SYS_linkat,          SYS_symlink, SYS_symlinkat,
        SYS_rename,          SYS_renameat,  SYS_renameat2,       SYS_unlink,  SYS_unlinkat,
        SYS_mkdir,           SYS_mkdirat,   SYS_mknod,           SYS_mknodat, SYS_rmdir,
        SYS_truncate,        SYS_ftruncate, SYS_fallocate,       SYS_fchmod,  SYS_fchmodat,
};
/* trapped, counted by the handler when they write: every openat2 (its
 * flags are behind a pointer) and every close */
static const int maybe[] = {SYS_openat2, SYS_close};

#define MAX_FD 4096
static unsigned char written[MAX_FD]; /* opened for writing by this process */
static long count;                    /* counted calls so far */
static long kill_at;                  /* 0: never */
static char *count_map;               /* SAMKALK_FAULT_COUNT, mapped: 20 digits and \n */

/* The number in count_map, right-aligned in 20 characters. */
static void show_count(long n)
{
	if (!count_map)
		return;
	for (int i = 19; i >= 0; i--) {
		count_map[i] = n || i == 19 ? (char)('0' + n % 10) : ' ';
		n /= 10;
	}
}

/* Whether the call nr(a) opens a descriptor for writing. */
static int opens_for_writing(long nr, const long *a)
{
	switch (nr) {
	case SYS_open:
		return (a[1] & WRITING) != 0;
	case SYS_openat:
		return (a[2] & WRITING) != 0;
	case SYS_openat2:
		return a[2] && (((const struct open_how *)a[2])->flags & WRITING) != 0;
	case SYS_creat:
		return 1;
	}
	return 0;
}

static void on_sigsys(int sig, siginfo_t *si, void *ctx)
{
	(void)sig;
	greg_t *g = ((ucontext_t *)ctx)->uc_mcontext.gregs;
	long nr = si->si_syscall;
	long a[6] = {g[REG_RDI], g[REG_RSI], g[REG_RDX], g[REG_R10], g[REG_R8], g[REG_R9]};
	int opens = opens_for_writing(nr, a);
	int counted;
	int fd = (int)a[0];  /* an int: the kernel reads the low 32 bits */
	if (nr == SYS_close) /* cleared before the close: the number is then free */
		counted = fd >= 0 && fd < MAX_FD &&
		          __atomic_exchange_n(&written[fd], 0, __ATOMIC_SEQ_CST);
	else
		counted = nr != SYS_openat2 || opens;
	if (counted) {
		long n = __atomic_add_fetch(&count, 1, __ATOMIC_SEQ_CST);
		show_count(n);
		if (n == kill_at) {
			raw_syscall(SYS_kill, raw_syscall(SYS_getpid, 0, 0, 0, 0, 0, 0), SIGKILL, 0,
			            0, 0, 0);
			for (;;) /* SIGKILL is on its way */
				raw_syscall(SYS_pause, 0, 0, 0, 0, 0, 0);
		}
	}
	long r = raw_syscall(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
	if (opens && r >= 0 && r < MAX_FD)
		__atomic_store_n(&written[r], 1, __ATOMIC_SEQ_CST);
	g[REG_RAX] = r;
}

/* The filter, one instruction at a time. */
struct prog {
	struct sock_filter f[128];
	unsigned short n;
};

static void put(struct prog *p, struct sock_filter insn)
{
	p->f[p->n++] = insn;
}

static void load(struct prog *p, size_t offset)
{
	put(p, (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, (uint32_t)offset));
}

static void ret(struct prog *p, uint32_t action)
{
	put(p, (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, action));
}

/* if (A op k) go to instruction yes, else to no (absolute indexes, after
 * this one: BPF jumps only forward) */
static void jump(struct prog *p, uint16_t op, uint32_t k, size_t yes, size_t no)
{
	size_t next = p->n + 1u;
	put(p, (struct sock_filter)BPF_JUMP(BPF_JMP | op | BPF_K, k, (uint8_t)(yes - next),
	                                    (uint8_t)(no - next)));
}

/* Calls from raw_syscall() pass; open and openat trap when their flags
 * write, the calls of always[] and maybe[] trap; every other call passes. */
static int install_filter(void)
{
	struct prog p = {.n = 0};
	uint64_t ip = (uint64_t)(uintptr_t)raw_syscall_ret;
	size_t n_always = sizeof always / sizeof *always, n_maybe = sizeof maybe / sizeof *maybe;
	load(&p, offsetof(struct seccomp_data, arch)); /* 0 */
	jump(&p, BPF_JEQ, AUDIT_ARCH_X86_64, 3, 2);    /* 1 */
	ret(&p, SECCOMP_RET_ALLOW);                    /* 2 */
	load(&p, offsetof(struct seccomp_data, instruction_pointer));
	jump(&p, BPF_JEQ, (uint32_t)ip, 5, 8); /* 4 */
	load(&p, offsetof(struct seccomp_data, instruction_pointer) + 4);
	jump(&p, BPF_JEQ, (uint32_t)(ip >> 32), 7, 8); /* 6 */
	ret(&p, SECCOMP_RET_ALLOW);                    /* 7 */
	load(&p, offsetof(struct seccomp_data, nr));   /* 8 */
	/* after the comparisons: allow, trap, then open's and openat's flags,
	 * each with its own trap and allow (BPF jumps only forward) */
	size_t allow = 9 + 2 + n_always + n_maybe, trap = allow + 1, open_flags = allow + 2,
	       openat_flags = allow + 6;
	jump(&p, BPF_JEQ, SYS_open, open_flags, p.n + 1u);
	jump(&p, BPF_JEQ, SYS_openat, openat_flags, p.n + 1u);
	for (size_t i = 0; i < n_always; i++)
		jump(&p, BPF_JEQ, (uint32_t)always[i], trap, p.n + 1u);
	for (size_t i = 0; i < n_maybe; i++)
		jump(&p, BPF_JEQ, (uint32_t)maybe[i], trap, p.n + 1u);
	ret(&p, SECCOMP_RET_ALLOW);    /* allow */
	ret(&p, SECCOMP_RET_TRAP);     /* trap */
	for (int k = 1; k <= 2; k++) { /* open(path, flags, mode), openat(dir, path, flags, mode) */
		load(&p, offsetof(struct seccomp_data, args) + 8u * (size_t)k);
		jump(&p, BPF_JSET, WRITING, p.n + 1u, p.n + 2u);
		ret(&p, SECCOMP_RET_TRAP);
		ret(&p, SECCOMP_RET_ALLOW);
	}
	struct sock_fprog prog = {.len = p.n, .filter = p.f};
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
		return -1;
	return (int)syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_TSYNC, &prog);
}

__attribute__((constructor)) static void killer_init(void)
{
	const char *at = getenv("SAMKALK_FAULT_KILL_AT");
	const char *file = getenv("SAMKALK_FAULT_COUNT");
	kill_at = at ? strtol(at, NULL, 10) : 0;
	if (file) {
		int fd = open(file, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
		if (fd < 0 || ftruncate(fd, 21) != 0)
			_exit(121);
		count_map = mmap(NULL, 21, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
		close(fd);
		if (count_map == MAP_FAILED)
			_exit(121);
		count_map[20] = '\n';
		show_count(0);
	}
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = on_sigsys;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGSYS, &sa, NULL) != 0 || install_filter() != 0)
		_exit(122); /* a run that could not be counted must not pass */
}
