/*
 * Feeds that are programs.  Each command runs as /bin/sh -c COMMAND in a
 * process group of its own, with none of telex's descriptors but its
 * three pipes; it is stopped (the whole group) past its time or output
 * limit, and whatever it left running is stopped when it exits.
 */
#define _GNU_SOURCE	/* pipe2, close_range */
#include "config.h"

#include <sys/types.h>
#include <sys/wait.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sys/poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "exec.h"
#include "util.h"

#define EXEC_STDERR_KEEP	4096	/* bytes of standard error kept */
#define EXEC_LINE_MAX		200	/* bytes of it shown in the error */
#define EXEC_GRACE		1.0	/* s a pipe may stay open after exit */
#define EXEC_TICK_MS		10	/* between looks at a silent command */

enum exec_state {
	EXEC_QUEUED,
	EXEC_RUNNING,
	EXEC_DONE
};

struct exec_job {
	void		*user;
	char		*cmd;
	char		*input;
	size_t		 inlen;
	size_t		 inoff;
	enum exec_state	 state;
	pid_t		 pid;		/* until reaped */
	int		 in_fd;		/* -1 when closed */
	int		 out_fd;
	int		 err_fd;
	struct buf	 out;
	char		 err[EXEC_STDERR_KEEP + 1];
	size_t		 errlen;
	double		 started;
	double		 ended;		/* when the shell exited */
	int		 status;	/* from waitpid */
	int		 exited;
	int		 timed_out;
	int		 too_big;
	char		*error;		/* could not start */
};

struct exec_set {
	struct exec_limits	 limits;
	exec_done_cb		 cb;
	void			*arg;
	struct exec_job		**jobs;
	size_t			 n;
	size_t			 cap;
	size_t			 running;
};

struct exec_set *
exec_create(const struct exec_limits *limits, exec_done_cb cb, void *arg)
{
	struct exec_set	*s;

	s = xcalloc(1, sizeof *s);
	s->limits = *limits;
	if (s->limits.parallel < 1)
		s->limits.parallel = 1;
	s->cb = cb;
	s->arg = arg;
	return (s);
}

void
exec_start(struct exec_set *s, const char *cmd, const char *input,
    size_t len, void *user)
{
	struct exec_job	*j;

	j = xcalloc(1, sizeof *j);
	j->user = user;
	j->cmd = xstrdup(cmd);
	if (input != NULL) {
		j->input = xmalloc(len + 1);
		memcpy(j->input, input, len);
		j->inlen = len;
	}
	j->pid = -1;
	j->in_fd = j->out_fd = j->err_fd = -1;
	buf_init(&j->out, s->limits.max_output + 1);
	if (s->n == s->cap) {
		s->cap = s->cap == 0 ? 8 : s->cap * 2;
		s->jobs = xreallocarray(s->jobs, s->cap, sizeof *s->jobs);
	}
	s->jobs[s->n++] = j;
}

size_t
exec_pending(const struct exec_set *s)
{
	return (s == NULL ? 0 : s->n);
}

static void
exec_close(int *fd)
{
	if (*fd != -1)
		close(*fd);
	*fd = -1;
}

static void
exec_job_free(struct exec_job *j)
{
	exec_close(&j->in_fd);
	exec_close(&j->out_fd);
	exec_close(&j->err_fd);
	buf_free(&j->out);
	free(j->input);
	free(j->cmd);
	free(j->error);
	free(j);
}

/*
 * In the child, between fork and exec (only async-signal-safe calls):
 * its own process group, the pipes as 0, 1 and 2 and nothing else open,
 * default signals, then the shell.
 */
static void
exec_child(const struct exec_job *j, int in, int out, int err, long maxfd)
{
	char		*argv[] = { (char *)"sh", (char *)"-c", j->cmd, NULL };
	static const int reset[] = { SIGPIPE, SIGINT, SIGQUIT, SIGHUP,
	    SIGTERM, SIGCHLD, SIGTSTP, SIGTTIN, SIGTTOU };
	struct sigaction sa;
	sigset_t	 none;
	extern char	**environ;
	size_t		 i;
	long		 fd;

	setpgid(0, 0);
#ifdef __linux__
	prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
	if (dup2(in, STDIN_FILENO) == -1 || dup2(out, STDOUT_FILENO) == -1 ||
	    dup2(err, STDERR_FILENO) == -1)
		_exit(126);
#if defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 34)
	if (close_range(3, ~0U, 0) != 0)
#endif
		for (fd = 3; fd < maxfd; fd++)
			close((int)fd);
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_DFL;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof reset / sizeof reset[0]; i++)
		sigaction(reset[i], &sa, NULL);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	execve("/bin/sh", argv, environ);
	_exit(127);
}

