/*
 * What the unit tests share: a private folder under /tmp, an archive
 * opened in it, files written and the folder removed, and the loopback
 * test server (tests/httpd.py) started and stopped.
 */
#ifndef TELEX_TESTS_FIXTURE_H
#define TELEX_TESTS_FIXTURE_H

#include <stddef.h>

struct store;

/* Make /tmp/telex-NAME-XXXXXX into dir (size bytes): 0, or -1. */
int		 fixture_dir(char *dir, size_t size, const char *name);

/* Open (make) the archive at path: the store, or NULL, said on stderr. */
struct store	*fixture_store(const char *path);

/* Remove path and everything under it. */
void		 fixture_remove(const char *path);

/*
 * The ids of the items a query lists, newest first, as "3 2 1" (a new
 * string), or NULL with the reason on stderr.
 */
char		*fixture_ids(struct store *, const char *query);

/* Write len bytes of data to the file dir/name: 0, or -1. */
int		 fixture_write(const char *dir, const char *name,
		     const void *data, size_t len);

/* tests/httpd.py serving root on a free loopback port, logging to log. */
struct fixture_httpd {
	int	 pid;
	int	 port;		/* 0 when it did not start */
	int	 stdin_fd;	/* closing it stops the server too */
};
int		 fixture_httpd_start(struct fixture_httpd *, const char *root,
		     const char *log);
void		 fixture_httpd_stop(struct fixture_httpd *);

#endif
