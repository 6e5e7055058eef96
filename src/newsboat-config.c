/*
 * newsboat's config translated into telex's: ignore-article into hiding
 * rules, bind-key and unbind-key into binds, colours, the browser, the
 * reload interval, retention, user agent and proxy.  Every other line is
 * listed with the reason it was left out.  The lines are appended to
 * telex's config in a marked block, never twice.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "newsboat.h"
#include "util.h"

#define NEWSBOAT_CONFIG_WORDS	16

/* newsboat's operations and the telex actions that do the same. */
static const struct {
	const char	*newsboat;
	const char	*telex;
} newsboat_actions[] = {
	{ "open", "open" }, { "quit", "back" }, { "hard-quit", "quit" },
	{ "reload", "poll" }, { "reload-all", "poll-all" },
	{ "mark-feed-read", "mark-all-read" },
	{ "toggle-article-read", "toggle-read" },
	{ "next-unread", "next-unread" }, { "prev-unread", "prev-unread" },
	{ "open-in-browser", "open-browser" }, { "help", "help" },
	{ "redraw", "redraw" }, { "up", "up" }, { "down", "down" },
	{ "pageup", "page-up" }, { "pagedown", "page-down" },
	{ "home", "top" }, { "end", "bottom" }, { "search", "search" },
	{ "cmdline", "command" }, { "pipe-to", "pipe" },
	{ "toggle-show-read-feeds", "hide-read" },
	{ "toggle-show-read-articles", "hide-read" }, { "sort", "sort" },
	{ "goto-url", "open-link" },
};

static const struct {
	const char	*newsboat;
	const char	*telex;
} newsboat_keys[] = {
	{ "ENTER", "Enter" }, { "SPACE", "Space" }, { "TAB", "Tab" },
	{ "ESC", "Esc" }, { "UP", "Up" }, { "DOWN", "Down" },
	{ "LEFT", "Left" }, { "RIGHT", "Right" }, { "PPAGE", "PgUp" },
	{ "NPAGE", "PgDn" }, { "HOME", "Home" }, { "END", "End" },
	{ "BACKSPACE", "Backspace" }, { "DEL", "Delete" },
};

static const struct {
	const char	*newsboat;
	const char	*telex;
} newsboat_elements[] = {
	{ "listnormal", "normal" }, { "listfocus", "selected" },
	{ "listnormal_unread", "unread" }, { "info", "status" },
	{ "title", "title" },
};

static const char *newsboat_colors[] = {
	"default", "black", "red", "green", "yellow", "blue", "magenta",
	"cyan", "white"
};

static const char *newsboat_attrs[] = {
	"bold", "dim", "underline", "reverse", "standout", "blink"
};

/* Settings whose value telex takes as it is: newsboat's, telex's. */
static const struct {
	const char	*newsboat;
	const char	*telex;
} newsboat_settings[] = {
	{ "browser", "browser" }, { "user-agent", "user-agent" },
	{ "text-width", "reader-width" },
};

/* One line's words. */
struct newsboat_words {
	char	*v[NEWSBOAT_CONFIG_WORDS];
	int	 n;
	int	 more;		/* words beyond the last kept */
};

/* What the whole file says about reloading and proxies. */
struct newsboat_state {
	int	 auto_reload;
	long	 reload_time;
	int	 reload_line;
	int	 use_proxy;
	char	*proxy;
	char	*proxy_type;
	int	 proxy_line;
	long	 max_items;
};

static const char *
newsboat_map(const char *name, const void *table, size_t n)
{
	const struct { const char *from; const char *to; } *t = table;
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (strcmp(t[i].from, name) == 0)
			return (t[i].to);
	}
	return (NULL);
}

static int
newsboat_in(const char *name, const char *const *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (strcmp(v[i], name) == 0)
			return (1);
	}
	return (0);
}

/* A word for telex's config, quoted when it must be. */
static void
newsboat_word_add(struct buf *b, const char *w)
{
	const char	*p;

	buf_addc(b, ' ');
	if (*w != '\0' && strpbrk(w, " \t'\"\\#") == NULL) {
		buf_adds(b, w);
		return;
	}
	if (strchr(w, '\'') == NULL) {
		buf_printf(b, "'%s'", w);
		return;
	}
	buf_addc(b, '"');
	for (p = w; *p != '\0'; p++) {
		if (*p == '"' || *p == '\\')
			buf_addc(b, '\\');
		buf_addc(b, *p);
	}
	buf_addc(b, '"');
}

static void
newsboat_line_add(struct newsboat_config *c, const char *cmd,
    const char *a, const char *b, const char *d)
{
	struct buf	 line;

	buf_init(&line, 0);
	buf_adds(&line, cmd);
	if (a != NULL)
		newsboat_word_add(&line, a);
	if (b != NULL)
		newsboat_word_add(&line, b);
	if (d != NULL)
		buf_printf(&line, " %s", d);
	c->lines = xreallocarray(c->lines, c->nlines + 1, sizeof *c->lines);
	c->lines[c->nlines++] = buf_steal(&line);
}

