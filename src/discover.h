/*
 * Feed discovery: the feeds a web page announces with
 * <link rel="alternate" type="application/rss+xml" href="...">, and
 * common <a href> guesses when it announces none.
 */
#ifndef TELEX_DISCOVER_H
#define TELEX_DISCOVER_H

#include <stddef.h>

/*
 * Find feed URLs in len bytes of HTML fetched from base.  Returns how
 * many were found (0 if none) and sets *urls to a new array of absolute
 * URLs, best first (free with discover_free).
 */
size_t	 discover_feeds(const char *html, size_t len, const char *base,
	     char ***urls);
void	 discover_free(char **, size_t);

#endif
