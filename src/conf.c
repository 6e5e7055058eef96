/*
 * Reading the configuration file into lines of words.  Words split on
 * white space; "double" and 'single' quotes group words, backslash
 * escapes the next character inside double quotes and outside quotes.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "conf.h"
#include "util.h"

#define CONF_MAX_SIZE (1u << 20)
#define CONF_INCLUDE_DEPTH 8	/* includes within includes */
#ifndef TELEX_DATADIR
#define TELEX_DATADIR	"/usr/local/share/telex"	/* the build sets it */
#endif

/* Every command the file may hold; the modules that read them check args. */
static const char *conf_commands[] = {
	"archive-feed",		/* archive new items of a feed: FEED */
	"bind",			/* the interface's key map: KEY ACTION */
	"color",		/* ELEMENT FG BG [ATTR] */
	"feed",			/* a feed's own option: FEED OPTION VALUE */
	"include",		/* another file's lines: FILE */
	"keep",			/* retention: QUERY AGE|COUNT */
	"rule",			/* QUERY +tag -tag | read | hide */
	"set",			/* NAME VALUE */
	"sync",			/* a server to sync with: ttrss URL USER */
	"sync-password-command", /* prints the sync password: CMD */
};

static int
conf_known(const char *name)
{
	size_t	 i;

	for (i = 0; i < UTIL_ARRLEN(conf_commands); i++) {
		if (strcmp(conf_commands[i], name) == 0)
			return (1);
	}
	return (0);
}

/* Split one line into words; -1 with *why set on an open quote. */
static int
conf_split(const char *s, struct conf_line *cl, const char **why)
{
	struct buf	 word;
	char		 quote;
	int		 in_word;

	buf_init(&word, 0);
	for (;;) {
		while (*s == ' ' || *s == '\t' || *s == '\r')
			s++;
		if (*s == '\0' || *s == '#')
			break;
		in_word = 0;
		quote = 0;
		for (; *s != '\0'; s++) {
			if (quote == 0 && (*s == ' ' || *s == '\t' || *s == '\r'))
				break;
			if (quote == 0 && (*s == '"' || *s == '\'')) {
				quote = *s;
				in_word = 1;
				continue;
			}
			if (quote != 0 && *s == quote) {
				quote = 0;
				continue;
			}
			if (*s == '\\' && quote != '\'' && s[1] != '\0')
				s++;
			buf_addc(&word, *s);
			in_word = 1;
		}
		if (quote != 0) {
			*why = "a quote is not closed";
			buf_free(&word);
			return (-1);
		}
		if (in_word) {
			cl->argv = xreallocarray(cl->argv, cl->argc + 2,
			    sizeof *cl->argv);
			cl->argv[cl->argc++] = xstrdup(word.data);
			cl->argv[cl->argc] = NULL;
		}
		buf_reset(&word);
	}
	buf_free(&word);
	return (0);
}

static void
conf_line_free(struct conf_line *cl)
{
	int	 i;

	for (i = 0; i < cl->argc; i++)
		free(cl->argv[i]);
	free(cl->argv);
}

static void
conf_warn(struct conf *cfg, const char *file, int line, const char *why,
    const char *word)
{
	cfg->warnings = xreallocarray(cfg->warnings, cfg->nwarnings + 1,
	    sizeof *cfg->warnings);
	cfg->warnings[cfg->nwarnings++] = word != NULL ?
	    xasprintf("%s, line %d: %s \"%s\"; the line is skipped",
	    file, line, why, word) :
	    xasprintf("%s, line %d: %s; the line is skipped", file, line, why);
}

static void	conf_read(struct conf *, const char *, int);

/* Where "include name" from file points. */
static char *
conf_include_path(const char *file, const char *name)
{
	const char	*slash;
	char		*path;

	if (name[0] == '/')
		return (xstrdup(name));
	if ((slash = strrchr(file, '/')) != NULL)
		path = xasprintf("%.*s/%s", (int)(slash - file), file, name);
	else
		path = xstrdup(name);
	if (access(path, R_OK) == 0)
		return (path);
	free(path);
	return (xasprintf("%s/keys/%s", TELEX_DATADIR, name));
}

