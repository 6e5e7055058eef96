/*
 * Unit tests for feeds/exec.c: commands run through the set as the
 * poller runs them, with their output, input, failures and limits, and
 * exec_free stopping what still runs.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <signal.h>
#include <sys/poll.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "exec.h"
#include "util.h"

struct outcome {
	int	 done;
	int	 ok;
	char	*out;
	char	*error;
};

static void
test_exec_done(const struct exec_result *r, void *arg)
{
	struct outcome	*o = r->user;

	(void)arg;
	o->done++;
	o->ok = r->ok;
	o->out = xstrndup(r->out, r->len);
	o->error = r->error != NULL ? xstrdup(r->error) : NULL;
}

/* Drive the set as the poller does until every command has ended. */
static void
test_exec_drive(struct exec_set *s)
{
	struct pollfd	 fds[64];
	size_t		 n;

	exec_service(s);
	while (exec_pending(s) > 0) {
		n = exec_fds(s, fds, 64);
		poll(fds, n, exec_wait_ms(s, 1000));
		exec_service(s);
	}
}

struct exec_case {
	const char	*name;
	const char	*cmd;
	size_t		 input;		/* bytes of input, 0: none */
	long		 timeout;
	size_t		 max_output;
	int		 ok;
	const char	*want;		/* output, or a part of the error */
};

static const struct exec_case cases[] = {
	{ "output", "printf '<rss><channel/></rss>'", 0, 10, 1024, 1,
	    "<rss><channel/></rss>" },
	{ "no input", "cat; printf fim", 0, 10, 1024, 1, "fim" },
	{ "input", "tr a-z A-Z", 40, 10, 1024, 1,
	    "ALMANAQUE DO PORTO ALMANAQUE DO PORTO AL" },
	{ "much input", "cat >/dev/null; printf lido", 3 << 20, 10, 1024,
	    1, "lido" },
	{ "input not read", "head -c 3; printf :", 3 << 20, 10, 1024, 1,
	    "alm:" },
	{ "exit status", "echo 'sem rede, tente mais tarde' >&2; exit 3", 0,
	    10, 1024, 0, "the command exited with status 3: sem rede, tente "
	    "mais tarde" },
	{ "first line that says something",
	    "printf '\\n   \\n  erste Zeile  \\nzweite\\n' >&2; exit 1", 0, 10,
	    1024, 0, "the command exited with status 1: erste Zeile" },
	{ "long error line", "printf '%0300d\\n' 7 >&2; exit 1", 0, 10, 1024,
	    0, ": 0000000000" },
	{ "not found", "telex-no-such-command-anywhere", 0, 10, 1024, 0,
	    "the command exited with status 127: " },
	{ "signal", "kill -TERM $$", 0, 10, 1024, 0,
	    "the command was killed by signal 15" },
	{ "time limit", "printf x; sleep 30", 0, 1, 1024, 0,
	    "the command ran longer than 1 s and was stopped" },
	{ "size limit", "yes 'feed feed feed'", 0, 10, 4096, 0,
	    "the command wrote more than 4 KiB and was stopped" },
	{ "nothing", "true", 0, 10, 1024, 0, "the command wrote nothing" },
	{ "pipes closed early", "printf ok; exec >&- 2>&-; sleep 1", 0, 10,
	    1024, 1, "ok" },
	{ "exactly the limit", "head -c 1024 /dev/zero | tr '\\0' a", 0, 10,
	    1024, 1, NULL }
};

static void
test_exec_cases(void **state)
{
	struct exec_limits	 limits = { 4, 10, 1024 };
	struct outcome		 got[sizeof cases / sizeof cases[0]];
	struct exec_set		*s;
	const struct exec_case	*c;
	char			*input;
	size_t			 i, j;
	int			 bad = 0;

	(void)state;
	memset(got, 0, sizeof got);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		c = &cases[i];
		limits.timeout = c->timeout;
		limits.max_output = c->max_output;
		s = exec_create(&limits, test_exec_done, NULL);
		input = xmalloc(c->input + 1);
		for (j = 0; j < c->input; j++)
			input[j] = "almanaque do porto "[j % 19];
		exec_start(s, c->cmd, c->input != 0 ? input : NULL, c->input,
		    &got[i]);
		free(input);
		test_exec_drive(s);
		exec_free(s, NULL);
		if (got[i].done != 1 || got[i].ok != c->ok ||
		    (c->ok && c->want != NULL && strcmp(got[i].out,
		    c->want) != 0) || (c->ok && c->want == NULL &&
		    strlen(got[i].out) != c->max_output) || (!c->ok &&
		    strstr(got[i].error, c->want) == NULL)) {
			print_error("%s: done %d ok %d out [%.60s] error [%s]\n",
			    c->name, got[i].done, got[i].ok,
			    got[i].out ? got[i].out : "",
			    got[i].error ? got[i].error : "");
			bad++;
		}
		free(got[i].out);
		free(got[i].error);
	}
	assert_int_equal(bad, 0);
}

