/*
 * One poll session, the same from the shell and the reader: the feeds
 * chosen, the archive's poll lock taken, every feed fetched, parsed,
 * cleaned and stored under the config's rules, then archive-feed pages.
 */
#ifndef TELEX_UPDATE_H
#define TELEX_UPDATE_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "archive.h"
#include "conf.h"
#include "ingest.h"
#include "poll.h"
#include "retain.h"
#include "store.h"
#include "util.h"

#define UPDATE_MAX_PARALLEL	64	/* transfers at once a user may ask */

struct update_options {
	int		  parallel;	/* transfers at once; 0: default */
	int		  wait;		/* wait for another poll to end */
	char *const	 *feeds;	/* id or URL each; none: every feed */
	size_t		  nfeeds;	/*   not waiting out a back-off */
	/*
	 * When another thread sets it, transfers in flight are dropped,
	 * what was fetched is stored, and the session ends.  May be NULL.
	 */
	const atomic_int *cancel;
};

struct update_counts {
	size_t		 total;		/* feeds polled */
	size_t		 done;
	size_t		 new_items;
	size_t		 updated;	/* items changed */
	size_t		 unchanged;	/* feeds with nothing new */
	size_t		 failed;
	size_t		 skipped;	/* in back-off */
	size_t		 not_due;	/* by their feed poll-interval line */
	size_t		 abandoned;	/* not stored: the archive failed, or
					   no HTML library to clean them */
	int		 store_failed;
	int		 archiving;	/* fetching archive-feed pages now */
	struct archive_counts pages;	/* of archive-feed lines */
	struct retain_counts pruned;	/* by keep lines, after the poll */
	/* The sync with a server (a "sync" line), before the feeds. */
	int		 syncing;	/* 1 while the sync runs */
	int		 synced;	/* 1 done, -1 failed, 0 none */
	size_t		 sync_articles;	/* from the server so far */
	size_t		 sync_new_items;
	size_t		 sync_sent;	/* queued changes sent */
};

/*
 * What a session tells as it goes.  progress and feed_failed run on the
 * thread that stores feeds, the rest on the one that called update_run;
 * none runs on two threads at once.  Any may be NULL.
 */
struct update_cbs {
	void	(*progress)(const struct update_counts *, void *arg);
	void	(*feed_failed)(const struct ingest_result *, void *arg);
	void	(*page_failed)(const struct archive_failure *, void *arg);
	void	(*warn)(const char *, void *arg);	/* a bad config line */
};

enum update_status {
	UPDATE_OK,		/* every feed polled */
	UPDATE_PARTIAL,		/* some feeds or pages failed */
	UPDATE_FAILED,		/* the archive could not be written */
	UPDATE_NOT_RUN,		/* *cause says why nothing was polled */
	UPDATE_BAD_CONFIG	/* *cause names the file and line */
};

/*
 * Poll as opts say on st, the archive at db_path (for its lock), with
 * the rules, limits and archive-feed lines of cf (may be NULL).  Blocks
 * until done; counts are left in *counts.  The caller frees *cause.
 */
enum update_status update_run(struct store *, const struct conf *,
		     const char *db_path, const struct update_options *,
		     const struct update_cbs *, void *arg,
		     struct update_counts *counts, char **cause);

/*
 * The poller's limits from the config: "set poll-timeout S" bounds the
 * whole fetch of a feed, "set poll-low-speed-time S" how long a server
 * may send less than the low-speed limit; "set user-agent", "set proxy"
 * (none: no proxy) and "set cookie-file" apply to every request (the
 * strings are cf's).  0, or -1 with *cause set.
 */
int	 update_poll_options(const struct conf *, struct poll_options *,
	     char **cause);

/*
 * The keep lines of cf and each feed's own "feed FEED keep LIMIT" line
 * into a new *keep (free with retain_free), as a poll applies them.  0,
 * or -1 with *cause set (caller frees).
 */
int	 update_retain_load(struct store *, const struct conf *,
	     struct retain **keep, char **cause);

/* "polled N feeds: ..." as both faces say it, into b. */
void	 update_summary(const struct update_counts *, struct buf *);

#endif