/* An include line: the file's lines read in its place. */
static void
conf_include(struct conf *cfg, const struct conf_line *cl, int depth)
{
	char	*path;

	if (cl->argc != 2) {
		conf_warn(cfg, cl->file, cl->line, "include takes one file",
		    NULL);
		return;
	}
	if (depth >= CONF_INCLUDE_DEPTH) {
		conf_warn(cfg, cl->file, cl->line, "includes nest too deep at",
		    cl->argv[1]);
		return;
	}
	path = conf_include_path(cl->file, cl->argv[1]);
	if (access(path, R_OK) != 0) {
		conf_warn(cfg, cl->file, cl->line, "cannot read the included "
		    "file", cl->argv[1]);
		free(path);
		return;
	}
	conf_read(cfg, path, depth + 1);
	free(path);
}

/* Parse the text of file; a bad line is a warning. */
static void
conf_parse(struct conf *cfg, const char *file, char *text, int depth)
{
	struct conf_line	 cl;
	const char		*why = NULL;
	char			*line, *next;
	int			 n = 0;

	for (line = text; line != NULL; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		n++;
		memset(&cl, 0, sizeof cl);
		cl.line = n;
		cl.file = file;
		if (conf_split(line, &cl, &why) != 0) {
			conf_warn(cfg, file, n, why, NULL);
			conf_line_free(&cl);
			continue;
		}
		if (cl.argc == 0)
			continue;
		if (!conf_known(cl.argv[0])) {
			conf_warn(cfg, file, n, "unknown command", cl.argv[0]);
			conf_line_free(&cl);
			continue;
		}
		if (strcmp(cl.argv[0], "include") == 0) {
			conf_include(cfg, &cl, depth);
			conf_line_free(&cl);
			continue;
		}
		cfg->lines = xreallocarray(cfg->lines, cfg->nlines + 1,
		    sizeof *cfg->lines);
		cfg->lines[cfg->nlines++] = cl;
	}
}

/* An included file's lines, kept under its own name. */
static void
conf_read(struct conf *cfg, const char *path, int depth)
{
	struct buf	 b;
	char		*cause = NULL, *file;

	file = xstrdup(path);
	cfg->files = xreallocarray(cfg->files, cfg->nfiles + 1,
	    sizeof *cfg->files);
	cfg->files[cfg->nfiles++] = file;
	buf_init(&b, CONF_MAX_SIZE);
	if (util_read_file(file, &b, &cause) == 0)
		conf_parse(cfg, file, b.data, depth);
	else {
		conf_warn(cfg, file, 0, cause, NULL);
		free(cause);
	}
	buf_free(&b);
}

int
conf_load(const char *path, struct conf **cfgp, char **cause)
{
	struct conf	*cfg;
	struct buf	 b;
	FILE		*f;
	int		 rc = -1;

	*cfgp = cfg = xcalloc(1, sizeof *cfg);
	cfg->path = xstrdup(path);
	if ((f = fopen(path, "r")) == NULL) {
		if (errno == ENOENT)
			return (0);
		*cause = xasprintf("cannot read %s: %s", path, strerror(errno));
		goto fail;
	}
	fclose(f);
	buf_init(&b, CONF_MAX_SIZE);
	if ((rc = util_read_file(path, &b, cause)) == 0)
		conf_parse(cfg, cfg->path, b.data, 0);
	buf_free(&b);
	if (rc == 0)
		return (0);
fail:
	conf_free(cfg);
	*cfgp = NULL;
	return (-1);
}

int
conf_add(struct conf *cfg, const char *text, char **cause)
{
	struct conf_line	 cl;
	const char		*why = NULL;

	memset(&cl, 0, sizeof cl);
	if (conf_split(text, &cl, &why) != 0 || cl.argc == 0 ||
	    !conf_known(cl.argv[0])) {
		*cause = why != NULL ? xstrdup(why) : cl.argc == 0 ?
		    xstrdup("type a line as the config file takes it, e.g. "
		    "set poll-interval 5m") : xasprintf("unknown command "
		    "\"%s\"", cl.argv[0]);
		conf_line_free(&cl);
		return (-1);
	}
	cl.line = 0;
	cl.file = ":";
	cfg->lines = xreallocarray(cfg->lines, cfg->nlines + 1,
	    sizeof *cfg->lines);
	cfg->lines[cfg->nlines++] = cl;
	return (0);
}