/* A long error line is cut, on a character, with an ellipsis. */
static void
test_exec_long_line(void **state)
{
	struct exec_limits	 limits = { 1, 10, 1024 };
	struct outcome		 o;
	struct exec_set		*s;

	(void)state;
	memset(&o, 0, sizeof o);
	s = exec_create(&limits, test_exec_done, NULL);
	exec_start(s, "printf x >&2; i=0; while [ $i -lt 150 ]; do "
	    "printf 'é' >&2; i=$((i+1)); done; exit 2", NULL, 0, &o);
	test_exec_drive(s);
	exec_free(s, NULL);
	assert_int_equal(o.ok, 0);
	assert_non_null(strstr(o.error, "status 2: x\xc3\xa9\xc3\xa9"));
	assert_int_equal(strlen(strstr(o.error, ": x\xc3\xa9") + 2),
	    199 + 3);
	assert_string_equal(o.error + strlen(o.error) - 5,
	    "\xc3\xa9\xe2\x80\xa6");
	free(o.out);
	free(o.error);
}

/* Commands run at once up to the limit, one after another past it. */
static void
test_exec_parallel(void **state)
{
	struct exec_limits	 limits = { 2, 10, 1024 };
	struct outcome		 o[3];
	struct exec_set		*s;
	double			 start[3], end[3];
	size_t			 i;

	(void)state;
	memset(o, 0, sizeof o);
	s = exec_create(&limits, test_exec_done, NULL);
	for (i = 0; i < 3; i++)
		exec_start(s, "date +%s.%N; sleep 1; date +%s.%N", NULL, 0,
		    &o[i]);
	exec_service(s);
	assert_int_equal(exec_pending(s), 3);
	test_exec_drive(s);
	exec_free(s, NULL);
	for (i = 0; i < 3; i++) {
		assert_int_equal(o[i].ok, 1);
		assert_int_equal(sscanf(o[i].out, "%lf %lf", &start[i],
		    &end[i]), 2);
		free(o[i].out);
	}
	assert_true(start[0] < end[1] && start[1] < end[0]);
	assert_true(start[2] >= (end[0] < end[1] ? end[0] : end[1]));
}

static int	dropped;

static void
test_exec_nap(void)
{
	struct timespec	 ts = { 0, 10 * 1000 * 1000 };

	nanosleep(&ts, NULL);
}

static void
test_exec_drop(void *user)
{
	(void)user;
	dropped++;
}

/* exec_free stops a running command and what it started. */
static void
test_exec_free(void **state)
{
	struct exec_limits	 limits = { 1, 60, 1024 };
	struct exec_set		*s;
	struct outcome		 o;
	char			 path[] = "/tmp/telex-exec-pid.XXXXXX", *cmd;
	char			 buf[32];
	FILE			*f;
	long			 pid = 0;
	int			 fd, i;

	(void)state;
	memset(&o, 0, sizeof o);
	assert_true((fd = mkstemp(path)) != -1);
	close(fd);
	s = exec_create(&limits, test_exec_done, NULL);
	cmd = xasprintf("sleep 60 & echo $! >%s; sleep 60", path);
	exec_start(s, cmd, NULL, 0, &o);
	free(cmd);
	for (i = 0; i < 500 && pid == 0; i++) {
		exec_service(s);
		test_exec_nap();
		if ((f = fopen(path, "r")) != NULL) {
			if (fgets(buf, sizeof buf, f) != NULL)
				pid = strtol(buf, NULL, 10);
			fclose(f);
		}
	}
	assert_true(pid > 0);
	assert_int_equal(kill((pid_t)pid, 0), 0);
	exec_free(s, test_exec_drop);
	assert_int_equal(dropped, 1);
	assert_int_equal(o.done, 0);
	for (i = 0; i < 200 && kill((pid_t)pid, 0) == 0; i++)
		test_exec_nap();	/* it may wait a moment to be reaped */
	snprintf(buf, sizeof buf, "/proc/%ld/status", pid);
	if ((f = fopen(buf, "r")) != NULL) {
		while (fgets(buf, sizeof buf, f) != NULL) {
			if (strncmp(buf, "State:", 6) == 0)
				assert_non_null(strchr(buf, 'Z'));
		}
		fclose(f);
	}
	unlink(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_exec_cases),
		cmocka_unit_test(test_exec_long_line),
		cmocka_unit_test(test_exec_parallel),
		cmocka_unit_test(test_exec_free),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
