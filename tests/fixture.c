/*
 * What the unit tests share: a private folder under /tmp, an archive
 * opened in it, files written and the folder removed, and the loopback
 * test server (tests/httpd.py) started and stopped.
 */
#include "config.h"

#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fixture.h"
#include "query.h"
#include "store.h"
#include "util.h"

int
fixture_dir(char *dir, size_t size, const char *name)
{
	if ((size_t)snprintf(dir, size, "/tmp/telex-%s-XXXXXX", name) >= size)
		return (-1);
	return (mkdtemp(dir) == NULL ? -1 : 0);
}

struct store *
fixture_store(const char *path)
{
	struct store	*st;
	char		*cause = NULL;

	if (store_open(path, &st, &cause) != 0) {
		fprintf(stderr, "# %s\n", cause);
		free(cause);
		return (NULL);
	}
	return (st);
}

void
fixture_remove(const char *path)
{
	struct dirent	*de;
	struct stat	 sb;
	DIR		*d;
	char		*child;

	if (lstat(path, &sb) != 0)
		return;
	if (!S_ISDIR(sb.st_mode)) {
		unlink(path);
		return;
	}
	if ((d = opendir(path)) != NULL) {
		while ((de = readdir(d)) != NULL) {
			if (strcmp(de->d_name, ".") == 0 ||
			    strcmp(de->d_name, "..") == 0)
				continue;
			child = xasprintf("%s/%s", path, de->d_name);
			fixture_remove(child);
			free(child);
		}
		closedir(d);
	}
	rmdir(path);
}

int
fixture_write(const char *dir, const char *name, const void *data,
    size_t len)
{
	char	*path;
	FILE	*f;
	int	 rc = -1;

	path = xasprintf("%s/%s", dir, name);
	if ((f = fopen(path, "wb")) != NULL) {
		rc = fwrite(data, 1, len, f) == len ? 0 : -1;
		if (fclose(f) != 0)
			rc = -1;
	}
	free(path);
	return (rc);
}

/* Read the port the server prints on its first line. */
static int
fixture_read_port(int fd)
{
	char	 line[32];
	size_t	 n = 0;
	ssize_t	 r;

	while (n < sizeof line - 1) {
		if ((r = read(fd, line + n, 1)) <= 0)
			return (-1);
		if (line[n] == '\n')
			break;
		n++;
	}
	line[n] = '\0';
	return (atoi(line));
}

static void
fixture_httpd_exec(int in[2], int out[2], const char *root, const char *log)
{
	const char	*python, *top;
	char		*script;

	dup2(in[0], 0);
	dup2(out[1], 1);
	close(in[1]);
	close(out[0]);
	if ((python = getenv("PYTHON3")) == NULL || *python == '\0')
		python = "python3";
	if ((top = getenv("TELEX_SRCDIR")) == NULL || *top == '\0')
		top = ".";
	script = xasprintf("%s/tests/httpd.py", top);
	execlp(python, python, script, "--root", root, "--log", log,
	    (char *)NULL);
	_exit(127);
}

int
fixture_httpd_start(struct fixture_httpd *h, const char *root,
    const char *log)
{
	int	 in[2], out[2];

	memset(h, 0, sizeof *h);
	h->stdin_fd = -1;
	if (pipe(in) != 0)
		return (-1);
	if (pipe(out) != 0 || (h->pid = fork()) == -1) {
		close(in[0]);
		close(in[1]);
		return (-1);
	}
	if (h->pid == 0)
		fixture_httpd_exec(in, out, root, log);
	close(in[0]);
	close(out[1]);
	h->stdin_fd = in[1];
	h->port = fixture_read_port(out[0]);
	close(out[0]);
	if (h->port <= 0) {
		fprintf(stderr, "# the test server did not start\n");
		h->port = 0;
		return (-1);
	}
	return (0);
}

void
fixture_httpd_stop(struct fixture_httpd *h)
{
	if (h->stdin_fd != -1)
		close(h->stdin_fd);
	h->stdin_fd = -1;
	if (h->pid > 0) {
		kill(h->pid, SIGTERM);
		waitpid(h->pid, NULL, 0);
	}
	h->pid = 0;
}

static int
fixture_collect_id(const struct store_item *it, void *arg)
{
	struct buf	*b = arg;

	buf_printf(b, "%s%lld", b->len > 0 ? " " : "", (long long)it->id);
	return (0);
}

char *
fixture_ids(struct store *st, const char *query)
{
	struct query_filter	 qf;
	struct buf		 b;
	char			*ids = NULL;

	if (query_filter_parse(&qf, query) != 0) {
		fprintf(stderr, "# \"%s\": %s\n", query, qf.error);
		query_filter_free(&qf);
		return (NULL);
	}
	buf_init(&b, 0);
	if (store_items_list(st, &qf.f, fixture_collect_id, &b) != 0)
		fprintf(stderr, "# \"%s\": %s\n", query, store_errmsg(st));
	else
		ids = buf_steal(&b);
	buf_free(&b);
	query_filter_free(&qf);
	return (ids);
}
