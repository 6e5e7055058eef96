/*
 * Running the user's commands with /bin/sh: the environment is built
 * apart from the command line, input is written without letting a
 * command that stops reading end telex (SIGPIPE is held back), and a
 * time limit kills the command's whole process group.
 */
#include "config.h"

#include <sys/poll.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "date.h"
#include "run.h"
#include "util.h"

void
run_env_set(struct run_env *e, const char *name, const char *value)
{
	e->vars = xreallocarray(e->vars, e->n + 1, sizeof *e->vars);
	e->vars[e->n++] = xasprintf("%s=%s", name, value != NULL ? value : "");
}

void
run_env_item(struct run_env *e, const struct store_item *it,
    const char *link)
{
	struct buf	 tags;
	char		 id[32], date[64];
	size_t		 i;

	snprintf(id, sizeof id, "%lld", (long long)it->id);
	date_format_iso(it->date, date, sizeof date);
	run_env_set(e, "TELEX_ID", id);
	run_env_set(e, "TELEX_URL", it->url);
	run_env_set(e, "TELEX_TITLE", it->title);
	run_env_set(e, "TELEX_FEED", it->feed);
	run_env_set(e, "TELEX_AUTHOR", it->author);
	run_env_set(e, "TELEX_DATE", date);
	buf_init(&tags, 0);
	for (i = 0; i < it->ntags; i++)
		buf_printf(&tags, "%s%s", i == 0 ? "" : " ", it->tags[i]);
	run_env_set(e, "TELEX_TAGS", tags.data);
	buf_free(&tags);
	run_env_set(e, "TELEX_ENCLOSURE", it->nenclosures != 0 ?
	    it->enclosures[0].url : NULL);
	if (link != NULL)
		run_env_set(e, "TELEX_LINK", link);
}

void
run_env_free(struct run_env *e)
{
	size_t	 i;

	for (i = 0; i < e->n; i++)
		free(e->vars[i]);
	free(e->vars);
	e->vars = NULL;
	e->n = 0;
}

/* Is var (NAME=...) one that e sets? */
static int
run_env_has(const struct run_env *e, const char *var)
{
	size_t	 i, len = strcspn(var, "=");

	for (i = 0; e != NULL && i < e->n; i++) {
		if (strncmp(e->vars[i], var, len) == 0 &&
		    e->vars[i][len] == '=')
			return (1);
	}
	return (0);
}

char **
run_env_build(const struct run_env *e)
{
	extern char	**environ;
	char		**envp;
	size_t		  i, n = 0, count = 0;

	while (environ[count] != NULL)
		count++;
	envp = xreallocarray(NULL, count + (e != NULL ? e->n : 0) + 1,
	    sizeof *envp);
	for (i = 0; i < count; i++) {
		if (!run_env_has(e, environ[i]))
			envp[n++] = environ[i];
	}
	for (i = 0; e != NULL && i < e->n; i++)
		envp[n++] = e->vars[i];
	envp[n] = NULL;
	return (envp);
}

/* The child: its input, output and process group, then the shell. */
static void
run_child(const char *cmd, char **envp, int in, enum run_how how, int limit)
{
	char	*argv[] = { (char *)"sh", (char *)"-c", (char *)cmd, NULL };
	int	 null;

	if (limit > 0)
		setpgid(0, 0);
	if (how == RUN_DETACH && fork() != 0)
		_exit(0);	/* the grandchild runs on, adopted by init */
	null = open("/dev/null", O_RDWR);
	if (in != -1)
		dup2(in, STDIN_FILENO);
	else if (how != RUN_WAIT && null != -1)
		dup2(null, STDIN_FILENO);
	if (how != RUN_WAIT && null != -1) {
		dup2(null, STDOUT_FILENO);
		dup2(null, STDERR_FILENO);
	}
	signal(SIGPIPE, SIG_DFL);
	execve("/bin/sh", argv, envp);
	_exit(127);
}

static double
run_now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((double)ts.tv_sec + (double)ts.tv_nsec / 1e9);
}

/* Milliseconds left before deadline (0: none), at least 0; -1: forever. */
static int
run_left(double deadline)
{
	double	 left;

	if (deadline == 0)
		return (-1);
	left = (deadline - run_now()) * 1000;
	return (left > 0 ? (int)left : 0);
}

/* Write input to fd until done, the reader leaves, or the deadline. */
static void
run_feed(int fd, const char *input, double deadline)
{
	struct pollfd	 pfd;
	sigset_t	 pipe_set, old;
	struct timespec	 zero = { 0, 0 };
	size_t		 len = strlen(input), off = 0;
	ssize_t		 n;

	sigemptyset(&pipe_set);
	sigaddset(&pipe_set, SIGPIPE);
	pthread_sigmask(SIG_BLOCK, &pipe_set, &old);
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
	pfd.fd = fd;
	pfd.events = POLLOUT;
	while (off < len) {
		if (poll(&pfd, 1, run_left(deadline)) <= 0)
			break;
		n = write(fd, input + off, len - off);
		if (n == -1 && (errno == EINTR || errno == EAGAIN))
			continue;
		if (n <= 0)
			break;
		off += (size_t)n;
	}
	close(fd);
	/* A SIGPIPE that came meanwhile is taken here, not by telex. */
	while (sigtimedwait(&pipe_set, NULL, &zero) == SIGPIPE)
		;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
}

