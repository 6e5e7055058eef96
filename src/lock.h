/*
 * One poll at a time per archive: an fcntl lock on a file beside the
 * archive, released by the kernel when the process ends, even by
 * SIGKILL, so a crashed poll never leaves the archive locked.
 */
#ifndef TELEX_LOCK_H
#define TELEX_LOCK_H

/*
 * Take the poll lock of the archive at db_path, waiting for it when wait
 * is set.  Returns a descriptor (>= 0) to pass to lock_release; -1 with
 * *cause set (caller frees) when another process holds it or the lock
 * file cannot be made.
 */
int	 lock_poll(const char *db_path, int wait, char **cause);
void	 lock_release(int);

#endif
