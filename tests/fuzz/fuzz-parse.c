/* libFuzzer target: the prepass and the feed parser on arbitrary bytes. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "parse.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static int
fuzz_item(const struct feed_item *item, void *arg)
{
	size_t	*n = arg;

	(*n)++;
	return (item->guid == NULL);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct feed_info	 info;
	char			*cause = NULL;
	size_t			 n = 0;

	feed_parse((const char *)data, size, "https://fuzz.example/feed",
	    NULL, &info, fuzz_item, &n, &cause);
	feed_info_free(&info);
	free(cause);
	return (0);
}