static void
newsboat_skip(struct newsboat_config *c, const char *file, int line,
    char *reason)
{
	newsboat_skip_add(&c->skips, &c->nskips, file, line, reason);
}

/* A key as telex names it, or NULL. */
static const char *
newsboat_key(const char *key, char *buf, size_t size)
{
	const char	*k;

	if ((k = newsboat_map(key, newsboat_keys, UTIL_ARRLEN(newsboat_keys)))
	    != NULL)
		return (k);
	if ((strlen(key) == 1 && (unsigned char)key[0] > 32 &&
	    (unsigned char)key[0] < 127) ||
	    (key[0] == '^' && isalpha((unsigned char)key[1]) &&
	    key[2] == '\0')) {
		snprintf(buf, size, "%s", key);
		return (buf);
	}
	return (NULL);
}

/* ignore-article FEED EXPR: a rule that hides. */
static char *
newsboat_ignore(struct newsboat_config *c, const struct newsboat_words *w)
{
	char	*query, *why, *full;

	if (w->n != 3)
		return (xstrdup("ignore-article takes a feed (or \"*\") and "
		    "an expression"));
	if (newsboat_filter(w->v[2], &query, &why) != 0) {
		full = xasprintf("no rule made: %s", why);
		free(why);
		return (full);
	}
	if (strcmp(w->v[1], "*") == 0)
		full = query;
	else if (strchr(w->v[1], '"') != NULL) {
		free(query);
		return (xstrdup("a feed address with a double quote"));
	} else {
		full = xasprintf("feed:\"%s\" %s", w->v[1], query);
		free(query);
	}
	newsboat_line_add(c, "rule", full, NULL, "hide");
	free(full);
	c->rules++;
	return (NULL);
}

static char *
newsboat_bind(struct newsboat_config *c, const struct newsboat_words *w)
{
	const char	*key, *action;
	char		 buf[8];

	if (w->n < 2 || (strcmp(w->v[0], "bind-key") == 0 && w->n < 3))
		return (xasprintf("%s needs a key%s", w->v[0],
		    w->v[0][0] == 'b' ? " and an operation" : ""));
	if ((key = newsboat_key(w->v[1], buf, sizeof buf)) == NULL)
		return (xasprintf("telex has no key named %s", w->v[1]));
	if (strcmp(w->v[0], "unbind-key") == 0)
		action = "none";
	else if ((action = newsboat_map(w->v[2], newsboat_actions,
	    UTIL_ARRLEN(newsboat_actions))) == NULL)
		return (xasprintf("telex has no action like newsboat's %s",
		    w->v[2]));
	newsboat_line_add(c, "bind", key, NULL, action);
	c->binds++;
	return (NULL);
}

/* A colour as telex names it ("color12" is 12), or NULL. */
static const char *
newsboat_color(const char *s)
{
	if (newsboat_in(s, newsboat_colors, UTIL_ARRLEN(newsboat_colors)))
		return (s);
	if (strncmp(s, "color", 5) == 0 && isdigit((unsigned char)s[5]) &&
	    strspn(s + 5, "0123456789") == strlen(s + 5) && atoi(s + 5) < 256)
		return (s + 5);
	return (NULL);
}

static char *
newsboat_colour(struct newsboat_config *c, const struct newsboat_words *w)
{
	const char	*element, *fg, *bg;
	struct buf	 attrs;
	int		 i;

	if (w->n < 4)
		return (xstrdup("color takes an element and two colours"));
	if ((element = newsboat_map(w->v[1], newsboat_elements,
	    UTIL_ARRLEN(newsboat_elements))) == NULL)
		return (xasprintf("telex has no element like newsboat's %s",
		    w->v[1]));
	if ((fg = newsboat_color(w->v[2])) == NULL ||
	    (bg = newsboat_color(w->v[3])) == NULL)
		return (xasprintf("telex has no colour %s",
		    fg == NULL ? w->v[2] : w->v[3]));
	buf_init(&attrs, 0);
	buf_adds(&attrs, bg);
	for (i = 4; i < w->n; i++) {
		if (newsboat_in(w->v[i], newsboat_attrs,
		    UTIL_ARRLEN(newsboat_attrs)))
			buf_printf(&attrs, " %s", w->v[i]);
	}
	newsboat_line_add(c, "color", element, fg, attrs.data);
	buf_free(&attrs);
	c->colors++;
	return (NULL);
}

