/*
 * Downloads: the enclosures of items (podcasts, videos, documents)
 * fetched through the poller into a folder under safe names, resumed
 * with Range where a transfer broke, and recorded for is:downloaded.
 */
#ifndef TELEX_DOWNLOAD_H
#define TELEX_DOWNLOAD_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "conf.h"
#include "poll.h"
#include "store.h"
#include "util.h"

struct download_counts {
	size_t	 total;		/* enclosures to fetch */
	size_t	 done;
	size_t	 fetched;	/* now whole */
	size_t	 resumed;	/* of those, continued from a .part */
	size_t	 already;	/* whole before, left alone */
	size_t	 failed;
	size_t	 without;	/* matching items with no enclosure */
	int64_t	 bytes;		/* in the files fetched */
};

struct download_failure {
	int64_t		 item_id;
	const char	*url;		/* display-safe */
	const char	*error;
	const char	*hint;
};

struct download_cbs {
	void	(*progress)(const struct download_counts *, void *);
	void	(*failed)(const struct download_failure *, void *);
};

/*
 * The folder files go to: dir if not NULL, else "set download-dir", else
 * ~/Downloads.  A new string, or NULL with *cause set.
 */
char	*download_dir(const struct conf *, const char *dir, char **cause);

/*
 * The file name for url: its last path segment, percent-decoded, made
 * safe (no "/", "..", leading dot or control character), else
 * "enclosure-ID".  A new string.
 */
char	*download_name(const char *url, int64_t item_id);

/*
 * Fetch every enclosure of the items f matches into dir (which must
 * exist), until done or *cancel (may be NULL) is set.  Files stay
 * NAME.part until whole; a name taken by another file gets a number.
 * Returns 0 (failures are counted and reported), or -1 when the archive
 * failed (store_errmsg).
 */
int	 download_run(struct store *, const struct store_filter *,
	     const char *dir, const struct poll_options *,
	     const struct download_cbs *, void *, struct download_counts *,
	     const atomic_int *cancel);

/* "downloaded N files: ..." as both faces say it, into b. */
void	 download_summary(const struct download_counts *, struct buf *);

#endif