void
conf_free(struct conf *cfg)
{
	size_t	 i;

	if (cfg == NULL)
		return;
	for (i = 0; i < cfg->nlines; i++)
		conf_line_free(&cfg->lines[i]);
	for (i = 0; i < cfg->nwarnings; i++)
		free(cfg->warnings[i]);
	free(cfg->warnings);
	for (i = 0; i < cfg->nfiles; i++)
		free(cfg->files[i]);
	free(cfg->files);
	free(cfg->lines);
	free(cfg->path);
	free(cfg);
}

const struct conf_line *
conf_next(const struct conf *cfg, const char *name, size_t *i)
{
	while (*i < cfg->nlines) {
		if (strcmp(cfg->lines[(*i)++].argv[0], name) == 0)
			return (&cfg->lines[*i - 1]);
	}
	return (NULL);
}

int
conf_number(const struct conf *cfg, const char *name, const char *unit,
    long lo, long hi, long *value, char **cause)
{
	const struct conf_line	*l;
	char			*end;
	size_t			 i = 0;
	long			 n;

	while (cfg != NULL && (l = conf_next(cfg, "set", &i)) != NULL) {
		if (l->argc < 2 || strcmp(l->argv[1], name) != 0)
			continue;
		errno = 0;
		if (l->argc != 3 || (n = strtol(l->argv[2], &end, 10)) < lo ||
		    n > hi || *end != '\0' || end == l->argv[2] ||
		    errno != 0) {
			*cause = xasprintf("%s, line %d: set %s wants a number "
			    "of %s from %ld to %ld", l->file, l->line, name,
			    unit, lo, hi);
			return (-1);
		}
		*value = n;
	}
	return (0);
}

/* The last "set name VALUE" line, or NULL. */
static const struct conf_line *
conf_set_line(const struct conf *cfg, const char *name)
{
	const struct conf_line	*l, *last = NULL;
	size_t			 i = 0;

	while (cfg != NULL && (l = conf_next(cfg, "set", &i)) != NULL) {
		if (l->argc >= 2 && strcmp(l->argv[1], name) == 0)
			last = l;
	}
	return (last);
}

int
conf_duration(const struct conf *cfg, const char *name, long lo, long hi,
    long *seconds, char **cause)
{
	const struct conf_line	*l;
	char			*end;
	long			 n, unit = 1;

	if ((l = conf_set_line(cfg, name)) == NULL)
		return (0);
	errno = 0;
	n = l->argc == 3 ? strtol(l->argv[2], &end, 10) : -1;
	if (l->argc == 3 && end != l->argv[2] && errno == 0) {
		if (*end == 'm')
			unit = 60;
		else if (*end == 'h')
			unit = 3600;
		if (*end != '\0' && (end[1] != '\0' || strchr("smh", *end) ==
		    NULL))
			n = -1;
	}
	if (n < 0 || n > hi / unit || n * unit < lo) {
		*cause = xasprintf("%s, line %d: set %s wants a time such as "
		    "30s, 15m or 2h, from %ld s to %ld h", l->file, l->line,
		    name, lo, hi / 3600);
		return (-1);
	}
	*seconds = n * unit;
	return (0);
}

int
conf_bool(const struct conf *cfg, const char *name, int *on, char **cause)
{
	const struct conf_line	*l;

	if ((l = conf_set_line(cfg, name)) == NULL)
		return (0);
	if (l->argc == 3 && strcmp(l->argv[2], "yes") == 0)
		*on = 1;
	else if (l->argc == 3 && strcmp(l->argv[2], "no") == 0)
		*on = 0;
	else {
		*cause = xasprintf("%s, line %d: set %s wants yes or no",
		    l->file, l->line, name);
		return (-1);
	}
	return (0);
}

const char *
conf_string(const struct conf *cfg, const char *name)
{
	const struct conf_line	*l;

	l = conf_set_line(cfg, name);
	return (l != NULL && l->argc == 3 ? l->argv[2] : NULL);
}

char *
conf_default_path(void)
{
	const char	*env;

	if ((env = getenv("XDG_CONFIG_HOME")) != NULL && *env == '/')
		return (xasprintf("%s/telex/config", env));
	if ((env = getenv("HOME")) != NULL && *env != '\0')
		return (xasprintf("%s/.config/telex/config", env));
	return (NULL);
}