/* Pipes and /dev/null for a job: 0, or -1 with errno. */
static int
exec_pipes(const struct exec_job *j, int in[2], int out[2], int err[2])
{
	in[0] = in[1] = out[0] = out[1] = err[0] = err[1] = -1;
	if (j->input != NULL) {
		if (pipe2(in, O_CLOEXEC) == -1)
			return (-1);
	} else if ((in[0] = open("/dev/null", O_RDONLY | O_CLOEXEC)) == -1)
		return (-1);
	if (pipe2(out, O_CLOEXEC) == -1 || pipe2(err, O_CLOEXEC) == -1)
		return (-1);
	return (0);
}

static void
exec_pipes_close(int in[2], int out[2], int err[2])
{
	exec_close(&in[0]);
	exec_close(&in[1]);
	exec_close(&out[0]);
	exec_close(&out[1]);
	exec_close(&err[0]);
	exec_close(&err[1]);
}

static void
exec_nonblock(int fd)
{
	if (fd != -1)
		fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
}

/* Fork the job's shell; on failure the job is done with its error. */
static void
exec_launch(struct exec_set *s, struct exec_job *j)
{
	int	 in[2], out[2], err[2], saved;
	long	 maxfd;
	pid_t	 pid;

	j->started = util_monotonic();
	j->state = EXEC_RUNNING;
	s->running++;
	if ((maxfd = sysconf(_SC_OPEN_MAX)) < 0 || maxfd > 65536)
		maxfd = 65536;
	if (exec_pipes(j, in, out, err) == -1 || (pid = fork()) == -1) {
		saved = errno;
		exec_pipes_close(in, out, err);
		j->error = xasprintf("cannot run the command: %s",
		    strerror(saved));
		j->state = EXEC_DONE;
		j->exited = 1;
		s->running--;
		return;
	}
	if (pid == 0)
		exec_child(j, in[0], out[1], err[1], maxfd);
	setpgid(pid, pid);
	j->pid = pid;
	exec_close(&in[0]);
	exec_close(&out[1]);
	exec_close(&err[1]);
	j->in_fd = in[1];
	j->out_fd = out[0];
	j->err_fd = err[0];
	exec_nonblock(j->in_fd);
	exec_nonblock(j->out_fd);
	exec_nonblock(j->err_fd);
}

/* Stop the job's process group (the shell and all it started). */
static void
exec_kill(struct exec_job *j)
{
	if (j->pid > 0) {
		kill(-j->pid, SIGKILL);
		kill(j->pid, SIGKILL);
	}
}

/*
 * Write what the pipe takes of the input; a command that stops reading
 * neither blocks telex nor ends it (SIGPIPE is held back and taken).
 */
static void
exec_write(struct exec_job *j)
{
	sigset_t	 pipe_set, old;
	struct timespec	 zero = { 0, 0 };
	ssize_t		 n = 0;

	if (j->in_fd == -1)
		return;
	sigemptyset(&pipe_set);
	sigaddset(&pipe_set, SIGPIPE);
	pthread_sigmask(SIG_BLOCK, &pipe_set, &old);
	while (j->inoff < j->inlen) {
		n = write(j->in_fd, j->input + j->inoff, j->inlen - j->inoff);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		j->inoff += (size_t)n;
	}
	if (j->inoff == j->inlen || (n == -1 && errno != EAGAIN)) {
		exec_close(&j->in_fd);
		free(j->input);
		j->input = NULL;
	}
	while (sigtimedwait(&pipe_set, NULL, &zero) == SIGPIPE)
		;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
}

/* Read standard output; past the limit the command is stopped. */
static void
exec_read_out(struct exec_set *s, struct exec_job *j)
{
	char	 chunk[65536];
	ssize_t	 n;

	while (j->out_fd != -1) {
		n = read(j->out_fd, chunk, sizeof chunk);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1 && errno == EAGAIN)
			return;
		if (n <= 0) {
			exec_close(&j->out_fd);
			return;
		}
		if (j->out.len + (size_t)n > s->limits.max_output ||
		    buf_add(&j->out, chunk, (size_t)n) != 0) {
			j->too_big = 1;
			exec_kill(j);
			exec_close(&j->out_fd);
		}
	}
}