static int
newsboat_number(const char *s, long *n)
{
	char	*end;

	errno = 0;
	*n = strtol(s, &end, 10);
	return (*s != '\0' && *end == '\0' && errno == 0 && *n >= 0 ?
	    0 : -1);
}

static char *
newsboat_keep_days(struct newsboat_config *c, const struct newsboat_words *w)
{
	long	 days;
	char	 age[32];

	if (w->n != 2 || newsboat_number(w->v[1], &days) != 0)
		return (xstrdup("keep-articles-days takes a number of days"));
	if (days == 0)
		return (xstrdup("0 keeps every article, as telex does"));
	snprintf(age, sizeof age, "%ldd", days);
	newsboat_line_add(c, "keep", "all", age, NULL);
	c->settings++;
	return (NULL);
}

/* Lines whose meaning needs the whole file: kept for the end. */
static char *
newsboat_remember(struct newsboat_state *s, const struct newsboat_words *w,
    int line)
{
	const char	*name = w->v[0];
	long		 n;

	if (w->n != 2)
		return (xasprintf("%s takes one value", name));
	if (strcmp(name, "auto-reload") == 0)
		s->auto_reload = strcmp(w->v[1], "yes") == 0;
	else if (strcmp(name, "use-proxy") == 0)
		s->use_proxy = strcmp(w->v[1], "yes") == 0;
	else if (strcmp(name, "proxy") == 0) {
		free(s->proxy);
		s->proxy = xstrdup(w->v[1]);
		s->proxy_line = line;
	} else if (strcmp(name, "proxy-type") == 0) {
		free(s->proxy_type);
		s->proxy_type = xstrdup(w->v[1]);
	} else if (newsboat_number(w->v[1], &n) != 0 || n == 0)
		return (xasprintf("%s takes a number above 0", name));
	else if (strcmp(name, "reload-time") == 0) {
		s->reload_time = n;
		s->reload_line = line;
	} else
		s->max_items = n;
	return (NULL);
}

static int
newsboat_is_remembered(const char *name)
{
	static const char *names[] = {
		"auto-reload", "reload-time", "use-proxy", "proxy",
		"proxy-type", "max-items"
	};

	return (newsboat_in(name, names, UTIL_ARRLEN(names)));
}

/* One line: translated, remembered, or the reason it was left out. */
static char *
newsboat_config_words(struct newsboat_config *c, struct newsboat_state *s,
    const struct newsboat_words *w, int line)
{
	const char	*name = w->v[0], *to;

	if (w->more)
		return (xstrdup("too many words"));
	if (strcmp(name, "ignore-article") == 0)
		return (newsboat_ignore(c, w));
	if (strcmp(name, "bind-key") == 0 || strcmp(name, "unbind-key") == 0)
		return (newsboat_bind(c, w));
	if (strcmp(name, "color") == 0)
		return (newsboat_colour(c, w));
	if (strcmp(name, "keep-articles-days") == 0)
		return (newsboat_keep_days(c, w));
	if (newsboat_is_remembered(name))
		return (newsboat_remember(s, w, line));
	if ((to = newsboat_map(name, newsboat_settings,
	    UTIL_ARRLEN(newsboat_settings))) != NULL) {
		if (w->n != 2)
			return (xasprintf("%s takes one value", name));
		newsboat_line_add(c, "set", to, w->v[1], NULL);
		c->settings++;
		return (NULL);
	}
	if (strcmp(name, "include") == 0)
		return (xstrdup("included files are not followed; import "
		    "that file's folder, or copy its lines"));
	return (xasprintf("telex has no setting like newsboat's %s", name));
}

/* What needed the whole file: poll-interval, proxy, keep per feed. */
static void
newsboat_config_end(struct newsboat_config *c, struct newsboat_state *s,
    const char *file, const struct newsboat_feed *feeds, size_t nfeeds)
{
	char	 v[64], *proxy, *feed;
	size_t	 i;

	if (s->auto_reload) {
		snprintf(v, sizeof v, "%ldm", s->reload_time > 0 ?
		    s->reload_time : 60);
		newsboat_line_add(c, "set", "poll-interval", v, NULL);
		c->settings++;
	} else if (s->reload_time > 0)
		newsboat_skip(c, file, s->reload_line, xstrdup("auto-reload "
		    "is not on, so newsboat never reloaded by itself"));
	if (s->proxy != NULL && s->use_proxy) {
		if (s->proxy_type != NULL && strstr(s->proxy, "://") == NULL)
			proxy = xasprintf("%s://%s", s->proxy_type, s->proxy);
		else
			proxy = xstrdup(s->proxy);
		newsboat_line_add(c, "set", "proxy", proxy, NULL);
		free(proxy);
		c->settings++;
	} else if (s->proxy != NULL)
		newsboat_skip(c, file, s->proxy_line, xstrdup("use-proxy is "
		    "not on, so newsboat did not use the proxy"));
	snprintf(v, sizeof v, "%ld", s->max_items);
	for (i = 0; s->max_items > 0 && i < nfeeds; i++) {
		if (strchr(feeds[i].url, '"') != NULL)
			continue;
		feed = xasprintf("feed:\"%s\"", feeds[i].url);
		newsboat_line_add(c, "keep", feed, v, NULL);
		free(feed);
	}
	c->settings += s->max_items > 0;
	free(s->proxy);
	free(s->proxy_type);
}

