/*
 * libFuzzer target: the cleaner on arbitrary HTML, in both modes (a
 * whole page and a feed item's fragment), and on inline titles.
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "clean.h"
#include "util.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct clean_article	 art;
	char			*s, *text;

	memset(&art, 0, sizeof art);
	clean_page((const char *)data, size, "https://fuzz.example/a/",
	    NULL, &art);
	clean_article_free(&art);
	text = clean_fragment((const char *)data, size,
	    "https://fuzz.example/a/");
	free(text);
	s = xstrndup((const char *)data, size);
	text = clean_inline(s);
	free(text);
	free(s);
	return (0);
}
