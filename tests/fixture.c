/*
 * What the unit tests share: a private folder under /tmp, an archive
 * opened in it, and removing the folder with all it holds.
 */
#include "config.h"

#include <sys/stat.h>
#include <sys/types.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fixture.h"
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
