/*
 * Per-feed options: the config's "feed FEED OPTION VALUE" lines (and the
 * older "archive-feed FEED"), checked when read and matched against the
 * subscriptions when a poll starts.
 */
#ifndef TELEX_FEEDOPT_H
#define TELEX_FEEDOPT_H

#include <stddef.h>
#include <stdint.h>

#include "conf.h"
#include "store.h"

/*
 * What the lines give one feed.  A later line wins; headers and tags add
 * up.  The strings are the config's: they live as long as it does.
 */
struct feedopt_set {
	const char	 *user_agent;
	const char	**headers;		/* "Name: value" each */
	size_t		  nheaders;
	const char	 *auth_user;		/* basic auth, or NULL */
	const char	 *password_command;	/* its first line: the password */
	const char	 *cookie_file;		/* as written: ~/ not expanded */
	const char	 *proxy;		/* "none": no proxy at all */
	long		  poll_interval;	/* seconds; 0: every poll */
	int		  archive;		/* 1: archive new items' pages */
	const char	 *keep;			/* AGE or COUNT, or NULL */
	const char	**tags;			/* for its new items */
	size_t		  ntags;
};

struct feedopt;

/*
 * Read and check every "feed" and "archive-feed" line of cf (may be
 * NULL): 0 with *out set (free with feedopt_free), or -1 with *cause
 * (caller frees) as "FILE, line N: feed: why" for an unknown option or
 * a bad value.  An archive-feed line without exactly one feed is kept,
 * to be said by feedopt_unmatched, as telex always has.
 */
int	 feedopt_load(const struct conf *cf, struct feedopt **out,
	     char **cause);
void	 feedopt_free(struct feedopt *);
size_t	 feedopt_count(const struct feedopt *);

/*
 * 1 if FEED (the second word of a feed line) names f: its id, its URL,
 * or a glob ("*Gazette*") matched against its title or URL, letters of
 * either case alike; else 0.  An archive-feed line's FEED also matches
 * words within the title.
 */
int	 feedopt_matches(const char *pattern, int substring,
	     const struct store_feed *f);

/* The options the lines give f into *set (free with feedopt_set_clear). */
void	 feedopt_get(const struct feedopt *, const struct store_feed *f,
	     struct feedopt_set *set);
void	 feedopt_set_clear(struct feedopt_set *);

/*
 * Say through warn each line that names none of feeds, as "FILE, line
 * N: feed: no feed "X"; telex feeds lists them"; returns how many.
 */
size_t	 feedopt_unmatched(const struct feedopt *,
	     const struct store_feed *feeds, size_t n,
	     void (*warn)(const char *, void *), void *arg);

/*
 * "30s", "15m", "2h", "1d": seconds (more than 0, at most a year), or
 * -1.
 */
long	 feedopt_duration(const char *);

#endif
