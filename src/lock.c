/*
 * The poll lock: "ARCHIVE.lock" beside the archive, locked with fcntl so
 * that the lock dies with its process.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lock.h"
#include "util.h"

static void
lock_describe(struct flock *fl)
{
	memset(fl, 0, sizeof *fl);
	fl->l_type = F_WRLCK;
	fl->l_whence = SEEK_SET;
}

int
lock_poll(const char *db_path, int wait, char **cause)
{
	struct flock	 fl;
	char		*path;
	int		 fd;

	path = xasprintf("%s.lock", db_path);
	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (fd == -1) {
		*cause = xasprintf("cannot make the lock file %s: %s", path,
		    strerror(errno));
		free(path);
		return (-1);
	}
	free(path);
	lock_describe(&fl);
	while (fcntl(fd, wait ? F_SETLKW : F_SETLK, &fl) == -1) {
		if (errno == EINTR)
			continue;
		lock_describe(&fl);
		if (fcntl(fd, F_GETLK, &fl) == 0 && fl.l_type != F_UNLCK)
			*cause = xasprintf("another telex (process %ld) is "
			    "polling this archive; wait for it to finish, or "
			    "use poll --wait", (long)fl.l_pid);
		else
			*cause = xasprintf("cannot lock the archive for a "
			    "poll: %s", strerror(errno));
		close(fd);
		return (-1);
	}
	return (fd);
}

void
lock_release(int fd)
{
	if (fd >= 0)
		close(fd);
}
