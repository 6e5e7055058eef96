/*
 * The prepass makes feed bytes fit for mxml: detect the charset (BOM, HTTP
 * header, XML declaration, else UTF-8), convert to UTF-8, turn HTML named
 * entities into numeric references, escape stray '&', drop control
 * characters and any DOCTYPE (with its internal subset).
 */
#ifndef TELEX_PREPASS_H
#define TELEX_PREPASS_H

#include <stddef.h>

#include "../src/util.h"

struct prepass_result {
	char	 encoding[32];	/* charset the input was read as */
	int	 repaired;	/* 1 if anything beyond conversion was fixed */
};

/*
 * Convert len bytes of data into out (UTF-8, well-formed as far as the
 * lexical level goes).  http_charset is the charset parameter of the
 * Content-Type header, or NULL.  Returns 0, or -1 with *cause set (the
 * caller frees it) when out's limit is passed.
 */
int	 prepass_run(const char *data, size_t len, const char *http_charset,
	     struct buf *out, struct prepass_result *res, char **cause);

#endif
