/*
 * Per-feed options: "feed FEED OPTION VALUE" lines read and checked once,
 * then matched against each feed a poll fetches.  "archive-feed FEED" is
 * the older spelling of "feed FEED archive yes".
 */
#include "config.h"

#include <ctype.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "feedopt.h"
#include "retain.h"
#include "util.h"

#define FEEDOPT_INTERVAL_MAX	(365L * 86400)
#define FEEDOPT_VALUE_MAX	1024	/* longest header or agent we send */

enum feedopt_kind {
	FEEDOPT_USER_AGENT,
	FEEDOPT_HEADER,
	FEEDOPT_AUTH,
	FEEDOPT_PASSWORD_COMMAND,
	FEEDOPT_COOKIE_FILE,
	FEEDOPT_PROXY,
	FEEDOPT_POLL_INTERVAL,
	FEEDOPT_KEEP,
	FEEDOPT_ARCHIVE,
	FEEDOPT_TAGS
};

/* The options a feed line may set, and the words each takes. */
static const struct {
	const char		*name;
	enum feedopt_kind	 kind;
	int			 words;	/* after the name; -1: one or more */
	const char		*usage;
} feedopt_options[] = {
	{ "user-agent", FEEDOPT_USER_AGENT, 1, "user-agent 'TEXT'" },
	{ "header", FEEDOPT_HEADER, 1, "header 'Name: value'" },
	{ "auth", FEEDOPT_AUTH, 2, "auth basic USER" },
	{ "password-command", FEEDOPT_PASSWORD_COMMAND, 1,
	  "password-command 'COMMAND'" },
	{ "cookie-file", FEEDOPT_COOKIE_FILE, 1, "cookie-file FILE" },
	{ "proxy", FEEDOPT_PROXY, 1, "proxy URL (or none)" },
	{ "poll-interval", FEEDOPT_POLL_INTERVAL, 1,
	  "poll-interval TIME (30m, 2h, 1d)" },
	{ "keep", FEEDOPT_KEEP, 1, "keep AGE (30d, 12w, 1y) or keep COUNT" },
	{ "archive", FEEDOPT_ARCHIVE, 1, "archive yes|no" },
	{ "tags", FEEDOPT_TAGS, -1, "tags TAG..." },
};

struct feedopt_line {
	const struct conf_line	*cl;
	const char		*pattern;
	int			 substring;	/* archive-feed: title words */
	int			 bad;		/* archive-feed without a feed */
	enum feedopt_kind	 kind;
	long			 interval;
	int			 yes;
};

struct feedopt {
	struct feedopt_line	*lines;
	size_t			 n;
};

long
feedopt_duration(const char *s)
{
	char	*end;
	long	 n, unit;

	n = strtol(s, &end, 10);
	if (end == s || n <= 0 || *s == '-' || *s == '+')
		return (-1);
	switch (*end) {
	case 's':
		unit = 1;
		break;
	case 'm':
		unit = 60;
		break;
	case 'h':
		unit = 3600;
		break;
	case 'd':
		unit = 86400;
		break;
	default:
		return (-1);
	}
	if (end[1] != '\0' || n > FEEDOPT_INTERVAL_MAX / unit)
		return (-1);
	return (n * unit);
}

/* Printable ASCII, not empty, not too long: safe in a request line. */
static int
feedopt_printable(const char *s)
{
	size_t	 i;

	for (i = 0; s[i] != '\0'; i++) {
		if ((unsigned char)s[i] < 0x20 || (unsigned char)s[i] > 0x7e)
			return (0);
	}
	return (i > 0 && i <= FEEDOPT_VALUE_MAX);
}

/* "Name: value", the name an HTTP token. */
static int
feedopt_header_ok(const char *s)
{
	size_t	 n;

	n = strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "0123456789!#$%&'*+-.^_`|~");
	return (n > 0 && s[n] == ':' && feedopt_printable(s));
}

