/*
 * Feeds that are programs: /bin/sh -c COMMAND run beside the poller's
 * transfers, its standard output collected as the feed (its input, for a
 * filter, the fetched body), within a time and size limit.
 */
#ifndef TELEX_EXEC_H
#define TELEX_EXEC_H

#include <sys/poll.h>
#include <stddef.h>

struct exec_limits {
	int		 parallel;	/* commands at once */
	long		 timeout;	/* seconds each; 0: none */
	size_t		 max_output;	/* bytes of standard output */
};

struct exec_result {
	void		*user;		/* as given to exec_start */
	int		 ok;		/* exited 0 and wrote something */
	const char	*error;		/* one sentence when not ok */
	const char	*out;		/* standard output, NUL-terminated */
	size_t		 len;
	double		 seconds;	/* from start to end */
};

typedef void (*exec_done_cb)(const struct exec_result *, void *arg);

struct exec_set;

struct exec_set	*exec_create(const struct exec_limits *, exec_done_cb,
		     void *arg);
/*
 * Queue cmd, with len bytes of input (copied; NULL: none) on its
 * standard input; it starts in exec_service when there is room.
 */
void		 exec_start(struct exec_set *, const char *cmd,
		     const char *input, size_t len, void *user);
/* Commands queued or running, not yet handed to the callback. */
size_t		 exec_pending(const struct exec_set *);
/* The pipes to wait on, up to max, into fds; returns how many. */
size_t		 exec_fds(const struct exec_set *, struct pollfd *fds,
		     size_t max);
/* How long a wait may last, at most max_ms, before exec_service. */
int		 exec_wait_ms(const struct exec_set *, int max_ms);
/*
 * Start what waits, move the bytes the pipes allow without blocking,
 * stop commands past their limits and call back for those that ended.
 */
void		 exec_service(struct exec_set *);
/*
 * Kill every command left (its whole process group) and reap it; drop
 * is called with the user pointer of each, no callback is made.
 */
void		 exec_free(struct exec_set *, void (*drop)(void *user));

#endif
