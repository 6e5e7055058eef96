/* libFuzzer target: the cleaner on arbitrary HTML. */
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
	char	*s, *text;

	text = clean_fragment((const char *)data, size,
	    "https://fuzz.example/a/");
	free(text);
	s = xstrndup((const char *)data, size);
	text = clean_inline(s);
	free(text);
	free(s);
	return (0);
}