/* The value words of one option: NULL, or why they are wrong. */
static const char *
feedopt_check(struct feedopt_line *fl, char **argv, int nwords)
{
	const char	*v = argv[0];
	char		*why = NULL;
	int		 i;

	switch (fl->kind) {
	case FEEDOPT_USER_AGENT:
		return (feedopt_printable(v) ? NULL : "wants printable "
		    "ASCII text");
	case FEEDOPT_HEADER:
		return (feedopt_header_ok(v) ? NULL : "wants one quoted "
		    "'Name: value' of printable ASCII");
	case FEEDOPT_AUTH:
		if (strcmp(v, "basic") != 0)
			return ("knows only basic");
		return (feedopt_printable(argv[1]) && strchr(argv[1], ':') ==
		    NULL ? NULL : "wants a user name without a colon");
	case FEEDOPT_PASSWORD_COMMAND:
	case FEEDOPT_COOKIE_FILE:
		return (*v != '\0' ? NULL : "wants a value");
	case FEEDOPT_PROXY:
		return (feedopt_printable(v) ? NULL : "wants a URL such as "
		    "http://proxy.example:3128, or none");
	case FEEDOPT_POLL_INTERVAL:
		fl->interval = feedopt_duration(v);
		return (fl->interval > 0 ? NULL : "wants a time such as 30m, "
		    "2h or 1d, at most a year");
	case FEEDOPT_KEEP:
		if (retain_limit(v, NULL, NULL, &why) == 0)
			return (NULL);
		free(why);
		return ("wants an age (30d, 12w, 1y, 48h) or a number of "
		    "items");
	case FEEDOPT_ARCHIVE:
		fl->yes = strcmp(v, "yes") == 0;
		return (fl->yes || strcmp(v, "no") == 0 ? NULL :
		    "wants yes or no");
	case FEEDOPT_TAGS:
		for (i = 0; i < nwords; i++) {
			if (argv[i][0] == '\0' || strpbrk(argv[i], " \t") !=
			    NULL)
				return ("wants tags without spaces");
		}
		return (NULL);
	}
	return ("is not known");
}

/* One feed line into fl: 0, or -1 with *cause. */
static int
feedopt_parse(const struct conf_line *cl, struct feedopt_line *fl,
    char **cause)
{
	const char	*why;
	size_t		 i;
	int		 words;

	memset(fl, 0, sizeof *fl);
	fl->cl = cl;
	if (cl->argc < 3) {
		*cause = xasprintf("%s, line %d: feed: a feed line is: feed "
		    "FEED OPTION VALUE (FEED: an id, a URL or a title)",
		    cl->file, cl->line);
		return (-1);
	}
	fl->pattern = cl->argv[1];
	for (i = 0; i < UTIL_ARRLEN(feedopt_options); i++) {
		if (strcmp(feedopt_options[i].name, cl->argv[2]) == 0)
			break;
	}
	if (i == UTIL_ARRLEN(feedopt_options)) {
		*cause = xasprintf("%s, line %d: feed: unknown option \"%s\"; "
		    "the options are user-agent, header, auth, "
		    "password-command, cookie-file, proxy, poll-interval, "
		    "keep, archive and tags", cl->file, cl->line, cl->argv[2]);
		return (-1);
	}
	fl->kind = feedopt_options[i].kind;
	words = cl->argc - 3;
	if (feedopt_options[i].words == -1 ? words < 1 :
	    words != feedopt_options[i].words)
		why = NULL;
	else if ((why = feedopt_check(fl, cl->argv + 3, words)) == NULL)
		return (0);
	*cause = why != NULL ? xasprintf("%s, line %d: feed: %s %s (%s)",
	    cl->file, cl->line, cl->argv[2], why, feedopt_options[i].usage) :
	    xasprintf("%s, line %d: feed: the line is: feed FEED %s",
	    cl->file, cl->line, feedopt_options[i].usage);
	return (-1);
}

static struct feedopt_line *
feedopt_append(struct feedopt *fo)
{
	fo->lines = xreallocarray(fo->lines, fo->n + 1, sizeof *fo->lines);
	return (&fo->lines[fo->n++]);
}

/* The lines in file order, archive-feed and feed alike. */
int
feedopt_load(const struct conf *cf, struct feedopt **out, char **cause)
{
	struct feedopt		*fo;
	struct feedopt_line	*fl;
	const struct conf_line	*cl;
	size_t			 i;

	*out = fo = xcalloc(1, sizeof *fo);
	for (i = 0; cf != NULL && i < cf->nlines; i++) {
		cl = &cf->lines[i];
		if (strcmp(cl->argv[0], "archive-feed") == 0) {
			fl = feedopt_append(fo);
			memset(fl, 0, sizeof *fl);
			fl->cl = cl;
			fl->kind = FEEDOPT_ARCHIVE;
			fl->yes = fl->substring = 1;
			fl->bad = cl->argc != 2;
			fl->pattern = cl->argc > 1 ? cl->argv[1] : "";
		} else if (strcmp(cl->argv[0], "feed") == 0) {
			fl = feedopt_append(fo);
			if (feedopt_parse(cl, fl, cause) != 0) {
				feedopt_free(fo);
				*out = NULL;
				return (-1);
			}
		}
	}
	return (0);
}

void
feedopt_free(struct feedopt *fo)
{
	if (fo == NULL)
		return;
	free(fo->lines);
	free(fo);
}

size_t
feedopt_count(const struct feedopt *fo)
{
	return (fo != NULL ? fo->n : 0);
}

static char *
feedopt_lower(const char *s)
{
	char	*out, *c;

	out = xstrdup(s);
	for (c = out; *c != '\0'; c++)
		*c = (char)tolower((unsigned char)*c);
	return (out);
}

