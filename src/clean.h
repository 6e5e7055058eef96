/*
 * The cleaner turns article HTML into reading text: blocks on their own
 * lines, entities decoded, control characters out, white space
 * normalised.
 */
#ifndef TELEX_CLEAN_H
#define TELEX_CLEAN_H

#include <stddef.h>

/*
 * Convert len bytes of HTML (a feed item's content, UTF-8) into plain
 * text the caller frees.  base is the URL links resolve against (may be
 * NULL).  Never returns NULL.
 */
char	*clean_fragment(const char *html, size_t len, const char *base);

/* Plain text of a short inline string (a title): tags out, one line. */
char	*clean_inline(const char *html);

#endif