/* Read standard error, keeping its start. */
static void
exec_read_err(struct exec_job *j)
{
	char	 chunk[4096];
	size_t	 room;
	ssize_t	 n;

	while (j->err_fd != -1) {
		n = read(j->err_fd, chunk, sizeof chunk);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1 && errno == EAGAIN)
			return;
		if (n <= 0) {
			exec_close(&j->err_fd);
			return;
		}
		room = EXEC_STDERR_KEEP - j->errlen;
		if ((size_t)n < room)
			room = (size_t)n;
		memcpy(j->err + j->errlen, chunk, room);
		j->errlen += room;
	}
}

/*
 * Has the shell exited?  Then its group is stopped before it is reaped
 * (so the group's number cannot be reused meanwhile): a child it left
 * behind does not outlive it.
 */
static void
exec_reap(struct exec_job *j)
{
	siginfo_t	 info;

	if (j->pid <= 0)
		return;
	memset(&info, 0, sizeof info);
	if (waitid(P_PID, (id_t)j->pid, &info, WEXITED | WNOHANG |
	    WNOWAIT) == -1) {
		if (errno != ECHILD)
			return;
		j->status = 0;	/* reaped by someone else */
	} else if (info.si_pid != j->pid)
		return;
	else {
		kill(-j->pid, SIGKILL);
		while (waitpid(j->pid, &j->status, 0) == -1 && errno == EINTR)
			;
	}
	j->pid = -1;
	j->exited = 1;
	j->ended = util_monotonic();
}

/* Limits: time for the command, grace for pipes held after it exited. */
static void
exec_limit(struct exec_set *s, struct exec_job *j, double now)
{
	if (!j->exited && s->limits.timeout > 0 &&
	    now - j->started >= (double)s->limits.timeout) {
		j->timed_out = 1;
		exec_kill(j);
	}
	if (j->exited && now - j->ended >= EXEC_GRACE) {
		exec_close(&j->out_fd);
		exec_close(&j->err_fd);
	}
	if (j->exited && j->in_fd == -1 && j->out_fd == -1 &&
	    j->err_fd == -1)
		j->state = EXEC_DONE;
}

static void
exec_step(struct exec_set *s, struct exec_job *j)
{
	exec_write(j);
	exec_read_out(s, j);
	exec_read_err(j);
	exec_reap(j);
	if (j->exited) {
		exec_close(&j->in_fd);
		exec_read_out(s, j);
		exec_read_err(j);
	}
	exec_limit(s, j, util_monotonic());
}

/* "32 MiB", "64 KiB", "900 bytes". */
static char *
exec_size_text(size_t n)
{
	if (n >= (1 << 20) && n % (1 << 20) == 0)
		return (xasprintf("%zu MiB", n >> 20));
	if (n >= 1024 && n % 1024 == 0)
		return (xasprintf("%zu KiB", n >> 10));
	return (xasprintf("%zu bytes", n));
}

/* The first line of standard error that says something, or NULL. */
static char *
exec_stderr_line(struct exec_job *j)
{
	char	*s, *end, *copy, *line, *out;
	size_t	 len;

	j->err[j->errlen] = '\0';
	for (s = j->err; *s != '\0'; s = end + (*end != '\0')) {
		end = s + strcspn(s, "\r\n");
		copy = xstrndup(s, (size_t)(end - s));
		line = util_trim(copy);
		if (*line == '\0') {
			free(copy);
			continue;
		}
		if ((len = strlen(line)) > EXEC_LINE_MAX) {
			len = EXEC_LINE_MAX;
			while (len > 0 && (line[len] & 0xc0) == 0x80)
				len--;
			line = xasprintf("%.*s\xe2\x80\xa6", (int)len, line);
			free(copy);
			copy = line;
		}
		out = util_display_safe(line);
		free(copy);
		return (out);
	}
	return (NULL);
}

/* Why the command failed, or NULL when it wrote a feed. */
static char *
exec_why(struct exec_set *s, struct exec_job *j)
{
	char	*size, *why;

	if (j->error != NULL)
		return (xstrdup(j->error));
	if (j->too_big) {
		size = exec_size_text(s->limits.max_output);
		why = xasprintf("the command wrote more than %s and was "
		    "stopped", size);
		free(size);
	} else if (j->timed_out)
		why = xasprintf("the command ran longer than %ld s and was "
		    "stopped", s->limits.timeout);
	else if (WIFSIGNALED(j->status))
		why = xasprintf("the command was killed by signal %d (%s)",
		    WTERMSIG(j->status), strsignal(WTERMSIG(j->status)));
	else if (WEXITSTATUS(j->status) != 0)
		why = xasprintf("the command exited with status %d",
		    WEXITSTATUS(j->status));
	else if (j->out.len == 0)
		why = xstrdup("the command wrote nothing");
	else
		return (NULL);
	return (why);
}

