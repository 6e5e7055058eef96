/*
 * The user's shell commands: /bin/sh -c COMMAND with an item (or a
 * poll's outcome) in TELEX_* environment variables, never spliced into
 * the command line; input on standard input, an optional time limit.
 */
#ifndef TELEX_RUN_H
#define TELEX_RUN_H

#include <stddef.h>
#include <stdint.h>

#include "store.h"

/* NAME=value strings for the command's environment. */
struct run_env {
	char	**vars;
	size_t	  n;
};

void	 run_env_set(struct run_env *, const char *name, const char *value);
/*
 * TELEX_ID, _URL, _TITLE, _FEED, _AUTHOR, _DATE (ISO 8601), _TAGS
 * (space separated), _ENCLOSURE (the first one's URL) and, when link is
 * not NULL, _LINK.  Missing values are empty.
 */
void	 run_env_item(struct run_env *, const struct store_item *,
	     const char *link);
void	 run_env_free(struct run_env *);

enum run_how {
	RUN_WAIT,	/* standard output and error as ours; waited for */
	RUN_QUIET,	/* output thrown away; waited for */
	RUN_DETACH	/* output thrown away; not waited for */
};

/*
 * Run cmd with env added to ours and input (may be NULL) on its
 * standard input, killed after limit seconds (0: no limit).  Returns
 * its exit status (0 for a detached one that started), or -1 with
 * *cause set (caller frees) when it could not run, was killed or died
 * of a signal.
 */
int	 run_command(const char *cmd, const struct run_env *,
	     const char *input, enum run_how, int limit, char **cause);

/*
 * Run cmd for item id of st (read whole: tags, enclosures), with link
 * (may be NULL) as TELEX_LINK; returns as run_command does.
 */
int	 run_item(struct store *, int64_t id, const char *cmd,
	     const char *link, enum run_how, char **cause);

/*
 * Start argv (no shell, found in PATH) detached: its own session, its
 * output thrown away, not waited for.  0, or -1 with *cause set when it
 * could not be started.
 */
int	 run_detached(char *const argv[], char **cause);

/*
 * Our environment with env's variables in place of any of the same
 * name, for execve: the array is the caller's to free, not its strings.
 */
char	**run_env_build(const struct run_env *);

/*
 * Run cmd (/bin/sh -c, no input) for a secret: the first line of its
 * output, without its line end, into *secret (caller frees and should
 * wipe).  Killed after limit seconds.  0, or -1 with *cause set (never
 * holding the output; a failing command's first error line is kept).
 */
int	 run_secret(const char *cmd, int limit, char **secret, char **cause);

#endif
