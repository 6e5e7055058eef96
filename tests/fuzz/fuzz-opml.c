/* libFuzzer target: OPML and newsboat urls import. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "opml.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct opml_feed	*feeds = NULL;
	size_t			 n = 0;
	char			*cause = NULL;

	if (opml_read((const char *)data, size, &feeds, &n, &cause) == 0)
		opml_free(feeds, n);
	free(cause);
	return (0);
}
