/*
 * Moving from newsboat: its urls file (tags, ~titles, query feeds as
 * saved searches), cache.db (every item, with read, flag and deleted
 * states) and config (rules, keys, colours, settings) brought into telex;
 * a urls file written, and one made the source of truth (sync).
 */
#ifndef TELEX_NEWSBOAT_H
#define TELEX_NEWSBOAT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "store.h"

/* A line left out, and why. */
struct newsboat_skip {
	char	*where;		/* "FILE:LINE" */
	char	*reason;
};

void	 newsboat_skip_add(struct newsboat_skip **, size_t *, const char *file,
	     int line, char *reason);
void	 newsboat_skips_free(struct newsboat_skip *, size_t);
/*
 * The next word of a newsboat line at *p (a "quoted string" is one word;
 * backslash escapes), or NULL at its end or a "#" comment; caller frees.
 */
char	*newsboat_token(const char **p);

struct newsboat_feed {
	char	 *url;
	char	 *title;	/* "~Title", or NULL */
	char	**tags;
	size_t	  ntags;
	int	  exec;		/* an exec: or filter: feed */
};

/* A "query:Name:expr" line, translated (query) or not (query NULL). */
struct newsboat_query {
	char	*name;
	char	*expr;
	char	*query;
};

struct newsboat_urls {
	struct newsboat_feed	*feeds;
	size_t			 nfeeds;
	struct newsboat_query	*queries;
	size_t			 nqueries;
	struct newsboat_skip	*skips;
	size_t			 nskips;
};

/*
 * Read a newsboat urls file (file names it in skips) into *u (free with
 * newsboat_urls_free).  Lines that are neither a feed nor a query, and
 * queries that do not translate, are kept in u->skips.
 */
void	 newsboat_urls_read(const char *data, size_t len, const char *file,
	     struct newsboat_urls *);
void	 newsboat_urls_free(struct newsboat_urls *);
/* Write feeds as a urls file: "URL tag... "~Title"" (titles[i] or NULL). */
int	 newsboat_urls_write(FILE *, const struct store_feed *, size_t,
	     char *const *titles);

/*
 * Translate one of newsboat's filter expressions (title =~ "x" and
 * unread = "yes") into telex's query language: 0 with *query set, or -1
 * with *why saying what has no translation (caller frees either).
 */
int	 newsboat_filter(const char *expr, char **query, char **why);
/*
 * The tag an item flagged with letter gets: flag-a for a, flag-upper-a
 * for A (telex's tags ignore case); caller frees.
 */
char	*newsboat_flag_tag(int letter);

/* Telex config lines made from newsboat's config. */
struct newsboat_config {
	char			**lines;
	size_t			  nlines;
	size_t			  rules;
	size_t			  binds;
	size_t			  colors;
	size_t			  settings;
	struct newsboat_skip	 *skips;
	size_t			  nskips;
};

/*
 * Translate newsboat's config (file names it in skips) into telex's
 * lines; max-items becomes a keep line for each of feeds[0..nfeeds).
 */
void	 newsboat_config_read(const char *data, size_t len, const char *file,
	     const struct newsboat_feed *feeds, size_t nfeeds,
	     struct newsboat_config *);
void	 newsboat_config_free(struct newsboat_config *);
/*
 * Append the lines telex's config at path does not hold yet, in a marked
 * block (the file and its folder made when missing; nothing of the
 * user's is changed).  *added is how many.  0, or -1 with *cause set.
 */
int	 newsboat_config_append(const char *path,
	     const struct newsboat_config *, const char *from, size_t *added,
	     char **cause);

/* Where newsboat keeps its files; each NULL when missing. */
struct newsboat_paths {
	char	*urls;
	char	*cache;
	char	*config;
};

/*
 * Find newsboat's files in dir, else ~/.newsboat, else
 * $XDG_CONFIG_HOME/newsboat (urls, config) and $XDG_DATA_HOME/newsboat
 * (cache.db).  0, or -1 with *cause set when there is no urls file.
 */
int	 newsboat_paths_find(const char *dir, struct newsboat_paths *,
	     char **cause);
void	 newsboat_paths_free(struct newsboat_paths *);

struct newsboat_report {
	size_t			 feeds;
	size_t			 feeds_new;
	size_t			 exec_feeds;
	size_t			 items;		/* read from the cache */
	size_t			 items_new;
	size_t			 unread;	/* of the new items */
	size_t			 starred;
	size_t			 flag_tags;	/* flag-X tags put on items */
	size_t			 hidden;
	int64_t			 items_other;	/* of feeds not in urls */
	size_t			 saved;
	struct newsboat_config	 config;
	size_t			 config_added;
	char			*config_path;
	struct newsboat_skip	*skips;		/* urls and cache */
	size_t			 nskips;
};

/*
 * Import everything: feeds and saved searches, the cache's items (states
 * set on items new to the archive only, so a second run changes
 * nothing), and the config's lines appended to telex's config at
 * telex_config.  Fills *r (free with newsboat_report_free).  0, or -1
 * with *cause set (what was done before stays done).
 */
int	 newsboat_import(struct store *, const struct newsboat_paths *,
	     const char *telex_config, struct newsboat_report *, char **cause);
void	 newsboat_report_free(struct newsboat_report *);

/* What a sync changed: feed URLs. */
struct newsboat_sync {
	char	**added;
	size_t	  nadded;
	char	**removed;
	size_t	  nremoved;
	char	**changed;	/* tags or title made equal */
	size_t	  nchanged;
};

/*
 * Make the subscriptions equal to feeds: subscribe to those missing,
 * unsubscribe from those not listed (their items kept unless purge),
 * tags and titles as listed.  One transaction.  0, or -1 with *cause.
 */
int	 newsboat_sync_feeds(struct store *, const struct newsboat_feed *,
	     size_t, int purge, struct newsboat_sync *, char **cause);
void	 newsboat_sync_free(struct newsboat_sync *);

#endif