static void
newsboat_words_split(const char *line, struct newsboat_words *w)
{
	char	*t;

	memset(w, 0, sizeof *w);
	while ((t = newsboat_token(&line)) != NULL) {
		if (w->n < NEWSBOAT_CONFIG_WORDS)
			w->v[w->n++] = t;
		else {
			w->more = 1;
			free(t);
		}
	}
}

void
newsboat_config_read(const char *data, size_t len, const char *file,
    const struct newsboat_feed *feeds, size_t nfeeds,
    struct newsboat_config *c)
{
	struct newsboat_state	 s;
	struct newsboat_words	 w;
	char			*text, *line, *next, *why;
	int			 n = 0, i;

	memset(c, 0, sizeof *c);
	memset(&s, 0, sizeof s);
	text = util_utf8_sanitize(data, len);
	for (line = text; line != NULL; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		n++;
		newsboat_words_split(line, &w);
		if (w.n > 0 &&
		    (why = newsboat_config_words(c, &s, &w, n)) != NULL)
			newsboat_skip(c, file, n, why);
		for (i = 0; i < w.n; i++)
			free(w.v[i]);
	}
	free(text);
	newsboat_config_end(c, &s, file, feeds, nfeeds);
}

void
newsboat_config_free(struct newsboat_config *c)
{
	size_t	 i;

	for (i = 0; i < c->nlines; i++)
		free(c->lines[i]);
	free(c->lines);
	newsboat_skips_free(c->skips, c->nskips);
	memset(c, 0, sizeof *c);
}

/* Is line one of the file's lines already (white space aside)? */
static int
newsboat_config_has(const char *text, const char *line)
{
	const char	*p = text, *end;
	size_t		 n = strlen(line);

	while (p != NULL && *p != '\0') {
		while (*p == ' ' || *p == '\t')
			p++;
		end = strchr(p, '\n');
		if ((size_t)((end != NULL ? end : p + strlen(p)) - p) >= n &&
		    strncmp(p, line, n) == 0 && (p[n] == '\n' ||
		    p[n] == '\0' || p[n] == ' ' || p[n] == '\t' ||
		    p[n] == '\r'))
			return (1);
		p = end != NULL ? end + 1 : NULL;
	}
	return (0);
}

/* Make the folder that will hold path. */
static int
newsboat_config_folder(const char *path, char **cause)
{
	char	*dir, *slash;
	int	 rc = 0;

	dir = xstrdup(path);
	if ((slash = strrchr(dir, '/')) != NULL && slash != dir) {
		*slash = '\0';
		rc = util_mkdirs(dir, 0755, cause);
	}
	free(dir);
	return (rc);
}

int
newsboat_config_append(const char *path, const struct newsboat_config *c,
    const char *from, size_t *added, char **cause)
{
	struct buf	 old, block;
	FILE		*f;
	char		*why = NULL;
	size_t		 i;
	int		 rc = -1, written;

	*added = 0;
	buf_init(&old, 1u << 20);
	buf_init(&block, 0);
	if (util_read_file(path, &old, &why) != 0) {
		if (access(path, F_OK) == 0) {
			*cause = why;
			goto out;
		}
		free(why);
	}
	for (i = 0; i < c->nlines; i++) {
		if (newsboat_config_has(old.data != NULL ? old.data : "",
		    c->lines[i]))
			continue;
		buf_printf(&block, "%s\n", c->lines[i]);
		(*added)++;
	}
	if (*added == 0) {
		rc = 0;
		goto out;
	}
	if (newsboat_config_folder(path, cause) != 0)
		goto out;
	if ((f = fopen(path, "a")) == NULL) {
		*cause = xasprintf("cannot write %s: %s", path,
		    strerror(errno));
		goto out;
	}
	written = fprintf(f, "%s# From newsboat's %s (telex import "
	    "--newsboat)\n%s# End of the lines from newsboat\n",
	    old.len == 0 ? "" : (old.data[old.len - 1] != '\n' ? "\n\n" :
	    "\n"), from, block.data);
	if (fclose(f) != 0 || written < 0) {
		*cause = xasprintf("cannot write %s: %s", path,
		    strerror(errno));
		goto out;
	}
	rc = 0;
out:
	buf_free(&old);
	buf_free(&block);
	return (rc);
}
