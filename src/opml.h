/*
 * Subscriptions in and out: OPML 1.0/2.0 (nested folders become tags) and
 * newsboat "urls" files (URL then tags, "#" comments) read, OPML 2.0
 * written.
 */
#ifndef TELEX_OPML_H
#define TELEX_OPML_H

#include <stddef.h>
#include <stdio.h>

struct opml_feed {
	char	 *url;
	char	 *title;	/* or NULL */
	char	 *site_url;	/* or NULL */
	char	**tags;
	size_t	  ntags;
};

/*
 * Read len bytes of an OPML document or a newsboat urls file into a new
 * array *feeds of *n entries (free with opml_free).  Returns 0, or -1 with
 * *cause set (caller frees) when the input is neither.
 */
int	 opml_read(const char *data, size_t len, struct opml_feed **feeds,
	     size_t *n, char **cause);
void	 opml_free(struct opml_feed *, size_t);

/*
 * A shared list must not run commands or read local files: opml_screen
 * takes out of feeds (*n shrinks) every exec: and filter: feed unless
 * flags has OPML_ALLOW_EXEC, and every file:// feed (a filter of one
 * too) unless OPML_ALLOW_LOCAL; each goes to a new array *skipped of
 * *nskipped, with the reason (free with opml_skips_free).
 */
#define OPML_ALLOW_EXEC		0x1
#define OPML_ALLOW_LOCAL	0x2

struct opml_skip {
	char		*url;
	const char	*why;	/* a sentence, static */
};

void	 opml_screen(struct opml_feed *feeds, size_t *n, int flags,
	     struct opml_skip **skipped, size_t *nskipped);
void	 opml_skips_free(struct opml_skip *, size_t);
/* Why url may not be imported under flags (a sentence), or NULL. */
const char *opml_refusal(const char *url, int flags);

/* Write feeds as OPML 2.0 to f; tags become the category attribute. */
int	 opml_write(FILE *f, const struct opml_feed *, size_t, const char *title);

#endif