static void
exec_deliver(struct exec_set *s, struct exec_job *j)
{
	struct exec_result	 r;
	char			*why, *line;

	memset(&r, 0, sizeof r);
	r.user = j->user;
	if ((why = exec_why(s, j)) != NULL &&
	    (line = exec_stderr_line(j)) != NULL) {
		j->error = xasprintf("%s: %s", why, line);
		free(why);
		free(line);
	} else if (why != NULL) {
		free(j->error);
		j->error = why;
	}
	r.ok = why == NULL;
	r.error = r.ok ? NULL : j->error;
	r.out = r.ok ? j->out.data : "";
	r.len = r.ok ? j->out.len : 0;
	r.seconds = (j->ended != 0 ? j->ended : util_monotonic()) -
	    j->started;
	s->cb(&r, s->arg);
}

void
exec_service(struct exec_set *s)
{
	struct exec_job	*j;
	size_t		 i;

	if (s == NULL)
		return;
	for (i = 0; i < s->n && s->running < (size_t)s->limits.parallel; i++) {
		if (s->jobs[i]->state == EXEC_QUEUED)
			exec_launch(s, s->jobs[i]);
	}
	for (i = 0; i < s->n; i++) {
		if (s->jobs[i]->state == EXEC_RUNNING)
			exec_step(s, s->jobs[i]);
		if (s->jobs[i]->state == EXEC_RUNNING)
			continue;
		if (s->jobs[i]->state == EXEC_QUEUED)
			continue;
		j = s->jobs[i];
		memmove(&s->jobs[i], &s->jobs[i + 1],
		    (s->n - i - 1) * sizeof *s->jobs);
		s->n--;
		i--;
		if (j->started != 0 && j->error == NULL)
			s->running--;
		exec_deliver(s, j);
		exec_job_free(j);
	}
}

size_t
exec_fds(const struct exec_set *s, struct pollfd *fds, size_t max)
{
	const struct exec_job	*j;
	size_t			 i, n = 0;

	for (i = 0; s != NULL && i < s->n; i++) {
		j = s->jobs[i];
		if (j->in_fd != -1 && n < max) {
			fds[n].fd = j->in_fd;
			fds[n++].events = POLLOUT;
		}
		if (j->out_fd != -1 && n < max) {
			fds[n].fd = j->out_fd;
			fds[n++].events = POLLIN;
		}
		if (j->err_fd != -1 && n < max) {
			fds[n].fd = j->err_fd;
			fds[n++].events = POLLIN;
		}
	}
	return (n);
}

/* Milliseconds until t seconds past since, at least 0. */
static int
exec_ms_until(double since, double t, double now)
{
	double	 left = (since + t - now) * 1000;

	if (left <= 0)
		return (0);
	return (left > INT_MAX ? INT_MAX : (int)left + 1);
}

int
exec_wait_ms(const struct exec_set *s, int max_ms)
{
	const struct exec_job	*j;
	double			 now = util_monotonic();
	size_t			 i;
	int			 ms = max_ms, m;

	for (i = 0; s != NULL && i < s->n; i++) {
		j = s->jobs[i];
		if (j->state == EXEC_QUEUED && s->running <
		    (size_t)s->limits.parallel)
			return (0);
		if (j->state != EXEC_RUNNING)
			continue;
		m = max_ms;
		if (j->exited)
			m = exec_ms_until(j->ended, EXEC_GRACE, now);
		else if (j->timed_out || j->out_fd == -1 || j->err_fd == -1)
			m = EXEC_TICK_MS;	/* no pipe will say it ended */
		else if (s->limits.timeout > 0)
			m = exec_ms_until(j->started,
			    (double)s->limits.timeout, now);
		if (m < ms)
			ms = m;
	}
	return (ms);
}

void
exec_free(struct exec_set *s, void (*drop)(void *))
{
	struct exec_job	*j;
	size_t		 i;

	if (s == NULL)
		return;
	for (i = 0; i < s->n; i++) {
		j = s->jobs[i];
		if (j->pid > 0) {
			exec_kill(j);
			while (waitpid(j->pid, &j->status, 0) == -1 &&
			    errno == EINTR)
				;
		}
		if (drop != NULL)
			drop(j->user);
		exec_job_free(j);
	}
	free(s->jobs);
	free(s);
}