/* Wait for pid until deadline; then kill its group. */
static int
run_wait(pid_t pid, double deadline, int *status)
{
	struct timespec	 tick = { 0, 10 * 1000 * 1000 };
	pid_t		 got;

	for (;;) {
		got = waitpid(pid, status, deadline != 0 ? WNOHANG : 0);
		if (got == pid)
			return (0);
		if (got == -1 && errno != EINTR)
			return (-1);
		if (deadline != 0 && run_left(deadline) == 0) {
			kill(-pid, SIGKILL);
			kill(pid, SIGKILL);
			while (waitpid(pid, status, 0) == -1 && errno == EINTR)
				;
			return (1);
		}
		if (got == 0)
			nanosleep(&tick, NULL);
	}
}

int
run_command(const char *cmd, const struct run_env *e, const char *input,
    enum run_how how, int limit, char **cause)
{
	double	 deadline = limit > 0 ? run_now() + limit : 0;
	char	**envp;
	pid_t	 pid;
	int	 fds[2] = { -1, -1 }, status = 0, rc;

	if (input != NULL && pipe(fds) == -1) {
		*cause = xasprintf("cannot run \"%s\": %s", cmd,
		    strerror(errno));
		return (-1);
	}
	envp = run_env_build(e);
	if ((pid = fork()) == -1) {
		*cause = xasprintf("cannot run \"%s\": %s", cmd,
		    strerror(errno));
		free(envp);
		if (input != NULL) {
			close(fds[0]);
			close(fds[1]);
		}
		return (-1);
	}
	if (pid == 0) {
		if (input != NULL)
			close(fds[1]);
		run_child(cmd, envp, fds[0], how, limit);
	}
	free(envp);
	if (limit > 0)
		setpgid(pid, pid);
	if (input != NULL) {
		close(fds[0]);
		run_feed(fds[1], input, deadline);
	}
	if ((rc = run_wait(pid, deadline, &status)) != 0) {
		*cause = rc > 0 ? xasprintf("\"%s\" took longer than %d s and "
		    "was stopped", cmd, limit) : xasprintf("cannot wait for "
		    "\"%s\": %s", cmd, strerror(errno));
		return (-1);
	}
	if (how == RUN_DETACH)
		return (0);
	if (WIFSIGNALED(status)) {
		*cause = xasprintf("\"%s\" was killed by signal %d", cmd,
		    WTERMSIG(status));
		return (-1);
	}
	return (WEXITSTATUS(status));
}

int
run_item(struct store *st, int64_t id, const char *cmd, const char *link,
    enum run_how how, char **cause)
{
	struct store_item	 it;
	struct run_env		 env;
	int			 rc;

	if ((rc = store_item_get(st, id, &it)) != 0) {
		*cause = rc == 1 ? xasprintf("item %lld is not in the archive",
		    (long long)id) : xasprintf("cannot read item %lld: %s",
		    (long long)id, store_errmsg(st));
		return (-1);
	}
	memset(&env, 0, sizeof env);
	run_env_item(&env, &it, link);
	rc = run_command(cmd, &env, NULL, how, 0, cause);
	run_env_free(&env);
	store_item_free(&it);
	return (rc);
}

/* In the detached child: exec argv, or tell the parent why not. */
static void
run_detached_child(char *const argv[], int report)
{
	int	 null, error;

	if (fork() != 0)
		_exit(0);	/* the grandchild runs on, adopted by init */
	setsid();
	if ((null = open("/dev/null", O_RDWR)) != -1) {
		dup2(null, STDIN_FILENO);
		dup2(null, STDOUT_FILENO);
		dup2(null, STDERR_FILENO);
	}
	signal(SIGPIPE, SIG_DFL);
	execvp(argv[0], argv);
	error = errno;
	if (write(report, &error, sizeof error) != (ssize_t)sizeof error)
		_exit(126);
	_exit(127);
}

int
run_detached(char *const argv[], char **cause)
{
	pid_t	 pid;
	int	 fds[2], error = 0;
	ssize_t	 n;

	if (pipe(fds) == -1 || fcntl(fds[1], F_SETFD, FD_CLOEXEC) == -1) {
		*cause = xasprintf("cannot run %s: %s", argv[0],
		    strerror(errno));
		return (-1);
	}
	if ((pid = fork()) == 0) {
		close(fds[0]);
		run_detached_child(argv, fds[1]);
	}
	close(fds[1]);
	if (pid == -1) {
		close(fds[0]);
		*cause = xasprintf("cannot run %s: %s", argv[0],
		    strerror(errno));
		return (-1);
	}
	/* The pipe closes on a successful exec; else it brings errno. */
	while ((n = read(fds[0], &error, sizeof error)) == -1 && errno == EINTR)
		;
	close(fds[0]);
	while (waitpid(pid, NULL, 0) == -1 && errno == EINTR)
		;
	if (n == (ssize_t)sizeof error) {
		*cause = xasprintf("cannot run %s: %s", argv[0],
		    strerror(error));
		return (-1);
	}
	return (0);
}

