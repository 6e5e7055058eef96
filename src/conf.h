/*
 * The configuration file: one command a line ("rule QUERY +tag",
 * "bind KEY ACTION", ...), words split like a shell's, "#" comments.
 * This module reads and checks the words; each user reads its commands.
 */
#ifndef TELEX_CONF_H
#define TELEX_CONF_H

#include <stddef.h>

struct conf_line {
	const char *file;	/* the file it is in (an include's, maybe) */
	int	  line;		/* 1-based line number in the file */
	int	  argc;
	char	**argv;		/* argv[0] is the command */
};

struct conf {
	char			*path;
	struct conf_line	*lines;
	size_t			 nlines;
	char			**warnings;	/* lines skipped, and why */
	size_t			 nwarnings;
	char			**files;	/* included, for conf_line.file */
	size_t			 nfiles;
};

/*
 * Read the file at path into a new *cfg (free with conf_free).  A
 * missing file is an empty configuration.  "include FILE" reads FILE's
 * lines there (a relative name from the including file's folder, else
 * from telex's installed files, as newsboat.keys).  A line with an unknown
 * command or a quote left open is skipped, with a warning naming the
 * file and line in cfg->warnings; every other line still counts.
 * Returns 0, or -1 with *cause set (caller frees) for a file that cannot
 * be read.
 */
int	 conf_load(const char *path, struct conf **cfg, char **cause);
void	 conf_free(struct conf *);

/*
 * Add one line typed at run time (the reader's ":"), as if it ended the
 * file: 0, or -1 with *cause set (caller frees).
 */
int	 conf_add(struct conf *, const char *text, char **cause);

/* The next line after *i (start with 0) whose command is name, or NULL. */
const struct conf_line *conf_next(const struct conf *, const char *name,
	     size_t *i);

/*
 * The number of units (for messages) "set name N" gives (the last such
 * line wins), from lo to hi:
 * 0 with *value set, or left as it is when no line sets name; -1 with
 * *cause set (caller frees) naming the file and line of a bad value.
 */
int	 conf_number(const struct conf *, const char *name,
	     const char *unit, long lo, long hi, long *value, char **cause);

/*
 * "set name DURATION" (the last such line): a number of seconds with s,
 * m or h after it (15m), from lo to hi seconds.  0 with *seconds set
 * (or left as it is without such a line); -1 with *cause set.
 */
int	 conf_duration(const struct conf *, const char *name, long lo,
	     long hi, long *seconds, char **cause);
/* "set name yes|no": 0 with *on set (or left); -1 with *cause set. */
int	 conf_bool(const struct conf *, const char *name, int *on,
	     char **cause);

/* The value of the last "set name VALUE" line, or NULL. */
const char *conf_string(const struct conf *, const char *name);

/* The default path: $XDG_CONFIG_HOME/telex/config, else ~/.config/... */
char	*conf_default_path(void);

#endif
