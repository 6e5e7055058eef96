/*
 * libFuzzer target: JSON Feed through feed_parse_typed, as a poll hands it
 * over with a JSON Feed Content-Type, on arbitrary bytes.
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parse.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* Touch every field, so a dangling pointer shows under ASan. */
static int
fuzz_item(const struct feed_item *item, void *arg)
{
	size_t	*n = arg, i;

	*n += strlen(item->guid);
	*n += item->title != NULL ? strlen(item->title) : 0;
	*n += item->html != NULL ? strlen(item->html) : 0;
	*n += item->author != NULL ? strlen(item->author) : 0;
	for (i = 0; i < item->ncategories; i++)
		*n += strlen(item->categories[i]);
	for (i = 0; i < item->nenclosures; i++)
		*n += strlen(item->enclosures[i].url);
	return (0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct feed_info	 info;
	char			*cause = NULL;
	size_t			 n = 0;

	feed_parse_typed((const char *)data, size,
	    "https://fuzz.example/feed.json", "application/feed+json", NULL,
	    &info, fuzz_item, &n, &cause);
	feed_info_free(&info);
	free(cause);
	return (0);
}