#define RUN_SECRET_MAX	4096	/* bytes of a secret command's output */
#define RUN_STDERR_MAX	512	/* of its error output, for the cause */

/* The child of run_secret: no input, output to out, errors to err. */
static void
run_secret_child(const char *cmd, int out, int err)
{
	char	*argv[] = { (char *)"sh", (char *)"-c", (char *)cmd, NULL };
	int	 null;

	setpgid(0, 0);
	if ((null = open("/dev/null", O_RDONLY)) != -1)
		dup2(null, STDIN_FILENO);
	dup2(out, STDOUT_FILENO);
	dup2(err, STDERR_FILENO);
	signal(SIGPIPE, SIG_DFL);
	execl("/bin/sh", argv[0], argv[1], argv[2], (char *)NULL);
	_exit(127);
}

/* Read out and err into their buffers until both close or deadline. */
static int
run_secret_read(int out, int err, struct buf *o, struct buf *e,
    double deadline)
{
	struct pollfd	 pfd[2];
	char		 chunk[512];
	ssize_t		 n;
	int		 open_fds = 2, i;

	pfd[0].fd = out;
	pfd[1].fd = err;
	pfd[0].events = pfd[1].events = POLLIN;
	while (open_fds > 0) {
		if (poll(pfd, 2, run_left(deadline)) <= 0)
			return (-1);
		for (i = 0; i < 2; i++) {
			if (pfd[i].fd == -1 || pfd[i].revents == 0)
				continue;
			n = read(pfd[i].fd, chunk, sizeof chunk);
			if (n == -1 && errno == EINTR)
				continue;
			if (n <= 0) {
				pfd[i].fd = -1;
				open_fds--;
				continue;
			}
			/* Past the cap the rest is read and dropped. */
			(void)buf_add(i == 0 ? o : e, chunk, (size_t)n);
		}
	}
	return (0);
}

/* The first line of s, cut at \r or \n, as a new string. */
static char *
run_first_line(const char *s)
{
	return (xstrndup(s, strcspn(s, "\r\n")));
}

/* Why a secret command failed, from its status and error output. */
static char *
run_secret_why(const char *cmd, int status, const struct buf *e)
{
	char	*line, *safe, *why;

	if (WIFSIGNALED(status))
		return (xasprintf("\"%s\" was killed by signal %d", cmd,
		    WTERMSIG(status)));
	line = run_first_line(e->len != 0 ? e->data : "");
	safe = util_display_safe(line);
	why = *safe != '\0' ? xasprintf("\"%s\" ended with status %d: %s",
	    cmd, WEXITSTATUS(status), safe) : xasprintf("\"%s\" ended with "
	    "status %d", cmd, WEXITSTATUS(status));
	free(safe);
	free(line);
	return (why);
}

int
run_secret(const char *cmd, int limit, char **secret, char **cause)
{
	double		 deadline = run_now() + limit;
	struct buf	 o, e;
	pid_t		 pid;
	int		 out[2], err[2], status = 0, rc = -1, late;

	*secret = NULL;
	if (pipe(out) == -1) {
		*cause = xasprintf("cannot run \"%s\": %s", cmd,
		    strerror(errno));
		return (-1);
	}
	if (pipe(err) == -1) {
		*cause = xasprintf("cannot run \"%s\": %s", cmd,
		    strerror(errno));
		close(out[0]);
		close(out[1]);
		return (-1);
	}
	if ((pid = fork()) == -1) {
		*cause = xasprintf("cannot run \"%s\": %s", cmd,
		    strerror(errno));
		close(out[0]);
		close(out[1]);
		close(err[0]);
		close(err[1]);
		return (-1);
	}
	if (pid == 0) {
		close(out[0]);
		close(err[0]);
		run_secret_child(cmd, out[1], err[1]);
	}
	setpgid(pid, pid);
	close(out[1]);
	close(err[1]);
	buf_init(&o, RUN_SECRET_MAX);
	buf_init(&e, RUN_STDERR_MAX);
	late = run_secret_read(out[0], err[0], &o, &e, deadline) != 0;
	close(out[0]);
	close(err[0]);
	if (late)
		deadline = run_now();	/* kill it now */
	if (run_wait(pid, deadline, &status) != 0 || late)
		*cause = xasprintf("\"%s\" took longer than %d s and was "
		    "stopped", cmd, limit);
	else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		*cause = run_secret_why(cmd, status, &e);
	else if (o.len == 0 || o.data[0] == '\n' || o.data[0] == '\r')
		*cause = xasprintf("\"%s\" printed nothing", cmd);
	else {
		*secret = run_first_line(o.data);
		rc = 0;
	}
	util_wipe(o.data, o.len);
	buf_free(&o);
	buf_free(&e);
	return (rc);
}