/* pattern as a glob over text, letters of either case alike. */
static int
feedopt_glob(const char *pattern, const char *text)
{
	char	*p, *t;
	int	 rc;

	if (text == NULL)
		return (0);
	p = feedopt_lower(pattern);
	t = feedopt_lower(text);
	rc = fnmatch(p, t, 0) == 0;
	free(t);
	free(p);
	return (rc);
}

int
feedopt_matches(const char *pattern, int substring,
    const struct store_feed *f)
{
	char	*end;
	long long id;

	if (*pattern == '\0')
		return (0);
	id = strtoll(pattern, &end, 10);
	if (*end == '\0' && isdigit((unsigned char)*pattern))
		return (id == (long long)f->id);
	if (strcmp(pattern, f->url) == 0)
		return (1);
	if (substring)
		return (f->title != NULL && util_strcasestr(f->title,
		    pattern) != NULL);
	return (feedopt_glob(pattern, f->title) ||
	    feedopt_glob(pattern, f->url));
}

static void
feedopt_push(const char ***list, size_t *n, const char *s)
{
	*list = xreallocarray(*list, *n + 1, sizeof **list);
	(*list)[(*n)++] = s;
}

/* Apply one matching line to set. */
static void
feedopt_apply(const struct feedopt_line *fl, struct feedopt_set *set)
{
	char *const	*v = fl->cl->argv + 3;
	int		 i;

	switch (fl->kind) {
	case FEEDOPT_USER_AGENT:
		set->user_agent = v[0];
		break;
	case FEEDOPT_HEADER:
		feedopt_push(&set->headers, &set->nheaders, v[0]);
		break;
	case FEEDOPT_AUTH:
		set->auth_user = v[1];
		break;
	case FEEDOPT_PASSWORD_COMMAND:
		set->password_command = v[0];
		break;
	case FEEDOPT_COOKIE_FILE:
		set->cookie_file = v[0];
		break;
	case FEEDOPT_PROXY:
		set->proxy = v[0];
		break;
	case FEEDOPT_POLL_INTERVAL:
		set->poll_interval = fl->interval;
		break;
	case FEEDOPT_KEEP:
		set->keep = v[0];
		break;
	case FEEDOPT_ARCHIVE:
		set->archive = fl->yes;
		break;
	case FEEDOPT_TAGS:
		for (i = 0; i < fl->cl->argc - 3; i++)
			feedopt_push(&set->tags, &set->ntags, v[i]);
		break;
	}
}

void
feedopt_get(const struct feedopt *fo, const struct store_feed *f,
    struct feedopt_set *set)
{
	size_t	 i;

	memset(set, 0, sizeof *set);
	for (i = 0; fo != NULL && i < fo->n; i++) {
		if (!fo->lines[i].bad && feedopt_matches(fo->lines[i].pattern,
		    fo->lines[i].substring, f))
			feedopt_apply(&fo->lines[i], set);
	}
}

void
feedopt_set_clear(struct feedopt_set *set)
{
	free(set->headers);
	free(set->tags);
	memset(set, 0, sizeof *set);
}

/* Why line fl names no feed, or NULL when it names one of feeds. */
static char *
feedopt_unmatched_line(const struct feedopt_line *fl,
    const struct store_feed *feeds, size_t n)
{
	const struct conf_line	*cl = fl->cl;
	const char		*cmd = cl->argv[0];
	size_t			 i;

	if (fl->bad)
		return (xasprintf("%s, line %d: archive-feed wants one feed "
		    "(an id, a URL or words of its title)", cl->file,
		    cl->line));
	for (i = 0; i < n; i++) {
		if (feedopt_matches(fl->pattern, fl->substring, &feeds[i]))
			return (NULL);
	}
	return (xasprintf("%s, line %d: %s: no feed \"%s\"; telex feeds "
	    "lists them", cl->file, cl->line, cmd, fl->pattern));
}

size_t
feedopt_unmatched(const struct feedopt *fo, const struct store_feed *feeds,
    size_t n, void (*warn)(const char *, void *), void *arg)
{
	size_t	 i, j, bad = 0;
	char	*why;

	for (i = 0; fo != NULL && i < fo->n; i++) {
		/* Several lines naming one feed are said once. */
		for (j = 0; j < i; j++) {
			if (strcmp(fo->lines[j].pattern,
			    fo->lines[i].pattern) == 0 &&
			    fo->lines[j].substring == fo->lines[i].substring &&
			    !fo->lines[j].bad)
				break;
		}
		if (j < i && !fo->lines[i].bad)
			continue;
		if ((why = feedopt_unmatched_line(&fo->lines[i], feeds,
		    n)) == NULL)
			continue;
		bad++;
		if (warn != NULL)
			warn(why, arg);
		free(why);
	}
	return (bad);
}
