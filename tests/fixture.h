/*
 * What the unit tests share: a private folder under /tmp, an archive
 * opened in it, and removing the folder with all it holds.
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

#endif
