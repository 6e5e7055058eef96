/*
 * Archiving: the web pages of items fetched through the poller, each
 * cleaned into its article and kept offline beside the feed's text; and
 * the cleaner run again over what is stored.  Progress goes to callbacks.
 */
#ifndef TELEX_ARCHIVE_H
#define TELEX_ARCHIVE_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "conf.h"
#include "poll.h"
#include "store.h"
#include "util.h"

struct archive_counts {
	size_t	 total;		/* pages to fetch */
	size_t	 done;
	size_t	 new_pages;
	size_t	 updated;
	size_t	 unchanged;
	size_t	 failed;
	size_t	 no_address;	/* items with no web page, skipped */
	int	 store_failed;	/* the archive could not be written */
};

/* A page that failed: what, why and what to do (display-safe). */
struct archive_failure {
	int64_t		 item_id;
	const char	*url;
	const char	*error;
	const char	*hint;
};

struct archive_cbs {
	/* After each page, and once before the first. */
	void	(*progress)(const struct archive_counts *, void *arg);
	void	(*failed)(const struct archive_failure *, void *arg);
};

struct archive;

/* A job on st; callbacks run on the thread that calls archive_run. */
struct archive	*archive_create(struct store *, const struct archive_cbs *,
		     void *arg);
void		 archive_free(struct archive *);
/* Add the page of item id (one without a web address is counted). */
int		 archive_add(struct archive *, int64_t id);
/* Add the pages of every item the filter matches. */
int		 archive_add_filter(struct archive *, const struct store_filter *);
/*
 * Add the items of feed_id first stored at or after since whose pages
 * are not archived yet (a poll's "feed FEED archive yes"): 0, or -1.
 */
int		 archive_add_feed(struct archive *, int64_t feed_id,
		     int64_t since);
/*
 * Fetch the pages with opts (file:// is never followed), until done or
 * another thread sets *cancel (may be NULL).  Returns 0, or -1 when the
 * archive could not be written (the failed callback said why); failed
 * pages are counted and reported, not errors.
 */
int		 archive_run(struct archive *, const struct poll_options *,
		     const atomic_int *cancel);
const struct archive_counts *archive_counts(const struct archive *);
/* "archived N pages: ..." as both faces say it, into b. */
void		 archive_summary(const struct archive_counts *, struct buf *);

/*
 * Run the cleaner again over the stored HTML (feed and page) of the
 * items f matches, in transactions of a hundred.  Returns 0 with the
 * items counted, or -1 (store_errmsg; what was stored stays).
 */
int		 archive_reclean(struct store *, const struct store_filter *f,
		     size_t *matched, size_t *changed);

#endif
